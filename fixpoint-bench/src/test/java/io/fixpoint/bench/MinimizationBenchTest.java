package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.bench.suite.TestProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimizationBenchTest {
    final MinimizationBench bench = Fakes.bench();

    @Test
    void solvesAndReportsCountsValueAndRate() {
        SolveRecord r = bench.run(Fakes.bowl(), "gd");
        assertThat(r.statusText()).isEqualTo("CONVERGED");
        assertThat(r.solved()).isTrue();
        assertThat(r.figure("relativeGradientNorm", 1)).isLessThanOrEqualTo(1e-10);
        assertThat(r.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        // one value-and-gradient at the start and one per step; nothing else
        assertThat(r.count("value")).isEqualTo(r.iterations() + 1);
        assertThat(r.count("gradient")).isEqualTo(r.iterations() + 1);
        assertThat(r.history()).hasSize(r.iterations() + 1);
        Map<?, ?> rate = (Map<?, ?>) r.figures().get("rate");
        assertThat(rate.get("kind")).isEqualTo("linear");
        assertThat((Double) rate.get("parameter")).isCloseTo(0.75, within(1e-3));
        assertThat(r.dimension()).isEqualTo(2);
    }

    @Test
    void judgesTheReturnedPointNotTheMethodsClaim() {
        // a budget of 3 iterations: not converged, far from the minimum, so not solved
        SolveRecord stopped = MinimizationBench.builder().catalog(Fakes.catalog()).maxIterations(3).build().run(Fakes.bowl(), "slow-gd");
        assertThat(stopped.statusText()).isEqualTo("MAX_ITERATIONS");
        assertThat(stopped.solved()).isFalse();
        assertThat(stopped.figure("relativeGradientNorm", 0)).isGreaterThan(0.5);
        // 60 steps of 0.75: f reaches f* = 0 to 1e-8 though the method has not converged
        SolveRecord enough = MinimizationBench.builder().catalog(Fakes.catalog()).maxIterations(60).build().run(Fakes.bowl(), "gd");
        assertThat(enough.statusText()).isEqualTo("MAX_ITERATIONS");
        assertThat(enough.solved()).isTrue();
    }

    @Test
    void knownMinimumReachedCountsAsSolved() {
        // f* stated far above the start value: reached at once, whatever the gradient
        TestProblem generous = new TestProblem("generous", "fake", Fakes.quadratic(true, 1), new double[] {2}, 10, "test");
        SolveRecord r = MinimizationBench.builder().catalog(Fakes.catalog()).maxIterations(0).build().run(generous, "gd");
        assertThat(r.solved()).isTrue();
        assertThat(r.figures().get("stationary")).isEqualTo(false);
        assertThat(r.figure("relativeGradientNorm", 0)).isEqualTo(1);
        TestProblem strict = new TestProblem("strict", "fake", Fakes.quadratic(true, 1), new double[] {2}, 0, "test");
        assertThat(MinimizationBench.builder().catalog(Fakes.catalog()).maxIterations(0).build().run(strict, "gd").solved()).isFalse();
    }

    @Test
    void stationaryPointAwayFromTheKnownMinimumIsNotSolved() {
        // a published minimum below what the function attains: the gradient vanishes, f* is never reached
        TestProblem unattained = new TestProblem("unattained", "fake", Fakes.quadratic(true, 1, 4), new double[] {3, -2}, -1, "test");
        SolveRecord r = bench.run(unattained, "gd");
        assertThat(r.statusText()).isEqualTo("CONVERGED");
        assertThat(r.solved()).isFalse();
        assertThat(r.figures().get("stationary")).isEqualTo(true);
    }

    @Test
    void methodThatCannotStartIsNotApplicable() {
        SolveRecord r = bench.run(Fakes.flatBowl(), "newton");
        assertThat(r.outcome()).isEqualTo(SolveRecord.Outcome.NOT_APPLICABLE);
        assertThat(r.statusText()).isEqualTo("n/a");
        assertThat(r.applicable()).isFalse();
        assertThat(r.solved()).isFalse();
        assertThat(r.message()).contains("needs a Hessian");
        assertThat(r.x()).isNull();
    }

    @Test
    void methodThatThrowsMidRunIsAnError() {
        SolveRecord r = bench.run(Fakes.bowl(), "broken");
        assertThat(r.outcome()).isEqualTo(SolveRecord.Outcome.ERROR);
        assertThat(r.message()).isEqualTo("broken on purpose");
        assertThat(r.solved()).isFalse();
    }

    @Test
    void badNamesAndStartsAreRejectedBeforeAnySolve() {
        List<SolveRecord> heard = new ArrayList<>();
        assertThatThrownBy(() -> bench.run(List.of(Fakes.bowl()), List.of("gd", "nope"), (d, t, r) -> heard.add(r)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown minimization method 'nope'");
        assertThat(heard).isEmpty();
        assertThatThrownBy(() -> bench.run(Fakes.bowl(), "gd", new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3").hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> bench.run(Fakes.bowl(), "gd", new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void runsEveryPairInOrderAndReportsProgress() {
        List<String> heard = new ArrayList<>();
        List<SolveRecord> rs = bench.run(List.of(Fakes.bowl(), Fakes.flatBowl()), List.of("gd", "newton"),
                (done, total, r) -> heard.add(done + "/" + total + " " + r.problem() + " " + r.method()));
        assertThat(heard).containsExactly("1/4 bowl gd", "2/4 bowl newton", "3/4 flat-bowl gd", "4/4 flat-bowl newton");
        assertThat(rs).extracting(SolveRecord::statusText).containsExactly("CONVERGED", "CONVERGED", "CONVERGED", "n/a");
    }

    @Test
    void isDeterministic() {
        SolveRecord a = bench.run(Fakes.bowl(), "gd");
        SolveRecord b = bench.run(Fakes.bowl(), "gd");
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.iterations()).isEqualTo(b.iterations());
        assertThat(a.evaluations()).isEqualTo(b.evaluations());
        assertThat(a.value()).isEqualTo(b.value());
    }

    @Test
    void secondOrderMethodsGetTheSmallerBudgetFromTheCatalogue() {
        MinimizationBench standard = MinimizationBench.standard();
        assertThat(standard.settings("lbfgs").maxIterations()).isEqualTo(20_000);
        assertThat(standard.settings("trust-newton-cg").maxIterations()).isEqualTo(2_000);
        assertThat(MinimizationBench.builder().maxIterations(7).build().settings("newton").maxIterations()).isEqualTo(7);
    }
}
