package io.fixpoint.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.report.PerformanceProfile;
import io.fixpoint.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingBenchTest {

    @Test
    void aSmallSuiteReturnsRowsTextAndJson() throws Exception {
        List<String> heard = new ArrayList<>();
        TrainingBench.Result r = new TrainingBench(Catalog.builtIn()).run(new TrainingBench.Settings(List.of("logistic"), List.of("sgd", "adamw", "lion"),
                new double[] {1}, true, false), heard::add);
        assertThat(r.rows()).hasSize(3 + 1); // three optimisers, and the refined-schedule run
        assertThat(heard).hasSize(4);
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.status()).isIn("MAX_ITERATIONS"));
        assertThat(r.defaultScores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(r.defaultScores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()).as("someone reaches a target")
                .isPositive();
        assertThat(r.claims()).extracting(TrainingBench.Claim::claim).anyMatch(c -> c.contains("one state buffer"));
        TrainingBench.Claim memory = r.claims().stream().filter(c -> c.claim().contains("one state buffer")).findFirst().orElseThrow();
        assertThat(memory.holds()).isTrue();
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertThat(j.get("runs")).hasSize(4);
        assertThat(j.get("scoresTunedSteps").get("sgd").asDouble()).isEqualTo(1.0); // sgd reaches the target first
        assertThat(j.get("runs").get(0).get("workload").asText()).isEqualTo("logistic");
        assertThat(r.text()).contains("logistic", "Scores", "Claims", "PyTorch beside Fixpoint: not run");
    }

    @Test
    void scoresAreTheAreaUnderTheProfileUpToFour() {
        PerformanceProfile p = PerformanceProfile.of(List.of("fast", "half", "never"), new double[][] {{1, 2}, {2, 2}, {Double.NaN, Double.NaN}});
        assertThat(TrainingBench.area(p, 0)).isCloseTo(1, offset(1e-15));
        assertThat(TrainingBench.area(p, 1)).isCloseTo(0.5 * (2.0 / 3) + 0.5 * 1, offset(1e-15));
        assertThat(TrainingBench.area(p, 2)).isZero();
    }

    @Test
    void unknownWorkloadsAndGridsWithoutTheDefaultsAreRejected() {
        assertThatThrownBy(() -> new TrainingBench(Catalog.builtIn()).run(new TrainingBench.Settings(List.of("cifar"), List.of("sgd"), new double[] {1}, false, false),
                s -> { })).hasMessageContaining("unknown workload 'cifar'");
        assertThatThrownBy(() -> new TrainingBench.Settings(List.of("logistic"), List.of("sgd"), new double[] {3}, false, false))
                .hasMessageContaining("must contain 1");
    }
}
