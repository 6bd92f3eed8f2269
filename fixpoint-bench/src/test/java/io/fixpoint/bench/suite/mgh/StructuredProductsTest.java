package io.fixpoint.bench.suite.mgh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Objective;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The O(n) products of the variable-dimension problems against their dense Jacobians and residual
 * Hessians (themselves checked against finite differences in {@link DerivativesTest}), and the
 * structured objective's gradient and Hessian-vector products against finite differences of its own
 * value and gradient, at sizes the dense forms can still be built for.
 */
class StructuredProductsTest {

    static List<StructuredSumOfSquares> functions() {
        return List.of(new ExtendedRosenbrock(12), new ExtendedPowell(12), new BroydenTridiagonal(11), new DiscreteBoundaryValue(13),
                new Penalty1(9), new Trigonometric(10), new Rosenbrock(), new PowellSingular());
    }

    static double[] near(double[] x0, long seed) {
        Random rnd = new Random(seed);
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.3 * rnd.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("functions")
    void productsAgreeWithTheDenseJacobianAndResidualHessians(StructuredSumOfSquares f) {
        int n = f.n();
        int m = f.m();
        double[] x = near(f.start(), 3);
        double[] jac = new double[m * n];
        f.jacobian(x, jac);
        Random rnd = new Random(5);
        double[] u = rnd.doubles(m, -1, 1).toArray();
        double[] v = rnd.doubles(n, -1, 1).toArray();
        double[] out = new double[n];
        f.jacobianTransposeProduct(x, u, out);
        for (int j = 0; j < n; j++) {
            double e = 0;
            for (int i = 0; i < m; i++) {
                e += jac[i * n + j] * u[i];
            }
            assertThat(out[j]).isCloseTo(e, within(1e-12 * (1 + Math.abs(e))));
        }
        double[] jv = new double[m];
        f.jacobianProduct(x, v, jv);
        for (int i = 0; i < m; i++) {
            double e = 0;
            for (int j = 0; j < n; j++) {
                e += jac[i * n + j] * v[j];
            }
            assertThat(jv[i]).isCloseTo(e, within(1e-12 * (1 + Math.abs(e))));
        }
        double[] s = new double[n * n];
        f.weightedResidualHessian(x, u, s);
        double[] sv = new double[n];
        f.addResidualHessianProduct(x, u, v, sv);
        for (int i = 0; i < n; i++) {
            double e = 0;
            for (int j = 0; j < n; j++) {
                e += s[i * n + j] * v[j];
            }
            assertThat(sv[i]).isCloseTo(e, within(1e-12 * (1 + Math.abs(e))));
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void theStructuredObjectiveIsTheDenseOne(StructuredSumOfSquares f) {
        Objective dense = f.asObjective();
        Objective structured = f.asStructuredObjective();
        int n = f.n();
        for (long seed : new long[] {1, 2}) {
            double[] x = near(f.start(), seed);
            double[] g = new double[n];
            double[] gd = new double[n];
            double value = dense.valueAndGradient(x, gd);
            assertThat(structured.valueAndGradient(x, g)).isCloseTo(value, within(1e-13 * (1 + value)));
            double scale = 1e-13 * (1 + io.fixpoint.linalg.Vectors.normInf(gd));
            assertThat(g).containsExactly(gd, within(scale));
            double[] v = new Random(seed + 10).doubles(n, -1, 1).toArray();
            double[] hv = new double[n];
            double[] hvd = new double[n];
            structured.hessianVector(x, v, hv);
            dense.hessianVector(x, v, hvd);
            assertThat(hv).containsExactly(hvd, within(1e-12 * (1 + io.fixpoint.linalg.Vectors.normInf(hvd))));
        }
        assertThat(structured.hasHessian()).isFalse();
        assertThat(structured.hasHessianVector()).isTrue();
    }

    @Test
    void penaltyOnesMinimumIsThePublishedOne() {
        assertThat(Penalty1.minimum(10)).isCloseTo(7.0876514670903700e-5, within(1e-18));
        assertThat(Penalty1.minimum(4)).isCloseTo(2.24997e-5, within(1e-10)); // MGH print 2.24997…e−5
        // at the minimiser the gradient vanishes, at every size
        for (int n : new int[] {1, 100, 1_000_000}) {
            Penalty1 f = new Penalty1(n);
            double a = 1e-5;
            double t = 1;
            for (int k = 0; k < 200; k++) {
                t -= (4.0 * n * t * t * t + (2 * a - 1) * t - 2 * a) / (12.0 * n * t * t + 2 * a - 1);
            }
            double[] x = new double[n];
            java.util.Arrays.fill(x, t);
            double[] g = new double[n];
            double value = f.asStructuredObjective().valueAndGradient(x, g);
            assertThat(value).isCloseTo(Penalty1.minimum(n), within(1e-9 * value)); // a sum of n rounded terms
            assertThat(io.fixpoint.linalg.Vectors.normInf(g)).isLessThan(1e-12);
        }
    }
}
