package io.fixpoint.bench.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.bench.peer.ScipyPeer;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstrainedBenchTest {
    private static final ConstrainedBench.Settings FAST = new ConstrainedBench.Settings(1e-8, 1000, Duration.ofSeconds(10), 1);

    private static List<ConstrainedTestProblem> some(String... names) {
        List<String> wanted = List.of(names);
        return HockSchittkowski.problems().stream().filter(p -> wanted.contains(p.name())).toList();
    }

    @Test
    void fixpointRowsAreJudgedAndCarryVerifiedKktResiduals() {
        List<ConstrainedBench.Row> heard = new ArrayList<>();
        ConstrainedBench.Result r = ConstrainedBench.run(some("hs6", "hs35", "hs71", "hs106"), ConstrainedBench.METHODS, List.of(), FAST,
                heard::add);
        assertThat(r.rows()).hasSize(4 * ConstrainedBench.METHODS.size()).isEqualTo(heard);
        for (ConstrainedBench.Row row : r.rows()) {
            assertThat(row.tool()).isEqualTo("fixpoint");
            if (row.status().equals("CONVERGED")) {
                assertThat(row.kkt().max()).isLessThanOrEqualTo(1e-8);
            }
            assertThat(row.fields()).containsKeys("problem", "method", "status", "solved", "value", "violation", "kkt", "evaluations");
        }
        assertThat(r.rows().stream().filter(x -> x.method().equals("sqp")).allMatch(ConstrainedBench.Row::solved)).isTrue();
        String text = ConstrainedBench.text(r);
        assertThat(text).contains("hs71").contains("sqp").contains("augmented-lagrangian").contains("4/4");
    }

    @Test
    void scipyTranslatesEveryProblemFaithfully() {
        ScipyPeer peer = new ScipyPeer(Duration.ofSeconds(120));
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");
        // no methods: the runner only reports f(x0) and c(x0) of its translation, compared with Fixpoint's values
        List<ConstrainedTestProblem> all = HockSchittkowski.problems();
        ScipyPeer.ConstrainedOutcome out = peer.solveConstrained(all, List.of(), 1e-8, 10, 1);
        assertThat(out.skipped()).isNull();
        assertThat(out.disagreements()).isEmpty();
        assertThat(out.version()).startsWith("SciPy");
    }
}
