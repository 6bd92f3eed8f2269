package io.fixpoint.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The large-scale suite's problems at small n against finite differences, and what makes them usable at large n. */
class ScalableProblemsTest {

    static java.util.List<ScalableProblem> problems() {
        return Suites.scalable();
    }

    /** Central differences of g with a step scaled to x. */
    static double[] differences(Objective f, double[] x, double[] v, boolean ofGradient) {
        int n = x.length;
        double[] out = new double[n];
        double[] xp = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        if (ofGradient) {
            double h = 1e-6 * Math.max(1, Vectors.normInf(x)) / Math.max(1e-300, Vectors.normInf(v));
            Vectors.addScaled(x, h, v, xp);
            f.gradient(xp, gp);
            Vectors.addScaled(x, -h, v, xp);
            f.gradient(xp, gm);
            for (int i = 0; i < n; i++) {
                out[i] = (gp[i] - gm[i]) / (2 * h);
            }
            return out;
        }
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[j]));
            xp[j] = x[j] + h;
            double fp = f.value(xp);
            xp[j] = x[j] - h;
            double fm = f.value(xp);
            xp[j] = x[j];
            out[j] = (fp - fm) / (2 * h);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("problems")
    void gradientsAndHessianProductsAgreeWithDifferencesAtSmallN(ScalableProblem p) {
        TestProblem t = p.at(p.step() == 4 ? 16 : 20);
        Objective f = t.objective();
        int n = f.dimension();
        Random rnd = new Random(17);
        for (double[] x : new double[][] {t.start(), rnd.doubles(n, -1, 1).toArray()}) {
            double[] g = new double[n];
            f.gradient(x, g);
            double[] fd = differences(f, x, null, false);
            assertThat(g).as(p.name()).containsExactly(fd, within(1e-6 * (1 + Vectors.normInf(g))));
            double[] v = rnd.doubles(n, -1, 1).toArray();
            double[] hv = new double[n];
            f.hessianVector(x, v, hv);
            assertThat(hv).as(p.name()).containsExactly(differences(f, x, v, true), within(1e-5 * (1 + Vectors.normInf(hv))));
        }
    }

    @ParameterizedTest
    @MethodSource("problems")
    void aGradientAtLargeNAllocatesNothing(ScalableProblem p) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        TestProblem t = p.at(100_000);
        double[] x = t.start();
        double[] g = new double[x.length];
        double[] hv = new double[x.length];
        long least = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            t.objective().valueAndGradient(x, g);
            t.objective().hessianVector(x, g, hv);
            least = Math.min(least, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        }
        assertThat(least).as(p.name()).isLessThan(1000); // a vector is 800 000 bytes
        assertThat(Vectors.allFinite(g)).isTrue();
    }

    @Test
    void theQuadraticHasItsConditionNumberAndItsMinimiser() {
        int n = 50;
        ConvexQuadratic q = new ConvexQuadratic(n, 1e4, 1);
        double[] g = new double[n];
        assertThat(q.valueAndGradient(q.minimizer(), g)).isZero();
        assertThat(Vectors.normInf(g)).isZero();
        // The eigenvalues are those of D: the Rayleigh quotients over random vectors lie in [1, κ] and reach near both ends.
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        Random rnd = new Random(2);
        double[] hv = new double[n];
        for (int k = 0; k < 200; k++) {
            double[] v = rnd.doubles(n, -1, 1).toArray();
            q.hessianVector(null, v, hv);
            double r = Vectors.dot(v, hv) / Vectors.dot(v, v);
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        assertThat(lo).isGreaterThanOrEqualTo(1 - 1e-12);
        assertThat(hi).isLessThanOrEqualTo(1e4 * (1 + 1e-12));
        // f(x) = ½(x − x*)ᵀA(x − x*) along a line is the exact quadratic
        double[] x = rnd.doubles(n, -2, 2).toArray();
        double[] d = rnd.doubles(n, -1, 1).toArray();
        double[] z = new double[n];
        Vectors.subtract(x, q.minimizer(), z);
        q.hessianVector(null, z, hv);
        assertThat(q.value(x)).isCloseTo(0.5 * Vectors.dot(z, hv), within(1e-10 * q.value(x)));
    }

    /** The counter-based hash the NumPy peer reproduces: values frozen from {@code peers/large.py}. */
    @Test
    void theQuadraticsRandomNumbersAreTheFrozenOnes() {
        assertThat(ConvexQuadratic.uniform(1, 0, 0)).isEqualTo(FROZEN[0]);
        assertThat(ConvexQuadratic.uniform(1, 1, 0)).isEqualTo(FROZEN[1]);
        assertThat(ConvexQuadratic.uniform(7, 0, 999_999)).isEqualTo(FROZEN[2]);
    }

    static final double[] FROZEN = {0.43152799704850997, 0.45906731214326846, 0.13531185431386306};

    @Test
    void dimensionsAreValidatedAndNamesKnown() {
        assertThatThrownBy(() -> Suites.problem("extended-rosenbrock", 3)).hasMessageContaining("multiple of 2");
        assertThatThrownBy(() -> Suites.problem("extended-powell", 10)).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> Suites.problem("beale", 10)).hasMessageContaining("no dimension parameter").hasMessageContaining("extended-rosenbrock");
        assertThat(Suites.problem("penalty-1", 1_000_000).dimension()).isEqualTo(1_000_000);
    }
}
