package io.fixpoint.bounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bounded minimiser on problems with published or constructed optima, and at the edges. */
class BoundedSolversTest {
    static final double TOLERANCE = 1e-9;

    static BoundedSolver<? extends IterationState> solver(String name) {
        return switch (name) {
            case "lbfgsb" -> new Lbfgsb();
            case "tron" -> new Tron();
            case "spg" -> new SpectralProjectedGradient();
            case "projected-gradient" -> new ProjectedGradient();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Solution solve(String name, BoundedObjective p, double[] x0, int maxIterations) {
        return Driver.builder().tolerance(TOLERANCE).maxIterations(maxIterations).build().solve((BoundedSolver) solver(name), p, x0.clone());
    }

    /** ‖P(x − g) − x‖₂ written out plainly, to check the certificate each solver reports. */
    static double certificate(BoundedObjective p, double[] x) {
        double[] g = new double[x.length];
        p.objective().gradient(x, g);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double projected = Math.max(p.bounds().lower()[i], Math.min(p.bounds().upper()[i], x[i] - g[i]));
            s += (projected - x[i]) * (projected - x[i]);
        }
        return Math.sqrt(s);
    }

    static Stream<Arguments> fastSolversOnEveryProblem() {
        List<Arguments> a = new ArrayList<>();
        for (String s : List.of("lbfgsb", "tron", "spg")) {
            for (BoundedProblems.Case c : BoundedProblems.all()) {
                a.add(Arguments.of(s, c));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("fastSolversOnEveryProblem")
    void reachesThePublishedOptimumWithAnHonestCertificate(String name, BoundedProblems.Case c) {
        Solution s = solve(name, c.problem(), c.start(), 5000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(c.problem().bounds().contains(s.x())).isTrue();
        // The reported certificate is the projected-gradient norm at the returned point, and met the tolerance.
        double certificate = certificate(c.problem(), s.x());
        assertThat(s.optimality()).isCloseTo(certificate, within(1e-12 + 1e-9 * certificate)).isLessThanOrEqualTo(TOLERANCE);
        assertThat(s.value()).isEqualTo(c.problem().objective().value(s.x()));
        if (c.name().equals("hs2") && Math.abs(s.value() - BoundedProblems.HS2_GLOBAL_MINIMUM) < 1e-8) {
            assertThat(s.x()).containsExactly(BoundedProblems.HS2_GLOBAL_MINIMIZER, within(1e-6));
            return; // SPG's non-monotone search crosses the valley to the global minimiser
        }
        assertThat(s.value()).isCloseTo(c.minimum(), within(1e-8 * Math.max(1, Math.abs(c.minimum()))));
        assertThat(s.x()).containsExactly(c.minimizer(), within(1e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "tron", "spg", "projected-gradient"})
    void solvesAQuadraticWithActiveBoundsExactly(String name) {
        BoundedProblems.Case c = BoundedProblems.activeQuadratic(12, 11);
        Solution s = solve(name, c.problem(), c.start(), 20_000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(c.minimizer(), within(1e-8));
        int atBounds = 0;
        for (double v : s.x()) {
            atBounds += Math.abs(v) == 1 ? 1 : 0;
        }
        assertThat(atBounds).isEqualTo(8); // exactly on the bounds, not near them
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "tron", "spg", "projected-gradient"})
    void aStartOutsideTheBoxIsProjectedAndTheSolutionSaysSo(String name) {
        BoundedProblems.Case c = BoundedProblems.hs4();
        double[] outside = {-3, 0.5}; // x₁ ≥ 1 violated
        Solution s = solve(name, c.problem(), outside, 1000);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(s.message()).contains("outside the bounds").contains("1 coordinate was projected");
        assertThat(s.details().get("warnings")).asList().hasSize(1);
        assertThat(s.details()).containsEntry("projectedStartCoordinates", 1);
        // a start inside the box says nothing of the kind
        Solution inside = solve(name, c.problem(), c.start(), 1000);
        assertThat(inside.message()).doesNotContain("outside");
        assertThat(inside.details()).doesNotContainKey("warnings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgsb", "tron", "spg", "projected-gradient"})
    void anObjectiveTurningNaNMidRunEndsNonFiniteAtTheLastFiniteIterate(String name) {
        BoundedProblems.Case c = BoundedProblems.hs38();
        Objective inner = c.problem().objective();
        int[] calls = {0};
        Objective poisoned = new Objective() {
            public int dimension() {
                return inner.dimension();
            }

            public double value(double[] x) {
                return ++calls[0] > 12 ? Double.NaN : inner.value(x);
            }

            public void gradient(double[] x, double[] g) {
                inner.gradient(x, g);
                if (++calls[0] > 12) {
                    java.util.Arrays.fill(g, Double.NaN);
                }
            }

            public boolean hasHessian() {
                return true;
            }

            public void hessian(double[] x, double[] h) {
                inner.hessian(x, h);
            }
        };
        Solution s = solve(name, poisoned.withBounds(c.problem().bounds()), c.start(), 1000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NON_FINITE);
        assertThat(io.fixpoint.linalg.Vectors.allFinite(s.x())).isTrue();
        assertThat(s.value()).isEqualTo(inner.value(s.x())).isLessThan(inner.value(c.start()));
        assertThat(c.problem().bounds().contains(s.x())).isTrue();
    }

    @Test
    void lowerAboveUpperIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> new Bounds(new double[] {0, 2, 0}, new double[] {1, 1, 1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("x[1]").hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new Bounds(new double[] {0, Double.NaN}, new double[] {1, 1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("x[1]");
    }

    @Test
    void boundsOfAnotherDimensionAreRejected() {
        assertThatThrownBy(() -> BoundedProblems.rosenbrock().withBounds(Bounds.unbounded(3)))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("bounds has length 3").hasMessageContaining("dimension 2");
    }

    @Test
    void tronNeedsHessianVectorProducts() {
        Objective noHessian = new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                return x[0] * x[0] + x[1] * x[1];
            }

            public void gradient(double[] x, double[] g) {
                g[0] = 2 * x[0];
                g[1] = 2 * x[1];
            }
        };
        assertThatThrownBy(() -> new Tron().init(noHessian.withBounds(Bounds.unbounded(2)), new double[2]))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("Hessian-vector");
    }

    @Test
    void theGlobalMinimumOfHs2IsReachedFromItsSideOfTheValley() {
        BoundedProblems.Case c = BoundedProblems.hs2();
        for (String name : List.of("lbfgsb", "tron", "spg")) {
            Solution s = solve(name, c.problem(), new double[] {1, 1}, 1000);
            assertThat(s.value()).as(name).isCloseTo(BoundedProblems.HS2_GLOBAL_MINIMUM, within(1e-12));
            assertThat(s.x()).containsExactly(BoundedProblems.HS2_GLOBAL_MINIMIZER, within(1e-7));
        }
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new Tron(1)).hasMessageContaining("cgTolerance");
        assertThatThrownBy(() -> new SpectralProjectedGradient(0, 1e-4, 1e-30, 1e30, 10)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new SpectralProjectedGradient(10, 1e-4, 1, 0.5, 10)).hasMessageContaining("minStep");
        assertThatThrownBy(() -> new ProjectedGradient(0, 10)).hasMessageContaining("sufficientDecrease");
    }
}
