package io.fixpoint.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuitesTest {

    @Test
    void minimizationIsTheMghSetInOrder() {
        List<TestProblem> problems = Suites.minimization();
        List<Mgh.Entry> entries = Mgh.problems();
        assertThat(problems).hasSize(35);
        for (int k = 0; k < problems.size(); k++) {
            TestProblem p = problems.get(k);
            Mgh.Entry e = entries.get(k);
            assertThat(p.name()).isEqualTo(e.name());
            assertThat(p.suite()).isEqualTo("mgh");
            assertThat(p.dimension()).isEqualTo(p.start().length).isEqualTo(e.function().n());
            assertThat(p.knownMinimum()).isEqualTo(e.knownMinimum());
            assertThat(p.reference()).isEqualTo(e.reference());
            assertThat(p.objective().hasHessian()).isTrue();
            // the recorded minimiser counts as solved; the start does not
            assertThat(p.reached(p.objective().value(e.minimizer()), 1e-8)).as(p.name()).isTrue();
            assertThat(p.reached(p.objective().value(p.start()), 1e-8)).as(p.name()).isFalse();
        }
    }

    @Test
    void everyCallBuildsFreshObjectives() {
        assertThat(Suites.minimization().get(0).objective()).isNotSameAs(Suites.minimization().get(0).objective());
    }

    @Test
    void problemsAreFoundByName() {
        TestProblem p = Suites.problem("rosenbrock");
        assertThat(p.start()).containsExactly(-1.2, 1);
        assertThat(p.knownMinimum()).isZero();
        assertThat(Suites.problem("chebyquad").dimension()).isEqualTo(8);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Suites.problem("rosenbrok"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("unknown problem 'rosenbrok'; known problems: rosenbrock, freudenstein-roth,")
            .hasMessageEndingWith("linear-rank-1-zero, chebyquad");
    }

    @Test
    void equationSystemsAreSquare() {
        List<SumOfSquares> systems = Suites.equationSystems();
        assertThat(systems).isNotEmpty().allSatisfy(f -> assertThat(f.m()).isEqualTo(f.n()));
        assertThat(systems).extracting(SumOfSquares::name).doesNotHaveDuplicates();
    }
}
