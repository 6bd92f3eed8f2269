package io.fixpoint.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.GradientMap;
import io.fixpoint.problem.Objective;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Derivatives of f against finite differences, and the maps' gradients against f's, for every model variant. */
class BradleyTerryModelTest {
    private static final ComparisonData DATA = Comparisons.random(12, 150, 1.0, 7);

    private static double[] point(BradleyTerryModel m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[m.dimension()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rng.nextGaussian();
        }
        return theta;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        for (BradleyTerryModel m : Comparisons.variants(DATA)) {
            Objective f = m.objective();
            double[] theta = point(m, 1);
            double[] g = new double[m.dimension()];
            f.gradient(theta, g);
            for (int k = 0; k < theta.length; k++) {
                double h = 1e-5;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[k] += h;
                minus[k] -= h;
                double fd = (f.value(plus) - f.value(minus)) / (2 * h);
                assertThat(g[k]).as(describe(m) + " ∂f/∂θ" + k).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void hessianMatchesDifferencesOfTheGradientAndHessianVectorProductsMatchIt() {
        for (BradleyTerryModel m : Comparisons.variants(DATA)) {
            Objective f = m.objective();
            int d = m.dimension();
            double[] theta = point(m, 2);
            double[] hess = new double[d * d];
            f.hessian(theta, hess);
            double[] gp = new double[d];
            double[] gm = new double[d];
            for (int k = 0; k < d; k++) {
                double h = 1e-6;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[k] += h;
                minus[k] -= h;
                f.gradient(plus, gp);
                f.gradient(minus, gm);
                for (int i = 0; i < d; i++) {
                    double fd = (gp[i] - gm[i]) / (2 * h);
                    assertThat(hess[i * d + k]).as(describe(m) + " H[" + i + "][" + k + "]").isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
            double[] v = point(m, 3);
            double[] hv = new double[d];
            f.hessianVector(theta, v, hv);
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += hess[i * d + k] * v[k];
                }
                assertThat(hv[i]).as(describe(m) + " (Hv)" + i).isCloseTo(s, within(1e-11 * Math.max(1, Math.abs(s))));
            }
        }
    }

    @Test
    void everyMapReturnsTheGradientOfF() {
        for (BradleyTerryModel m : Comparisons.variants(DATA)) {
            double[] theta = point(m, 4);
            double[] g = new double[m.dimension()];
            m.objective().gradient(theta, g);
            GradientMap[] maps = m.homeAdvantage() || m.ties() == Ties.DAVIDSON
                    ? new GradientMap[] {m.zermelo(), m.newman()}
                    : new GradientMap[] {m.zermelo(), m.newman(), m.ilsr()};
            for (GradientMap map : maps) {
                double[] out = new double[m.dimension()];
                double[] mg = new double[m.dimension()];
                map.apply(theta, out, mg);
                for (int k = 0; k < g.length; k++) {
                    assertThat(mg[k]).as(describe(m) + " " + map.getClass().getSimpleName()).isCloseTo(g[k], within(1e-10 * Math.max(1, Math.abs(g[k]))));
                }
            }
        }
    }

    @Test
    void fIsMinusTheLogLikelihoodPlusTheCentringTermOrMinusTheLogPrior() {
        BradleyTerryModel mle = BradleyTerryModel.of(DATA, Ties.DAVIDSON, true, false);
        double[] theta = point(mle, 5);
        double sum = 0;
        for (int i = 0; i < mle.data().itemCount(); i++) {
            sum += theta[i];
        }
        assertThat(mle.objective().value(theta)).isCloseTo(-mle.logLikelihood(theta) + 0.5 * sum * sum, within(1e-9));
        BradleyTerryModel map = BradleyTerryModel.of(DATA, Ties.DAVIDSON, true, true);
        double prior = 0;
        for (int i = 0; i < map.data().itemCount(); i++) {
            // One win and one loss against strength 1: log σ(s) + log σ(−s).
            prior += -Math.log1p(Math.exp(-theta[i])) - Math.log1p(Math.exp(theta[i]));
        }
        assertThat(map.objective().value(theta)).isCloseTo(-map.logLikelihood(theta) - prior, within(1e-9));
    }

    @Test
    void parametersAreTheItemsThenHomeThenTie() {
        BradleyTerryModel m = BradleyTerryModel.of(DATA, Ties.DAVIDSON, true, false);
        assertThat(m.dimension()).isEqualTo(14);
        assertThat(m.parameterNames()).startsWith("item0").endsWith("home", "tie");
        assertThat(BradleyTerryModel.of(DATA).parameterNames()).hasSize(12);
    }

    static String describe(BradleyTerryModel m) {
        return m.ties() + (m.homeAdvantage() ? "+home" : "") + (m.maximumAPosteriori() ? " MAP" : " MLE");
    }
}
