package io.fixpoint.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DerivativeCheckTest {

    /** Rosenbrock's function, its gradient and Hessian; {@code wrong} drops the factor 2 in ∂f/∂x₁ = 200(x₂ − x₁²). */
    static Objective rosenbrock(boolean wrong) {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                double a = x[1] - x[0] * x[0];
                return 100 * a * a + (1 - x[0]) * (1 - x[0]);
            }

            @Override
            public void gradient(double[] x, double[] g) {
                double a = x[1] - x[0] * x[0];
                g[0] = -400 * x[0] * a - 2 * (1 - x[0]);
                g[1] = (wrong ? 100 : 200) * a;
            }

            @Override
            public boolean hasHessian() {
                return true;
            }

            @Override
            public void hessian(double[] x, double[] h) {
                h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
                h[1] = -400 * x[0];
                h[2] = wrong ? 400 * x[0] : -400 * x[0];
                h[3] = 200;
            }
        };
    }

    /** r = (x₁x₂ − 1, sin x₁ + x₂²); {@code wrong} gives ∂r₂/∂x₁ = −cos x₁. */
    static LeastSquaresProblem residuals(boolean wrong) {
        return LeastSquaresProblem.of(2, 2, (x, r) -> {
            r[0] = x[0] * x[1] - 1;
            r[1] = Math.sin(x[0]) + x[1] * x[1];
        }, (x, j) -> {
            j[0] = x[1];
            j[1] = x[0];
            j[2] = wrong ? -Math.cos(x[0]) : Math.cos(x[0]);
            j[3] = 2 * x[1];
        });
    }

    @Test
    void aCorrectGradientPasses() {
        DerivativeCheck c = DerivativeCheck.gradient(rosenbrock(false), new double[] {-1.2, 1});
        assertThat(c.passes()).as(c.describe()).isTrue();
        assertThat(c.worstError()).isLessThan(1e-8);
    }

    @Test
    void aWrongGradientIsCaughtWhereItIsWrong() {
        DerivativeCheck c = DerivativeCheck.gradient(rosenbrock(true), new double[] {-1.2, 1});
        assertThat(c.passes()).isFalse();
        assertThat(c.column()).isEqualTo(1);
        // at (−1.2, 1): x₂ − x₁² = −0.44, so the true ∂f/∂x₂ is −88 and the wrong one −44
        assertThat(c.analytic()).isCloseTo(-44, within(1e-12));
        assertThat(c.finiteDifference()).isCloseTo(-88, within(1e-6));
        assertThat(c.worstError()).isGreaterThan(0.4);
        assertThat(c.describe()).contains("gradient", "component 1", "-44");
    }

    @Test
    void jacobiansAreCheckedEntryByEntry() {
        double[] x = {0.5, 2};
        assertThat(DerivativeCheck.jacobian(residuals(false), x).worstError()).isLessThan(1e-8);
        DerivativeCheck c = DerivativeCheck.jacobian(residuals(true), x);
        assertThat(c.passes()).isFalse();
        assertThat(c.row()).isEqualTo(1);
        assertThat(c.column()).isEqualTo(0);
        assertThat(c.describe()).contains("Jacobian", "entry (1, 0)");
    }

    @Test
    void hessiansAreCheckedAgainstDifferencesOfTheGradient() {
        double[] x = {-1.2, 1};
        assertThat(DerivativeCheck.hessian(rosenbrock(false), x).worstError()).isLessThan(1e-8);
        DerivativeCheck c = DerivativeCheck.hessian(rosenbrock(true), x);
        assertThat(c.passes()).isFalse();
        assertThat(c.row()).isEqualTo(1);
    }

    @Test
    void largeCoordinatesKeepTheErrorSmall() {
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return x[0] * x[0] + 3 * x[0] * x[1] + x[1] * x[1];
            }

            @Override
            public void gradient(double[] x, double[] g) {
                g[0] = 2 * x[0] + 3 * x[1];
                g[1] = 3 * x[0] + 2 * x[1];
            }
        };
        DerivativeCheck c = DerivativeCheck.gradient(f, new double[] {1e6, -2e6});
        assertThat(c.worstError()).as(c.describe()).isLessThan(1e-9);
    }

    @Test
    void aNonFiniteDerivativeFails() {
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double value(double[] x) {
                return x[0];
            }

            @Override
            public void gradient(double[] x, double[] g) {
                g[0] = Double.NaN;
            }
        };
        DerivativeCheck c = DerivativeCheck.gradient(f, new double[] {1});
        assertThat(c.worstError()).isInfinite();
        assertThat(c.passes()).isFalse();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> DerivativeCheck.gradient(rosenbrock(false), new double[] {1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("point has length 1");
        assertThatThrownBy(() -> DerivativeCheck.gradient(rosenbrock(false), new double[] {1, Double.NaN}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> DerivativeCheck.jacobian(FixedPointMap.of(1, (x, out) -> out[0] = x[0]), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Jacobian");
    }
}
