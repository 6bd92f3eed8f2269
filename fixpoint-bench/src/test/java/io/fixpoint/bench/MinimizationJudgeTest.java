package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import org.junit.jupiter.api.Test;

class MinimizationJudgeTest {

    /** From (1000, 1) ‖∇f(x₀)‖ = 4·10¹¹: a point with ‖∇f‖ = 37.8 used to pass as stationary, relative to it. */
    @Test
    void aSlopingPointIsNotStationaryJustBecauseTheStartWasSteep() {
        TestProblem rosenbrock = Suites.problem("rosenbrock");
        MinimizationJudge.Judgement j = MinimizationJudge.judge(rosenbrock, new double[] {1000, 1}, new double[] {2.3232501578136704, 5.3604479133900105});
        assertThat(j.relativeGradientNorm()).isLessThan(MinimizationJudge.STATIONARY);
        assertThat(j.stationary()).isFalse();
        assertThat(j.solved()).isFalse();
        assertThat(MinimizationJudge.judge(rosenbrock, new double[] {1000, 1}, new double[] {1, 1}).stationary()).isTrue();
        assertThat(MinimizationJudge.criterion()).contains("stationary: ‖∇f‖ ≤ min(1e-06·‖∇f‖(x₀), 1e-05·max(1, |f|))");
    }
}
