package io.fixpoint.minimize;

import io.fixpoint.solve.ProblemKind;
import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour every second-order minimiser shares: known minimisers, honest failures, clear errors. */
class SecondOrderMinimizersTest {
    static final Driver DRIVER = Driver.builder().tolerance(1e-10).maxIterations(500).build();

    static Stream<String> names() {
        return Stream.of("newton", "damped-newton", "lazy-newton", "trust-newton-cg");
    }

    static Solution solve(String method, Objective f, double... x0) {
        Solver<Objective, ? extends IterationState> solver = Catalog.builtIn().minimizer(method).create();
        return DRIVER.solve(solver, f, x0);
    }

    @ParameterizedTest
    @MethodSource("names")
    void registeredUnderTheirNames(String name) {
        assertThat(Catalog.builtIn().names(ProblemKind.MINIMIZATION)).contains(name);
        assertThat(Catalog.builtIn().minimizer(name).create().name()).isEqualTo(name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void rosenbrockFromTheStandardStart(String name) {
        Solution s = solve(name, TestObjectives.rosenbrock(), -1.2, 1);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(1, within(1e-8));
        assertThat(s.x()[1]).isCloseTo(1, within(1e-8));
        assertThat(s.value()).isLessThan(1e-16);
    }

    @ParameterizedTest
    @MethodSource("names")
    void descendsFromAPointWithAnIndefiniteHessian(String name) {
        Objective f = TestObjectives.quarticWell();
        double[] x0 = {0.1, 1};
        double[] h = new double[4];
        f.hessian(x0, h);
        assertThat(h[0]).as("the start is in the indefinite region").isNegative();
        Solution s = solve(name, f, x0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.value()).isCloseTo(-0.25, within(1e-12));
        assertThat(Math.abs(s.x()[0])).isCloseTo(Math.sqrt(0.5), within(1e-8));
        double[] values = s.trace().values();
        for (int k = 1; k < values.length; k++) {
            assertThat(values[k]).as("monotone descent at iteration %d", k).isLessThanOrEqualTo(values[k - 1]);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void aMissingDerivativeIsRejectedAtInitNamingTheSolver(String name) {
        Objective f = TestObjectives.withoutHessian(TestObjectives.rosenbrock());
        assertThatThrownBy(() -> solve(name, f, -1.2, 1))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("Hessian");
    }

    @ParameterizedTest
    @MethodSource("names")
    void aNaNHessianEndsTheSolveHonestly(String name) {
        Solution s = solve(name, TestObjectives.withNaNHessian(TestObjectives.rosenbrock()), -1.2, 1);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NON_FINITE);
        assertThat(s.message()).containsIgnoringCase("hessian");
        assertThat(s.x()).containsExactly(-1.2, 1);
    }

    @ParameterizedTest
    @MethodSource("names")
    void convergesOnAStronglyConvexSmoothProblem(String name) {
        Solution s = solve(name, TestObjectives.logSumExp(5, 0.1), 3, -1, 2, 0.5, -4);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-10);
    }

    /** Newton-type solvers reach the minimiser A⁻¹b = (2/9, 1/9, 13/9) of ½xᵀAx − bᵀx; Newton in one step. */
    @ParameterizedTest
    @MethodSource("names")
    void strictlyConvexQuadratic(String name) {
        double[] a = {4, 1, 0, 1, 3, 1, 0, 1, 2};
        double[] b = {1, 2, 3};
        Solution s = solve(name, TestObjectives.quadratic(a, b), 0.1, 0.2, 0.3);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {2.0 / 9, 1.0 / 9, 13.0 / 9}, within(1e-10));
        if (name.equals("newton")) {
            assertThat(s.iterations()).isEqualTo(1);
        } else {
            assertThat(s.iterations()).isLessThanOrEqualTo(15);
        }
    }

    /** Near the minimiser of √(1 + x²) the decrease of f is far below ulp(1); the solvers must still get there. */
    @ParameterizedTest
    @MethodSource("names")
    void reachesAGradientBelowTheRoundingLevelOfTheValue(String name) {
        Solution s = Driver.builder().tolerance(1e-13).build().solve(Catalog.builtIn().minimizer(name).create(), TestObjectives.pseudoHuber(), new double[] {100});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(0, within(1e-13));
    }

    @ParameterizedTest
    @MethodSource("names")
    void hessianWorkIsCounted(String name) {
        Solution s = solve(name, TestObjectives.rosenbrock(), -1.2, 1);
        long second = s.evaluations().get(Evaluation.HESSIAN) + s.evaluations().get(Evaluation.HESSIAN_VECTOR);
        assertThat(second).isPositive();
    }
}
