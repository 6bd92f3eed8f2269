package io.fixpoint.root;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootSolversTest {
    static final Driver DRIVER = Driver.builder().tolerance(1e-10).maxIterations(500).build();

    /** MGH (1) as a system: F = (10(x₂ − x₁²), 1 − x₁), root (1, 1). */
    static RootProblem rosenbrock() {
        return RootProblem.of(2, (x, f) -> {
            f[0] = 10 * (x[1] - x[0] * x[0]);
            f[1] = 1 - x[0];
        }, (x, j) -> {
            j[0] = -20 * x[0];
            j[1] = 10;
            j[2] = -1;
            j[3] = 0;
        });
    }

    /** MGH (13), Powell singular: root 0 where the Jacobian is singular. No Jacobian given: finite differences. */
    static RootProblem powellSingular() {
        return RootProblem.of(4, (x, f) -> {
            f[0] = x[0] + 10 * x[1];
            f[1] = Math.sqrt(5) * (x[2] - x[3]);
            f[2] = (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]);
            f[3] = Math.sqrt(10) * (x[0] - x[3]) * (x[0] - x[3]);
        });
    }

    /** x² + 1 = 0 has no real root; ‖F‖ has its minimum 1 at x = 0. */
    static RootProblem noRoot() {
        return RootProblem.of(1, (x, f) -> f[0] = x[0] * x[0] + 1, (x, j) -> j[0] = 2 * x[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hybrid", "newton", "broyden-good", "broyden-bad"})
    void solvesTheRosenbrockSystemFromTheStandardStart(String name) {
        Solution s = DRIVER.solve(Catalog.builtIn().root(name).create(), rosenbrock(), new double[] {-1.2, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(1, within(1e-9));
        assertThat(s.x()[1]).isCloseTo(1, within(1e-9));
        assertThat(s.value()).isCloseTo(0.5 * s.optimality() * s.optimality(), within(1e-30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hybrid", "newton", "broyden-good"})
    void solvesPowellSingularWithFiniteDifferenceJacobians(String name) {
        Solution s = Driver.builder().tolerance(1e-8).maxIterations(2000).build()
                .solve(Catalog.builtIn().root(name).create(), powellSingular(), new double[] {3, -1, 0, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(Vectors.norm(s.x())).isLessThan(1e-3);
        assertThat(s.evaluations().get(Evaluation.JACOBIAN)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hybrid", "newton", "broyden-good", "broyden-bad"})
    void aSystemWithoutARootEndsHonestly(String name) {
        Solution s = DRIVER.solve(Catalog.builtIn().root(name).create(), noRoot(), new double[] {2});
        assertThat(s.status()).as(s.toString()).isNotEqualTo(Status.CONVERGED);
        assertThat(s.status()).isIn(Status.STALLED, Status.MAX_ITERATIONS);
        assertThat(s.optimality()).isGreaterThanOrEqualTo(1 - 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hybrid", "newton", "broyden-good", "broyden-bad"})
    void linearSystemsAreSolvedInAFewSteps(String name) {
        // F = A x − b with A nonsymmetric; root A⁻¹ b = (1, −1, 2).
        double[] a = {4, 1, 0, -1, 3, 1, 2, 0, 5};
        double[] root = {1, -1, 2};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i * 3 + j] * root[j];
            }
        }
        RootProblem p = RootProblem.of(3, (x, f) -> {
            for (int i = 0; i < 3; i++) {
                f[i] = -b[i];
                for (int j = 0; j < 3; j++) {
                    f[i] += a[i * 3 + j] * x[j];
                }
            }
        }, (x, j) -> System.arraycopy(a, 0, j, 0, 9));
        Solution s = DRIVER.solve(Catalog.builtIn().root(name).create(), p, new double[] {10, 10, 10});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(Vectors.distance(s.x(), root)).isLessThan(1e-9);
        assertThat(s.iterations()).isLessThanOrEqualTo(5);
    }
}
