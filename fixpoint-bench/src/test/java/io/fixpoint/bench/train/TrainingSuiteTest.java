package io.fixpoint.bench.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSuiteTest {

    @Test
    void aTinySubsetGivesJudgedRecordsTextHtmlAndFiles() {
        SuiteReport r = BenchSuites.byName("training").run(SuiteOptions.DEFAULT.withProblems(List.of("logistic")).withMethods(List.of("sgd", "lion"))
                .withPeers(List.of()));
        assertThat(r.suite()).isEqualTo("training");
        assertThat(r.records()).hasSize(2).allSatisfy(s -> {
            assertThat(s.tool()).isEqualTo(SolveRecord.FIXPOINT);
            assertThat(s.problem()).isEqualTo("logistic");
            assertThat(s.status()).isEqualTo(Status.MAX_ITERATIONS);
            assertThat(s.claimed()).isFalse();
            assertThat(s.iterations()).isEqualTo(300);
            assertThat(s.solved()).isEqualTo((int) s.figures().get("stepsToTarget") >= 0);
        });
        assertThat(r.records()).extracting(SolveRecord::method).containsExactly("sgd", "lion");
        SolveRecord sgd = r.records().get(0);
        assertThat(sgd.solved()).as("sgd reaches the logistic target with its defaults").isTrue();
        assertThat(sgd.value()).isLessThanOrEqualTo(Workload.all().get(0).target());
        assertThat(r.html()).startsWith("<h2 id=\"training\">").contains("1 workloads × 2 optimisers", "One rule judges every run");
        assertThat(r.text()).contains("logistic", "Scores");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json", "training.json");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aRequestedPeerThatIsMissingIsANoteNamingTheInstallCommand() {
        TorchTiming.Comparison skipped = TorchTiming.Comparison.skipped("no torch; install it with " + TorchTiming.INSTALL);
        assertThat(skipped.ran()).isFalse();
        assertThat(skipped.describe()).contains("apt-get install -y python3-torch");
    }
}
