package io.fixpoint.bench.suite.mgh;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every analytic derivative against fourth-order central differences, at the standard start and at
 * two seeded random points near it: Jacobian against residuals, each residual Hessian ∇²r_i against
 * the Jacobian's row i, the gradient against the value and the Hessian against the gradient.
 */
class DerivativesTest {
    private static final double RTOL = 1e-6;

    /** Every problem of the suite, the other published sizes, and the square systems. */
    static List<SumOfSquares> functions() {
        List<SumOfSquares> all = new ArrayList<>();
        Mgh.problems().forEach(e -> all.add(e.function()));
        all.add(new Penalty1(4));
        all.add(new Penalty2(4));
        all.add(new Watson(9));
        all.add(new Watson(12));
        all.add(new Chebyquad(9));
        all.add(new Chebyquad(10));
        all.add(new Chebyquad(8, 12));
        all.add(new BrownAlmostLinear(5));
        return all;
    }

    static Stream<Arguments> points() {
        List<Arguments> out = new ArrayList<>();
        for (SumOfSquares f : functions()) {
            double[] x0 = f.start();
            out.add(Arguments.of(f, "x0", x0));
            Random random = new Random(f.name().hashCode() * 31L + f.n());
            for (int k = 1; k <= 2; k++) {
                double[] x = x0.clone();
                for (int j = 0; j < x.length; j++) {
                    x[j] += 0.1 * (Math.abs(x[j]) + 0.1) * (2 * random.nextDouble() - 1);
                }
                out.add(Arguments.of(f, "random " + k, x));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("points")
    void jacobianMatchesResidualDifferences(SumOfSquares f, String where, double[] x) {
        int n = f.n();
        int m = f.m();
        double[] jac = new double[m * n];
        f.jacobian(x, jac);
        double[][] fd = FiniteDifferences.derivative(f::residuals, x, m);
        for (int i = 0; i < m; i++) {
            double scale = 0;
            double err = 0;
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(fd[j][i]));
                err = Math.max(err, Math.abs(jac[i * n + j] - fd[j][i]));
            }
            assertThat(err).as("%s row %d at %s", f, i, where).isLessThanOrEqualTo(RTOL * scale + 1e-12);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("points")
    void residualHessiansMatchJacobianDifferences(SumOfSquares f, String where, double[] x) {
        int n = f.n();
        int m = f.m();
        // fd[j][i*n + k] = ∂J_ik/∂x_j = (∇²r_i)_jk
        double[][] fd = FiniteDifferences.derivative(f::jacobian, x, m * n);
        double[] jac = new double[m * n];
        f.jacobian(x, jac);
        double[] w = new double[m];
        double[] s = new double[n * n];
        for (int i = 0; i < m; i++) {
            w[i] = 1;
            f.weightedResidualHessian(x, w, s);
            w[i] = 0;
            double scale = 0;
            double rowScale = 0;
            for (int j = 0; j < n; j++) {
                rowScale = Math.max(rowScale, Math.abs(jac[i * n + j]));
                for (int k = 0; k < n; k++) {
                    scale = Math.max(scale, Math.abs(fd[j][i * n + k]));
                }
            }
            double err = 0;
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    err = Math.max(err, Math.abs(s[j * n + k] - fd[j][i * n + k]));
                }
            }
            // The floor absorbs rounding noise where the true ∇²r_i is zero (linear residuals).
            assertThat(err).as("%s residual %d at %s", f, i, where)
                .isLessThanOrEqualTo(RTOL * scale + 1e-9 * rowScale + 1e-12);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("points")
    void gradientMatchesValueDifferences(SumOfSquares f, String where, double[] x) {
        Objective obj = f.asObjective();
        int n = f.n();
        double[] g = new double[n];
        double value = obj.valueAndGradient(x, g);
        assertThat(value).isEqualTo(obj.value(x)).isEqualTo(f.value(x));
        double[] g2 = new double[n];
        obj.gradient(x, g2);
        assertThat(g2).containsExactly(g);

        double[][] fd = FiniteDifferences.derivative((y, out) -> out[0] = obj.value(y), x, 1);
        double scale = 0;
        double err = 0;
        for (int j = 0; j < n; j++) {
            scale = Math.max(scale, Math.abs(fd[j][0]));
            err = Math.max(err, Math.abs(g[j] - fd[j][0]));
        }
        assertThat(scale).as("%s has a non-zero gradient at %s", f, where).isPositive();
        assertThat(err).as("%s at %s", f, where).isLessThanOrEqualTo(RTOL * scale);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("points")
    void hessianMatchesGradientDifferences(SumOfSquares f, String where, double[] x) {
        Objective obj = f.asObjective();
        int n = f.n();
        assertThat(obj.hasHessian()).isTrue();
        double[] h = new double[n * n];
        obj.hessian(x, h);
        double[][] fd = FiniteDifferences.derivative(obj::gradient, x, n);
        double scale = 0;
        double err = 0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                scale = Math.max(scale, Math.abs(fd[j][k]));
                err = Math.max(err, Math.abs(h[j * n + k] - fd[j][k]));
                assertThat(h[j * n + k]).as("symmetry").isEqualTo(h[k * n + j]);
            }
        }
        assertThat(err).as("%s at %s", f, where).isLessThanOrEqualTo(RTOL * scale);

        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = Math.sin(j + 1.0);
        }
        double[] hv = new double[n];
        obj.hessianVector(x, v, hv);
        for (int j = 0; j < n; j++) {
            double expected = 0;
            for (int k = 0; k < n; k++) {
                expected += h[j * n + k] * v[k];
            }
            assertThat(hv[j]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(expected))));
        }
    }
}
