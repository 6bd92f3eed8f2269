package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.problem.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizationBenchTest {
    final MinimizationBench bench = MinimizationBench.builder().methods(Fakes.methods()).build();

    @Test
    void solvesAndReportsCountsValueAndRate() {
        BenchResult r = bench.run(Fakes.bowl(), "gd");
        assertThat(r.status()).isEqualTo("CONVERGED");
        assertThat(r.solved()).isTrue();
        assertThat(r.relativeGradientNorm()).isLessThanOrEqualTo(MinimizationBench.RELATIVE_TOLERANCE);
        assertThat(r.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        // one value-and-gradient at the start and one per step; nothing else
        assertThat(r.evaluations(Evaluation.VALUE)).isEqualTo(r.iterations() + 1);
        assertThat(r.evaluations(Evaluation.GRADIENT)).isEqualTo(r.iterations() + 1);
        assertThat(r.trace().size()).isEqualTo(r.iterations() + 1);
        assertThat(r.rate().kind()).isEqualTo(RateEstimate.Kind.LINEAR);
        assertThat(r.rate().parameter()).isCloseTo(0.75, within(1e-3));
        assertThat(r.dimension()).isEqualTo(2);
    }

    @Test
    void judgesTheReturnedPointNotTheMethodsClaim() {
        // a budget of 3 iterations: not converged, far from the minimum, so not solved
        BenchResult stopped = MinimizationBench.builder().methods(Fakes.methods()).maxIterations(3).build().run(Fakes.bowl(), "slow-gd");
        assertThat(stopped.status()).isEqualTo("MAX_ITERATIONS");
        assertThat(stopped.solved()).isFalse();
        assertThat(stopped.relativeGradientNorm()).isGreaterThan(0.5);
        // 60 steps of 0.75: the gradient falls by 3e-8, below the 1e-6 that counts as solved, though not converged
        BenchResult enough = MinimizationBench.builder().methods(Fakes.methods()).maxIterations(60).build().run(Fakes.bowl(), "gd");
        assertThat(enough.status()).isEqualTo("MAX_ITERATIONS");
        assertThat(enough.solved()).isTrue();
    }

    @Test
    void knownMinimumReachedCountsAsSolved() {
        // f* stated far above the start value: reached at once, whatever the gradient
        TestProblem generous = new TestProblem("generous", "fake", Fakes.quadratic(true, 1), new double[] {2}, 10, "test");
        BenchResult r = MinimizationBench.builder().methods(Fakes.methods()).maxIterations(0).build().run(generous, "gd");
        assertThat(r.solved()).isTrue();
        assertThat(r.reachedMinimum()).isTrue();
        assertThat(r.relativeGradientNorm()).isEqualTo(1);
        TestProblem strict = new TestProblem("strict", "fake", Fakes.quadratic(true, 1), new double[] {2}, 0, "test");
        assertThat(MinimizationBench.builder().methods(Fakes.methods()).maxIterations(0).build().run(strict, "gd").solved()).isFalse();
    }

    @Test
    void smallRelativeGradientAloneCountsAsSolvedButNotAsReached() {
        // a published minimum below what the function attains: only the gradient test can pass
        TestProblem unattained = new TestProblem("unattained", "fake", Fakes.quadratic(true, 1, 4), new double[] {3, -2}, -1, "test");
        BenchResult r = bench.run(unattained, "gd");
        assertThat(r.solved()).isTrue();
        assertThat(r.reachedMinimum()).isFalse();
    }

    @Test
    void methodThatCannotStartIsNotApplicable() {
        BenchResult r = bench.run(Fakes.flatBowl(), "newton");
        assertThat(r.status()).isEqualTo(BenchResult.NOT_APPLICABLE);
        assertThat(r.applicable()).isFalse();
        assertThat(r.solved()).isFalse();
        assertThat(r.message()).contains("needs a Hessian");
        assertThat(r.x()).containsExactly(0, 0, 0);
    }

    @Test
    void methodThatThrowsMidRunIsAnError() {
        BenchResult r = bench.run(Fakes.bowl(), "broken");
        assertThat(r.status()).isEqualTo(BenchResult.ERROR);
        assertThat(r.message()).isEqualTo("broken on purpose");
        assertThat(r.solved()).isFalse();
    }

    @Test
    void badNamesAndStartsAreRejectedBeforeAnySolve() {
        List<BenchResult> heard = new ArrayList<>();
        assertThatThrownBy(() -> bench.run(List.of(Fakes.bowl()), List.of("gd", "nope"), (d, t, r) -> heard.add(r)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown method 'nope'");
        assertThat(heard).isEmpty();
        assertThatThrownBy(() -> bench.run(Fakes.bowl(), "gd", new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3").hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> bench.run(Fakes.bowl(), "gd", new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void runsEveryPairInOrderAndReportsProgress() {
        List<String> heard = new ArrayList<>();
        List<BenchResult> rs = bench.run(List.of(Fakes.bowl(), Fakes.flatBowl()), List.of("gd", "newton"),
                (done, total, r) -> heard.add(done + "/" + total + " " + r.problem() + " " + r.method()));
        assertThat(heard).containsExactly("1/4 bowl gd", "2/4 bowl newton", "3/4 flat-bowl gd", "4/4 flat-bowl newton");
        assertThat(rs).extracting(BenchResult::status).containsExactly("CONVERGED", "CONVERGED", "CONVERGED", BenchResult.NOT_APPLICABLE);
    }

    @Test
    void isDeterministic() {
        BenchResult a = bench.run(Fakes.bowl(), "gd");
        BenchResult b = bench.run(Fakes.bowl(), "gd");
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.iterations()).isEqualTo(b.iterations());
        assertThat(a.evaluations()).isEqualTo(b.evaluations());
        assertThat(a.value()).isEqualTo(b.value());
    }

    @Test
    void secondOrderMethodsGetTheSmallerBudget() {
        MinimizationBench standard = MinimizationBench.standard();
        assertThat(standard.iterationLimit("lbfgs")).isEqualTo(MinimizationBench.FIRST_ORDER_ITERATIONS);
        assertThat(standard.iterationLimit("trust-newton-cg")).isEqualTo(MinimizationBench.SECOND_ORDER_ITERATIONS);
        assertThat(MinimizationBench.builder().maxIterations(7).build().iterationLimit("newton")).isEqualTo(7);
    }
}
