package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LazyNewtonTest {
    static final Driver DRIVER = Driver.builder().tolerance(1e-10).maxIterations(1000).build();

    static long hessians(Solution s) {
        return s.evaluations().get(Evaluation.HESSIAN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 10})
    void evaluatesOneHessianPerPeriod(int period) {
        Objective f = TestObjectives.rosenbrock();
        Solution s = DRIVER.solve(new LazyNewton(period, 1), f, new double[] {-1.2, 1});
        int m = period == 0 ? f.dimension() : period;
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        // one Hessian per period, and one for the second-order check where the gradient test held
        assertThat(hessians(s)).isLessThanOrEqualTo((s.iterations() + m - 1) / m + 2);
        assertThat(hessians(s)).isEqualTo((s.details().get("hessianPeriods") instanceof Integer i) ? i.longValue() + 1 : -1);
        assertThat(s.details()).containsEntry("period", m);
    }

    @Test
    void needsFewerHessiansThanNewtonOnAStronglyConvexProblem() {
        Objective f = TestObjectives.logSumExp(5, 0.1);
        double[] x0 = {3, -1, 2, 0.5, -4};
        Solution lazy = DRIVER.solve(new LazyNewton(), f, x0);
        Solution newton = DRIVER.solve(new Newton(), f, x0);
        assertThat(lazy.status()).as(lazy.toString()).isEqualTo(Status.CONVERGED);
        assertThat(hessians(lazy)).isLessThan(hessians(newton));
        assertThat(hessians(lazy)).isLessThanOrEqualTo((lazy.iterations() + 4) / 5 + 1);
    }

    @Test
    void theRegularisationVanishesAtTheSolution() {
        Solution s = DRIVER.solve(new LazyNewton(), TestObjectives.logSumExp(3, 0.5), new double[] {1, 2, 3});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat((double) s.details().get("regularization")).isLessThan(1e-3);
    }

    @Test
    void rejectsBadConfigurations() {
        assertThatThrownBy(() -> new LazyNewton(-1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new LazyNewton(2, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialM");
    }
}
