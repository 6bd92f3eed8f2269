package io.fixpoint.leastsquares;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.expr.Expression;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeastSquaresSolversTest {

    /** Rosenbrock as least squares: r = (10(x₂ − x₁²), 1 − x₁), minimum 0 at (1, 1). */
    static LeastSquaresProblem rosenbrock() {
        return LeastSquaresProblem.of(2, 2, (x, r) -> {
            r[0] = 10 * (x[1] - x[0] * x[0]);
            r[1] = 1 - x[0];
        }, (x, j) -> {
            j[0] = -20 * x[0];
            j[1] = 10;
            j[2] = -1;
            j[3] = 0;
        });
    }

    /** Exact data from y = 3·exp(−0.7 t) + 0.5: a zero-residual fit with a known answer. */
    static CurveFit exponential() {
        double[] t = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.25 * i;
            y[i] = 3 * Math.exp(-0.7 * t[i]) + 0.5;
        }
        return CurveFit.of(Expression.parse("a*exp(-k*t) + c"), List.of("a", "k", "c"), "t", t, y);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm", "lm-geodesic", "dogleg", "gauss-newton", "trf"})
    void solvesRosenbrockFromTheStandardStart(String method) {
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(Catalog.builtIn().leastSquares(method).create(), rosenbrock(), new double[] {-1.2, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(1, within(1e-10));
        assertThat(s.x()[1]).isCloseTo(1, within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm", "lm-geodesic", "dogleg", "gauss-newton", "trf"})
    void recoversExponentialParameters(String method) {
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(Catalog.builtIn().leastSquares(method).create(), exponential(), new double[] {1, 0.2, 0});
        assertThat(s.converged()).as(s.toString()).isTrue();
        assertThat(s.x()).containsExactly(new double[] {3, 0.7, 0.5}, within(1e-9));
        assertThat(s.evaluations().get(Evaluation.RESIDUAL)).isPositive();
        assertThat(s.evaluations().get(Evaluation.JACOBIAN)).isEqualTo(s.iterations() + 1L);
    }

    @Test
    void geodesicAccelerationTakesAcceleratedSteps() {
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt().withGeodesicAcceleration(), exponential(), new double[] {1, 0.2, 0});
        assertThat(s.details().get("acceleratedTrials")).isInstanceOf(Integer.class);
        assertThat((Integer) s.details().get("acceleratedTrials")).isPositive();
    }

    @Test
    void trfRespectsBoundsAndFindsTheConstrainedMinimum() {
        // with x₁ ≤ 0.5, the minimum of Rosenbrock is at (0.5, 0.25)
        LeastSquaresProblem p = rosenbrock().withBounds(new Bounds(new double[] {-2, -1}, new double[] {0.5, 2}));
        double[][] worst = {{0}};
        Driver d = Driver.builder().tolerances(Tolerances.of(0)).maxIterations(1000).listener((k, st, c) -> {
            worst[0][0] = Math.max(worst[0][0], st.x()[0] - 0.5);
            worst[0][0] = Math.max(worst[0][0], -2 - st.x()[0]);
        }).build();
        Solution s = d.solve(new TrustRegionReflective(), p, new double[] {-1.2, 1});
        assertThat(s.converged()).as(s.toString()).isTrue();
        assertThat(worst[0][0]).isLessThanOrEqualTo(0);
        assertThat(s.x()[0]).isCloseTo(0.5, within(1e-8));
        assertThat(s.x()[1]).isCloseTo(0.25, within(1e-8));
        assertThat(s.optimality()).isLessThan(1e-8);
    }

    @Test
    void trfWithAnInactiveBoundMatchesTheUnboundedAnswer() {
        LeastSquaresProblem p = exponential().withBounds(new Bounds(new double[] {0, 0, -10}, new double[] {10, 5, 10}));
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new TrustRegionReflective(), p, new double[] {1, 0.2, 0});
        assertThat(s.x()).containsExactly(new double[] {3, 0.7, 0.5}, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm", "dogleg", "gauss-newton"})
    void unboundedMethodsRefuseBounds(String method) {
        LeastSquaresProblem p = rosenbrock().withBounds(new Bounds(new double[] {-2, -1}, new double[] {0.5, 2}));
        assertThatThrownBy(() -> Catalog.builtIn().leastSquares("lm").defaults().driver().solve(Catalog.builtIn().leastSquares(method).create(), p, new double[] {0, 0}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("trf");
    }

    @Test
    void boundsAreValidated() {
        assertThatThrownBy(() -> new Bounds(new double[] {1}, new double[] {0})).hasMessageContaining("lower < upper");
        assertThatThrownBy(() -> new Bounds(new double[] {1, 2}, new double[] {3})).hasMessageContaining("length 2").hasMessageContaining("length 1");
        assertThatThrownBy(() -> rosenbrock().withBounds(Bounds.unbounded(3))).hasMessageContaining("length 3");
        LeastSquaresProblem p = rosenbrock().withBounds(new Bounds(new double[] {0, 0}, new double[] {1, 1}));
        assertThatThrownBy(() -> Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new TrustRegionReflective(), p, new double[] {2, 0}))
                .hasMessageContaining("outside the bounds");
        assertThatThrownBy(() -> Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt(), rosenbrock(), new double[] {1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("length 1");
        assertThatThrownBy(() -> LeastSquaresProblem.of(2, 0, (x, r) -> { }, (x, j) -> { })).hasMessageContaining("m = 0");
        assertThatThrownBy(() -> Catalog.builtIn().leastSquares("newton").create()).hasMessageContaining("lm, lm-geodesic");
    }

    @Test
    void nonFiniteTrialPointsShrinkTheRegion() {
        // r = log(x) − 1 is NaN for x < 0, where the first full step from 0.05 lands; the answer is e
        LeastSquaresProblem p = LeastSquaresProblem.of(1, 1, (x, r) -> r[0] = Math.log(x[0]) - 1, (x, j) -> j[0] = 1 / x[0]);
        for (String m : List.of("lm", "dogleg", "gauss-newton")) {
            Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(Catalog.builtIn().leastSquares(m).create(), p, new double[] {0.05});
            assertThat(s.converged()).as(m + ": " + s).isTrue();
            assertThat(s.x()[0]).as(m).isCloseTo(Math.E, within(1e-12));
        }
    }

    @Test
    void nonFiniteStartIsReportedNotSolved() {
        LeastSquaresProblem p = LeastSquaresProblem.of(1, 1, (x, r) -> r[0] = Math.sqrt(x[0]), (x, j) -> j[0] = 0.5 / Math.sqrt(x[0]));
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt(), p, new double[] {-1});
        assertThat(s.status()).isEqualTo(Status.NON_FINITE);
    }

    @Test
    void sameInputSameBits() {
        Solution a = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt(), exponential(), new double[] {1, 0.2, 0});
        Solution b = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt(), exponential(), new double[] {1, 0.2, 0});
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.iterations()).isEqualTo(b.iterations());
    }

    @Test
    void asObjectiveGivesHalfSumOfSquaresAndItsGradient() {
        var f = rosenbrock().asObjective();
        double[] g = new double[2];
        double v = f.valueAndGradient(new double[] {-1.2, 1}, g);
        assertThat(v).isCloseTo(0.5 * (100 * Math.pow(1 - 1.44, 2) + 2.2 * 2.2), within(1e-12));
        // ∇ of ½(100(x₂−x₁²)² + (1−x₁)²) = (−200x₁(x₂−x₁²) − (1−x₁), 100(x₂−x₁²))
        assertThat(g[0]).isCloseTo(-200 * -1.2 * (1 - 1.44) - 2.2, within(1e-12));
        assertThat(g[1]).isCloseTo(100 * (1 - 1.44), within(1e-12));
    }

    @Test
    void jacobianProductsAndCountsComeFromTheJacobian() {
        io.fixpoint.problem.Counts counts = new io.fixpoint.problem.Counts();
        LeastSquaresProblem p = rosenbrock().counted(counts);
        double[] x = {-1.2, 1};
        double[] jv = new double[2];
        p.jacobianVector(x, new double[] {1, 2}, jv);
        assertThat(jv).containsExactly(24 * 1 + 10 * 2, -1);
        double[] jtu = new double[2];
        p.jacobianTransposeVector(x, new double[] {1, 2}, jtu);
        assertThat(jtu).containsExactly(24 - 2, 10);
        p.residuals(x, jv);
        assertThat(counts.get(Evaluation.JACOBIAN_VECTOR)).isEqualTo(2);
        assertThat(counts.get(Evaluation.RESIDUAL)).isEqualTo(1);
        assertThat(p.withBounds(Bounds.unbounded(2)).bounds().isBounded()).isFalse();
    }

    @Test
    void linearRegressionStandardErrorsMatchTheClosedForm() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1.1, 1.9, 3.2, 3.9, 5.1, 5.8};
        CurveFit p = CurveFit.of(Expression.parse("a + b*x"), List.of("a", "b"), "x", x, y);
        Solution s = Catalog.builtIn().leastSquares("lm").defaults().driver().solve(new LevenbergMarquardt(), p, new double[] {0, 0});
        FitStatistics st = FitStatistics.at(p, s.x());
        double mx = 3.5;
        double sxx = 17.5;
        double b = 0;
        for (int i = 0; i < 6; i++) {
            b += (x[i] - mx) * y[i];
        }
        b /= sxx;
        double a = (1.1 + 1.9 + 3.2 + 3.9 + 5.1 + 5.8) / 6 - b * mx;
        double rss = 0;
        for (int i = 0; i < 6; i++) {
            rss += Math.pow(y[i] - a - b * x[i], 2);
        }
        double s2 = rss / 4;
        assertThat(s.x()).containsExactly(new double[] {a, b}, within(1e-12));
        assertThat(st.rss()).isCloseTo(rss, within(1e-14));
        assertThat(st.standardErrors()[1]).isCloseTo(Math.sqrt(s2 / sxx), within(1e-12));
        assertThat(st.standardErrors()[0]).isCloseTo(Math.sqrt(s2 * (1.0 / 6 + mx * mx / sxx)), within(1e-12));
        assertThat(st.rank()).isEqualTo(2);
    }

    @Test
    void curveFitValidatesItsInputs() {
        Expression m = Expression.parse("a*x");
        assertThatThrownBy(() -> CurveFit.of(m, List.of("a", "q"), "x", new double[] {1}, new double[] {1})).hasMessageContaining("'q'");
        assertThatThrownBy(() -> CurveFit.of(m, List.of("a"), "x", new double[] {1, 2}, new double[] {1})).hasMessageContaining("2 values");
        assertThatThrownBy(() -> CurveFit.of(Expression.parse("a*x+z"), List.of("a"), "x", new double[] {1}, new double[] {1}))
                .hasMessageContaining("'z'");
    }
}
