package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.DerivativeCheck;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The multinomial (softmax) model: its value from the definition, its derivatives, its start and its fits. */
class MultinomialSumTest {
    static final int D = 5;
    static final int K = 3;
    static final double LAMBDA = 0.01;
    static final List<LabeledRow> ROWS = Synthetic.multinomial(400, D, K, 5);

    static ArrayGlmSum sum(boolean standardized, int partitions) {
        return ArrayGlmSum.multinomial(ROWS, D, K, LAMBDA, standardized, partitions, ParallelExecutor.sequential());
    }

    static double[] point(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[K * (D + 1)];
        for (int j = 0; j < w.length; j++) {
            w[j] = r.nextDouble(-1, 1);
        }
        return w;
    }

    /** (1/N) Σ (log Σₖ e^{βₖᵀx + bₖ} − (β_yᵀx + b_y)) + (λ/2) Σₖ Σⱼ (βₖⱼσⱼ)² written out on the original features. */
    @Test
    void theValueIsTheMeanCrossEntropyPlusThePenaltyOnEveryClass() {
        ArrayGlmSum f = sum(true, 2);
        double[] beta = point(3);
        double[] std = f.standardization().std();
        double expected = 0;
        for (LabeledRow r : ROWS) {
            double[] m = new double[K];
            double z = 0;
            for (int k = 0; k < K; k++) {
                m[k] = beta[k * (D + 1) + D];
                for (int j = 0; j < D; j++) {
                    m[k] += beta[k * (D + 1) + j] * r.values()[j];
                }
                z += Math.exp(m[k]);
            }
            expected += Math.log(z) - m[(int) r.label()];
        }
        expected /= ROWS.size();
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < D; j++) {
                double w = beta[k * (D + 1) + j] * std[j];
                expected += 0.5 * LAMBDA * w * w;
            }
        }
        double[] x = f.parameters(beta);
        assertThat(f.value(x, Batch.all())).isCloseTo(expected, offset(1e-13));
        assertThat(f.coefficients(x)).containsExactly(beta, offset(1e-13));
        assertThat(f.dimension()).isEqualTo(K * (D + 1));
        assertThat(f.margins()).isEqualTo(K);
    }

    @Test
    void gradientAndHessianVectorMatchCentralDifferences() {
        for (boolean standardized : new boolean[] {true, false}) {
            ArrayGlmSum f = sum(standardized, 3);
            double[] w = point(1);
            DerivativeCheck g = DerivativeCheck.gradient(f.fullBatch(), w);
            assertThat(g.worstError()).as("%s", g.describe()).isLessThan(1e-8);
            double[] v = point(2);
            double[] hv = new double[w.length];
            f.hessianVector(w, Batch.all(), v, hv);
            double h = 1e-5;
            double[] p = w.clone();
            double[] m = w.clone();
            for (int j = 0; j < w.length; j++) {
                p[j] += h * v[j];
                m[j] -= h * v[j];
            }
            double[] gp = new double[w.length];
            double[] gm = new double[w.length];
            f.valueAndGradient(p, Batch.all(), gp);
            f.valueAndGradient(m, Batch.all(), gm);
            for (int j = 0; j < w.length; j++) {
                assertThat(hv[j]).as("Hv %d, standardized %s", j, standardized).isCloseTo((gp[j] - gm[j]) / (2 * h), offset(1e-8));
            }
        }
    }

    /** The softmax stays finite where a naive exp overflows (margins of several hundred). */
    @Test
    void largeMarginsDoNotOverflow() {
        ArrayGlmSum f = sum(true, 1);
        double[] w = point(4);
        for (int j = 0; j < w.length; j++) {
            w[j] *= 400;
        }
        double[] g = new double[w.length];
        assertThat(f.valueAndGradient(w, Batch.all(), g)).isFinite().isPositive();
        assertThat(java.util.Arrays.stream(g).allMatch(Double::isFinite)).isTrue();
    }

    /** MLlib's start: zero coefficients and intercepts log(1 + countₖ) centred; the class counts come from the moments pass. */
    @Test
    void theStartFollowsTheClassCounts() {
        ArrayGlmSum f = sum(true, 2);
        double[] counts = new double[K];
        ROWS.forEach(r -> counts[(int) r.label()]++);
        assertThat(f.standardization().classCounts()).containsExactly(counts);
        double[] x = f.start();
        double mean = (Math.log1p(counts[0]) + Math.log1p(counts[1]) + Math.log1p(counts[2])) / K;
        for (int k = 0; k < K; k++) {
            assertThat(x[k * (D + 1) + D]).isCloseTo(Math.log1p(counts[k]) - mean, offset(1e-15));
            for (int j = 0; j < D; j++) {
                assertThat(x[k * (D + 1) + j]).isZero();
            }
        }
    }

    @Test
    void bothMinimisersReachTheSameModelAndTheModelRecoversTheClasses() {
        ArrayGlmSum f = sum(true, 2);
        Solution lbfgs = GlmFit.fit(f, "lbfgs", 1e-10, 1000);
        Solution newton = GlmFit.fit(f, "trust-newton-cg", 1e-10, 200);
        assertThat(lbfgs.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.value()).isCloseTo(lbfgs.value(), offset(1e-13));
        double[][] rows = (double[][]) newton.details().get("coefficients");
        double[] intercepts = (double[]) newton.details().get("intercepts");
        assertThat(rows).hasNumberOfRows(K);
        assertThat(rows[0]).hasSize(D);
        assertThat(intercepts).hasSize(K);
        // the fitted model classifies its own training data far better than the majority class
        int right = 0;
        for (LabeledRow r : ROWS) {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < K; k++) {
                double m = intercepts[k];
                for (int j = 0; j < D; j++) {
                    m += rows[k][j] * r.values()[j];
                }
                if (m > top) {
                    top = m;
                    best = k;
                }
            }
            right += best == (int) r.label() ? 1 : 0;
        }
        assertThat(right).isGreaterThan(ROWS.size() * 6 / 10);
    }

    /** An L1 penalty covers every class's coefficients, never the intercepts, and owlqn finds exact zeros in several classes. */
    @Test
    void anElasticNetPenalisesEveryClass() {
        ArrayGlmSum f = sum(true, 2);
        double[] weights = f.l1Weights(0.05);
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < D; j++) {
                assertThat(weights[k * (D + 1) + j]).isEqualTo(0.05);
            }
            assertThat(weights[k * (D + 1) + D]).isZero();
        }
        Solution s = GlmFit.fit(f, 0.05, "owlqn", 1e-8, 2000);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat((long) s.details().get("zeroCoefficients")).isPositive();
    }

    @Test
    void labelsMustBeClassesAndTwoClassesAtLeast() {
        ParallelExecutor seq = ParallelExecutor.sequential();
        List<LabeledRow> three = List.of(LabeledRow.dense(0, new double[D]), LabeledRow.dense(3, new double[D]));
        assertThatThrownBy(() -> ArrayGlmSum.multinomial(three, D, K, LAMBDA, true, 1, seq))
                .hasMessage("row 1: label 3.0 is not a class 0, 1, …, 2 (multinomial loss)");
        List<LabeledRow> half = List.of(LabeledRow.dense(0.5, new double[D]));
        assertThatThrownBy(() -> ArrayGlmSum.multinomial(half, D, K, LAMBDA, true, 1, seq)).hasMessageContaining("label 0.5 is not a class");
        List<LabeledRow> gap = List.of(LabeledRow.dense(0, new double[D]), LabeledRow.dense(2, new double[D]));
        assertThatThrownBy(() -> ArrayGlmSum.multinomial(gap, D, K, LAMBDA, true, 1, seq))
                .hasMessage("no example has class 1 of 0 … 2: the model's unpenalised intercept has no finite optimum");
        assertThatThrownBy(() -> ArrayGlmSum.multinomial(ROWS, D, 1, LAMBDA, true, 1, seq))
                .hasMessage("a multinomial model needs at least 2 classes, got 1");
        ArrayGlmSum f = sum(true, 1);
        assertThatThrownBy(() -> f.value(new double[D + 1], Batch.all()))
                .hasMessageContaining("the point has length 6, the model 18 (3 classes × 5 coefficients and the intercept)");
    }
}
