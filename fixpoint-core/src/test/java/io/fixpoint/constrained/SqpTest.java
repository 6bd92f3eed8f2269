package io.fixpoint.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import org.junit.jupiter.api.Test;

class SqpTest {
    private static final Driver DRIVER = Driver.builder().tolerances(Tolerances.of(1e-9)).maxIterations(500).build();

    static Solution solve(ConstrainedProblem p, double... x0) {
        return DRIVER.solve(new Sqp(), p, x0);
    }

    @Test
    void hs71() {
        Solution s = solve(Problems.hs71(), 1, 5, 5, 1);
        System.out.println(s);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.value()).isCloseTo(17.0140173, within(1e-6));
        assertThat(s.x()).containsExactly(new double[] {1, 4.7429994, 3.8211503, 1.3794082}, within(1e-6));
    }

    @Test
    void hs35() {
        Solution s = solve(Problems.hs35(), 0.5, 0.5, 0.5);
        System.out.println(s);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.value()).isCloseTo(1.0 / 9, within(1e-10));
    }

    @Test
    void hs6() {
        Solution s = solve(Problems.hs6(), -1.2, 1);
        System.out.println(s);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-8));
    }

    @Test
    void hs15() {
        Solution s = solve(Problems.hs15(), -2, 1);
        System.out.println(s);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.value()).isCloseTo(306.5, within(1e-6));
    }

    @Test
    void infeasibleSets() {
        Solution s = solve(Problems.of(2, "x1 + x2", null, null, "x1^2 + x2^2 <= -1"), 3, 1);
        System.out.println(s);
        assertThat(s.status()).isEqualTo(Status.LOCALLY_INFEASIBLE);
        Solution t = solve(Problems.of(2, "x1^2 + x2^2", null, null, "x1 + x2 = 1", "x1 + x2 >= 3"), 0, 0);
        System.out.println(t);
        assertThat(t.status()).isEqualTo(Status.LOCALLY_INFEASIBLE);
    }
}
