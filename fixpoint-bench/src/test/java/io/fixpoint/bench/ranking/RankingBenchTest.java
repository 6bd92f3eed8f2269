package io.fixpoint.bench.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.ranking.BradleyTerryModel;
import io.fixpoint.ranking.RankingMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingBenchTest {

    @Test
    void everyMethodRunsAndTheClaimIsMeasuredSideBySide() throws Exception {
        RankingBench.Instance small = new RankingBench.Instance("small", "random n=30",
                BradleyTerryModel.of(new SyntheticComparisons(30, 2000, 2, 3).data()));
        RankingBench.Settings settings = new RankingBench.Settings(false, 1, Duration.ofSeconds(20), 100_000, false, List.of(RankingMethod.values()));
        RankingBench.Report report = RankingBench.run(settings, List.of(small));
        assertThat(report.rows()).hasSize(RankingMethod.values().length);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.converged()).as(r.method()).isTrue());
        RankingBench.Row zermelo = RankingBench.row(report.rows(), "small", RankingMethod.ZERMELO);
        RankingBench.Row newman = RankingBench.row(report.rows(), "small", RankingMethod.NEWMAN);
        assertThat(report.claims()).singleElement().satisfies(c -> {
            assertThat(c.zermelo()).isEqualTo(zermelo.iterations());
            assertThat(c.newman()).isEqualTo(newman.iterations());
            assertThat(c.iterationRatio()).isGreaterThan(1);
            assertThat(c.lowerBound()).isFalse();
        });
        assertThat(newman.evaluations()).containsEntry("map", (long) newman.iterations() + 1);
        assertThat(report.notes()).singleElement().asString().contains("BradleyTerry2 not run");
        String text = RankingBench.text(report);
        assertThat(text).contains("small — random n=30 (30 items").contains("newman-anderson").contains("over a hundred times faster");
        JsonNode json = new ObjectMapper().readTree(RankingBench.json(report));
        assertThat(json.get("rows")).hasSize(RankingMethod.values().length);
        assertThat(json.get("claims").get(0).get("instance").asText()).isEqualTo("small");
    }

    @Test
    void aChosenSetOfMethodsRunsAlone() {
        RankingBench.Instance small = new RankingBench.Instance("tiny", "random n=10",
                BradleyTerryModel.of(new SyntheticComparisons(10, 300, 1, 3).data()));
        RankingBench.Report report = RankingBench.run(RankingBench.Settings.DEFAULT.withoutLiveReference()
                .withMethods(RankingMethod.ZERMELO, RankingMethod.NEWMAN), List.of(small));
        assertThat(report.rows()).extracting(RankingBench.Row::method).containsExactly("zermelo", "newman");
        assertThat(report.claims()).hasSize(1);
        assertThatThrownBy(() -> RankingBench.Settings.DEFAULT.withMethods()).hasMessageContaining("at least one method");
    }

    @Test
    void randomGraphsAreSeeded() {
        SyntheticComparisons s = new SyntheticComparisons(50, 5000, 1.5, 42);
        var a = s.data();
        var b = new SyntheticComparisons(50, 5000, 1.5, 42).data();
        assertThat(a.comparisons()).isEqualTo(5000);
        assertThat(a.items()).isEqualTo(b.items());
        assertThat(a.recordCount()).isEqualTo(b.recordCount());
        assertThat(new SyntheticComparisons(50, 5000, 1.5, 43).data().items()).isNotEqualTo(a.items());
        assertThat(s.strengths()).isEqualTo(new SyntheticComparisons(50, 10, 1.5, 42).strengths());
    }
}
