package io.fixpoint.bench.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.bench.SolveRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SciPy peer runs on the same bytes and its results are judged the same way (skipped without python3/SciPy). */
class ScipyNistTest {

    @Test
    void scipyFitsMisra1aFromBothStarts() {
        ScipyNist peer = new ScipyNist();
        List<SolveRecord> rs = peer.run(List.of(NistDataset.builtIn("Misra1a")), List.of("lm"), 120);
        assumeTrue(peer.skipReason() == null, () -> "SciPy unavailable: " + peer.skipReason());
        assertThat(rs).hasSize(2);
        for (SolveRecord r : rs) {
            assertThat(NistBench.column(r)).isEqualTo("scipy-lm");
            assertThat(NistBench.lre(r)).isGreaterThan(6);
            assertThat(r.solved()).isTrue();
        }
    }
}
