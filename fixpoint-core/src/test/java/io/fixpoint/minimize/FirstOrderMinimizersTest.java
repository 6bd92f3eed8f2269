package io.fixpoint.minimize;

import io.fixpoint.solve.ProblemKind;
import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.Backtracking;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.search.StrongWolfe;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FirstOrderMinimizersTest {
    static final List<String> NAMES = List.of("gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs");
    static final double[] ROSENBROCK_START = {-1.2, 1};

    static Solution solve(Solver<Objective, ? extends IterationState> solver, Objective f, double[] x0, double tol, int maxIterations) {
        return Driver.builder().tolerance(tol).maxIterations(maxIterations).build().solve(solver, f, x0);
    }

    @Test
    void everyMinimiserIsRegisteredUnderItsName() {
        assertThat(Catalog.builtIn().names(ProblemKind.MINIMIZATION)).containsAll(NAMES);
        for (String name : NAMES) {
            assertThat(Catalog.builtIn().minimizer(name).create().name()).isEqualTo(name);
        }
        assertThat(Catalog.builtIn().minimizer("cg-hz").create()).isEqualTo(NonlinearCG.hagerZhang());
        assertThatThrownBy(() -> Catalog.builtIn().minimizer("newton-raphson").create()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lbfgs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void convergesTightlyOnAWellConditionedQuadratic(String name) {
        int n = 10;
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.centredQuadratic(n, 100, 11), new double[n], 1e-10, 5000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        // λ_min = 1, so ‖x − x*‖ ≤ ‖∇f(x)‖.
        assertThat(Vectors.distance(s.x(), TestObjectives.centredMinimiser(n))).isLessThanOrEqualTo(1e-10);
        assertThat(s.value()).isBetween(0.0, 1e-19);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void convergesWhereTheValueIsDominatedByRounding(String name) {
        // ½xᵀAx − bᵀx + c summed naively: near x* its rounding noise exceeds the decrease a step can show.
        TestObjectives.Quadratic q = TestObjectives.randomQuadratic(20, 1e3, 3);
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), q, new double[20], 1e-8, 5000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(Vectors.distance(s.x(), q.minimiser())).isLessThanOrEqualTo(1e-8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void solvesRosenbrockFromTheStandardStart(String name) {
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 200);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(Vectors.distance(s.x(), new double[] {1, 1})).isLessThanOrEqualTo(1e-6);
        assertThat(s.iterations()).as(s.toString()).isLessThanOrEqualTo(60);
        // Every trial of the strong-Wolfe search is one valueAndGradient.
        assertThat(s.evaluations().get(Evaluation.VALUE)).isEqualTo(s.evaluations().get(Evaluation.GRADIENT));
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isBetween((long) s.iterations() + 1, 4L * s.iterations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bfgs", "lbfgs"})
    void quasiNewtonMethodsTakeFewEvaluationsOnRosenbrock(String name) {
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 200);
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).as(s.toString()).isLessThanOrEqualTo(60);
    }

    @Test
    void lbfgsIsNoWorseThanScipyOnRosenbrock() {
        // SciPy 1.17.1 L-BFGS-B (m = 10, MINPACK-2 line search, gtol 1e-8): 38 iterations, 46 evaluations.
        Solution s = solve(new Lbfgs(), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 200);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).as(s.toString()).isLessThanOrEqualTo(38);
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).as(s.toString()).isLessThanOrEqualTo(46);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov"})
    void firstOrderMethodsDecreaseMonotonicallyOnRosenbrock(String name) {
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-6, 3000);
        double[] values = s.trace().values();
        for (int k = 1; k < values.length; k++) {
            assertThat(values[k]).as("value at iteration %d of %s", k, s).isLessThanOrEqualTo(values[k - 1]);
        }
        assertThat(s.status()).as(s.toString()).isIn(Status.CONVERGED, Status.MAX_ITERATIONS);
        if (s.converged()) {
            assertThat(Vectors.distance(s.x(), new double[] {1, 1})).isLessThanOrEqualTo(1e-5);
        } else {
            assertThat(s.iterations()).isEqualTo(3000);
            assertThat(s.value()).isLessThan(1e-3 * values[0]);
        }
    }

    @Test
    void nesterovReportsItsRestarts() {
        Solution s = solve(new Nesterov(), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-6, 3000);
        assertThat(s.details()).containsKeys("restarts", "lipschitz");
        assertThat((Integer) s.details().get("restarts")).isPositive();
    }

    @Test
    void functionRestartAlsoConverges() {
        Nesterov function = new Nesterov(Nesterov.Restart.FUNCTION, 0.9, 60);
        Solution s = solve(function, TestObjectives.centredQuadratic(10, 100, 5), new double[10], 1e-9, 5000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
    }

    @Test
    void nesterovNeedsOnlyOrderSqrtConditionIterations() {
        // Accelerated with restarts: O(√κ·log(1/ε)) iterations, against O(κ·log(1/ε)) for a fixed-step gradient method.
        double kappa = 1e4;
        Solution s = solve(new Nesterov(), TestObjectives.centredQuadratic(30, kappa, 2), new double[30], 1e-6, 100_000);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        double reduction = Math.log(s.trace().optimality()[0] / 1e-6);
        assertThat((double) s.iterations()).as(s.toString()).isLessThan(2 * Math.sqrt(kappa) * reduction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void terminatesInAboutNStepsOnAQuadraticWithExactLineSearches(String name) {
        int n = 8;
        LineSearch exact = new StrongWolfe(1e-6, 1e-5, 40);
        Solver<Objective, ? extends IterationState> solver = switch (name) {
            case "cg-pr" -> new NonlinearCG(NonlinearCG.Beta.POLAK_RIBIERE_PLUS, exact, 0);
            case "cg-hz" -> new NonlinearCG(NonlinearCG.Beta.HAGER_ZHANG, exact, 0);
            case "bfgs" -> new Bfgs(exact);
            default -> new Lbfgs(n, exact, 1e-10);
        };
        Solution s = solve(solver, TestObjectives.centredQuadratic(n, 100, 9), new double[n], 1e-9, 100);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).as(s.toString()).isLessThanOrEqualTo(n + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void anObjectiveTurningNaNMidRunEndsHonestlyAtAFinitePoint(String name) {
        Objective f = TestObjectives.nanAfter(TestObjectives.rosenbrock(), 30);
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), f, ROSENBROCK_START, 1e-8, 1000);
        assertThat(s.status()).as(s.toString()).isIn(Status.STALLED, Status.NON_FINITE);
        assertThat(Vectors.allFinite(s.x())).isTrue();
        assertThat(s.value()).isFinite().isLessThan(TestObjectives.rosenbrock().value(ROSENBROCK_START));
        assertThat(s.value()).isEqualTo(TestObjectives.rosenbrock().value(s.x()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void aNaNAtTheStartIsReportedAsNonFinite(String name) {
        Solution s = solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.nanAfter(TestObjectives.rosenbrock(), 0), ROSENBROCK_START, 1e-8, 100);
        assertThat(s.status()).isEqualTo(Status.NON_FINITE);
        assertThat(s.x()).containsExactly(ROSENBROCK_START);
    }

    /** Delegates to a strong-Wolfe search except on the calls listed, where it fails without moving. */
    static LineSearch failingOn(StrongWolfe inner, int... calls) {
        int[] count = {0};
        return (f, x, f0, g0, d, t0, xNew, gNew) -> {
            count[0]++;
            for (int c : calls) {
                if (c == count[0] || c < 0) {
                    Vectors.copy(x, xNew);
                    Vectors.copy(g0, gNew);
                    return LineSearchResult.failed(0, f0, "injected failure");
                }
            }
            return inner.search(f, x, f0, g0, d, t0, xNew, gNew);
        };
    }

    @Test
    void quasiNewtonMethodsDropTheirCurvatureWhenTheSearchFailsAndRecover() {
        Solution l = solve(new Lbfgs(5, failingOn(new StrongWolfe(), 10), 1e-10), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 500);
        assertThat(l.status()).as(l.toString()).isEqualTo(Status.CONVERGED);
        assertThat(l.details()).containsEntry("resets", 1);
        Solution b = solve(new Bfgs(failingOn(new StrongWolfe(), 10)), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 500);
        assertThat(b.status()).as(b.toString()).isEqualTo(Status.CONVERGED);
        assertThat(b.details()).containsEntry("resets", 1);
        Solution c = solve(new NonlinearCG(NonlinearCG.Beta.HAGER_ZHANG, failingOn(StrongWolfe.forConjugateGradient(), 10), 0), TestObjectives.rosenbrock(),
                ROSENBROCK_START, 1e-8, 500);
        assertThat(c.status()).as(c.toString()).isEqualTo(Status.CONVERGED);
    }

    @Test
    void aSearchThatNeverMovesStallsWithItsReason() {
        for (Solver<Objective, ? extends IterationState> solver : List.of(new Lbfgs(5, failingOn(new StrongWolfe(), -1), 1e-10),
                new Bfgs(failingOn(new StrongWolfe(), -1)), new NonlinearCG(NonlinearCG.Beta.POLAK_RIBIERE_PLUS, failingOn(new StrongWolfe(), -1), 0),
                new GradientDescent(failingOn(new StrongWolfe(), -1)))) {
            Solution s = solve(solver, TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 100);
            assertThat(s.status()).isEqualTo(Status.STALLED);
            assertThat(s.message()).contains("line search").contains("injected failure");
            assertThat(s.x()).containsExactly(ROSENBROCK_START);
            assertThat(s.iterations()).isEqualTo(1);
        }
    }

    @Test
    void lbfgsWithMemoryOneStillSolvesRosenbrock() {
        Solution s = solve(new Lbfgs(1), TestObjectives.rosenbrock(), ROSENBROCK_START, 1e-8, 1000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.details()).containsEntry("memoryUsed", 1);
    }

    @Test
    void rejectsInvalidConfigurations() {
        assertThatThrownBy(() -> new Lbfgs(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Lbfgs(5, new StrongWolfe(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lbfgs(5, null, 1e-10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Bfgs(new StrongWolfe(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonlinearCG(NonlinearCG.Beta.HAGER_ZHANG, new StrongWolfe(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nesterov(Nesterov.Restart.GRADIENT, 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nesterov(Nesterov.Restart.GRADIENT, 1.5, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nesterov(Nesterov.Restart.GRADIENT, 0.9, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradientDescent(new Backtracking(), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StrongWolfe(0.9, 0.1, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rosenbrockGradientMatchesFiniteDifferences() {
        Objective f = TestObjectives.rosenbrock();
        for (double[] x : new double[][] {{-1.2, 1}, {0.3, -0.7}, {2, 3}}) {
            double[] g = new double[2];
            f.gradient(x, g);
            double[] fd = TestObjectives.finiteDifferenceGradient(f, x);
            for (int i = 0; i < 2; i++) {
                assertThat(g[i]).isCloseTo(fd[i], org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(g[i]))));
            }
        }
    }
}
