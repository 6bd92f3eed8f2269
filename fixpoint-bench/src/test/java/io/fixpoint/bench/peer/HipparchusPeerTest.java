package io.fixpoint.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.suite.mgh.Beale;
import io.fixpoint.bench.suite.mgh.Trigonometric;
import java.util.List;
import org.junit.jupiter.api.Test;

class HipparchusPeerTest {
    private static final CompareSettings FAST = CompareSettings.DEFAULT.withRepeats(1).withWarmups(0);

    @Test
    void everyMethodSolvesBealeAndCountsItsEvaluations() {
        PeerOutcome out = new HipparchusPeer().run(List.of(ScipyPeerTest.problem(new Beale(), "beale")), FAST, Progress.silent());

        assertThat(out.records()).extracting(SolveRecord::method).containsExactlyElementsOf(HipparchusPeer.METHODS);
        assertThat(out.records()).allSatisfy(r -> {
            assertThat(r.solved()).as(r.method() + ": " + r.statusText() + " " + r.message() + " f=" + r.value()).isTrue();
            assertThat(r.valueEvaluations()).isPositive();
        });
        SolveRecord cg = out.records().get(0);
        assertThat(cg.gradientEvaluations()).isPositive();
        double[] h = cg.history();
        assertThat(h).hasSizeGreaterThan(2);
        assertThat(h[h.length - 1]).isLessThan(1e-6 * h[0]);
    }

    @Test
    void derivativeFreeMethodsSkipLargeProblems() {
        PeerOutcome out = new HipparchusPeer(List.of("nlcg-pr", "bobyqa")).run(
                List.of(ScipyPeerTest.problem(new Trigonometric(20), "trigonometric")), FAST, Progress.silent());
        assertThat(out.records()).extracting(SolveRecord::method).containsExactly("nlcg-pr");
        assertThat(out.excluded()).singleElement().satisfies(e -> assertThat(e).contains("bobyqa"));
    }

    @Test
    void unknownMethodsAreRejected() {
        assertThatThrownBy(() -> new HipparchusPeer(List.of("simplex"))).hasMessageContaining("nlcg-pr");
    }
}
