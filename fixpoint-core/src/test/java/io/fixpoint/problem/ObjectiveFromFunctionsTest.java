package io.fixpoint.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.bounded.Lbfgsb;
import io.fixpoint.minimize.Lbfgs;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;

/** Objectives built from a function alone: finite-difference and complex-step gradients against analytic ones. */
class ObjectiveFromFunctionsTest {

    /** f = e^{x₀}x₁² + x₀x₁x₂ + sin x₂, with its gradient. */
    static double value(double[] x) {
        return Math.exp(x[0]) * x[1] * x[1] + x[0] * x[1] * x[2] + Math.sin(x[2]);
    }

    static void gradient(double[] x, double[] g) {
        g[0] = Math.exp(x[0]) * x[1] * x[1] + x[1] * x[2];
        g[1] = 2 * Math.exp(x[0]) * x[1] + x[0] * x[2];
        g[2] = x[0] * x[1] + Math.cos(x[2]);
    }

    /** The same f in complex arithmetic: e^{z₀}z₁² + z₀z₁z₂ + sin z₂. */
    static void complexValue(double[] re, double[] im, double[] out) {
        double er = Math.exp(re[0]) * Math.cos(im[0]);
        double ei = Math.exp(re[0]) * Math.sin(im[0]);
        double sqr = re[1] * re[1] - im[1] * im[1];
        double sqi = 2 * re[1] * im[1];
        double ar = er * sqr - ei * sqi;
        double ai = er * sqi + ei * sqr;
        double pr = re[0] * re[1] - im[0] * im[1];
        double pi = re[0] * im[1] + im[0] * re[1];
        double br = pr * re[2] - pi * im[2];
        double bi = pr * im[2] + pi * re[2];
        double sr = Math.sin(re[2]) * Math.cosh(im[2]);
        double si = Math.cos(re[2]) * Math.sinh(im[2]);
        out[0] = ar + br + sr;
        out[1] = ai + bi + si;
    }

    static final double[][] POINTS = {{0.3, -1.2, 2.0}, {-2, 0.5, 1e-3}, {1.5, 40, -7}};

    static double relativeError(Objective f, double[] x) {
        double[] g = new double[3];
        double[] exact = new double[3];
        double v = f.valueAndGradient(x.clone(), g);
        assertThat(v).isCloseTo(value(x), within(1e-15 * Math.abs(value(x))));
        gradient(x, exact);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < 3; i++) {
            err = Math.max(err, Math.abs(g[i] - exact[i]));
            scale = Math.max(scale, Math.abs(exact[i]));
        }
        return err / scale;
    }

    @Test
    void forwardDifferencesGetAboutHalfTheDigits() {
        Objective f = Objective.of(3, ObjectiveFromFunctionsTest::value, Objective.Differences.FORWARD);
        for (double[] x : POINTS) {
            assertThat(relativeError(f, x)).isLessThan(1e-6).isGreaterThan(0);
        }
    }

    @Test
    void centralDifferencesGetAboutTwoThirdsOfThem() {
        Objective f = Objective.of(3, ObjectiveFromFunctionsTest::value, Objective.Differences.CENTRAL);
        for (double[] x : POINTS) {
            assertThat(relativeError(f, x)).isLessThan(1e-9);
        }
    }

    @Test
    void theComplexStepIsExactToRounding() {
        Objective f = Objective.ofComplex(3, ObjectiveFromFunctionsTest::complexValue);
        for (double[] x : POINTS) {
            assertThat(relativeError(f, x)).isLessThan(1e-15);
        }
    }

    @Test
    void theExactGradientIsUsedAsGiven() {
        Objective f = Objective.of(3, ObjectiveFromFunctionsTest::value, ObjectiveFromFunctionsTest::gradient);
        for (double[] x : POINTS) {
            assertThat(relativeError(f, x)).isZero();
        }
        assertThat(f.warnings()).isEmpty();
    }

    static double rosenbrock(double[] x) {
        return 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
    }

    @Test
    void aSolutionOfAnApproximateGradientSaysSo() {
        Objective f = Objective.of(2, ObjectiveFromFunctionsTest::rosenbrock, Objective.Differences.CENTRAL);
        Solution s = Driver.builder().tolerance(1e-6).build().solve(new Lbfgs(), f, new double[] {-1.2, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-6));
        assertThat(s.message()).contains("warning: the gradient is approximated by central differences");
        assertThat(s.details().get("warnings")).asList().hasSize(1);
    }

    @Test
    void theWarningTravelsWithTheBoundsAndBesideTheirOwn() {
        Objective f = Objective.of(2, ObjectiveFromFunctionsTest::rosenbrock, Objective.Differences.FORWARD);
        BoundedObjective p = f.withBounds(new Bounds(new double[] {2, Double.NEGATIVE_INFINITY}, new double[] {3, Double.POSITIVE_INFINITY}));
        Solution s = Driver.builder().tolerance(1e-5).build().solve(new Lbfgsb(), p, new double[] {-1.2, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {2, 4}, within(1e-6));
        assertThat(s.message()).contains("forward differences").contains("outside the bounds");
        assertThat(s.details().get("warnings")).asList().hasSize(2);
    }

    @Test
    void aDimensionBelowOneIsRejected() {
        assertThatThrownBy(() -> Objective.of(0, ObjectiveFromFunctionsTest::value, Objective.Differences.FORWARD))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("n = 0");
        assertThatThrownBy(() -> Objective.ofComplex(-1, ObjectiveFromFunctionsTest::complexValue))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("n = -1");
    }
}
