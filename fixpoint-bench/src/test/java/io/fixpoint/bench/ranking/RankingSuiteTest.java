package io.fixpoint.bench.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.ranking.BradleyTerryModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingSuiteTest {

    /** Two certified fits, every method, without R: judged against the frozen fits, Newman's claim measured. */
    @Test
    void runsEveryMethodOnASubsetAndMeasuresTheClaimSideBySide() {
        SuiteReport r = BenchSuites.byName("ranking").run(SuiteOptions.DEFAULT.withPeers(List.of()).withRepeats(1)
                .withProblems(List.of("baseball", "icehockey-davidson-home")));
        int methods = Catalog.builtIn().names(io.fixpoint.solve.ProblemKind.RANKING).size();
        assertThat(r.records()).hasSize(2 * methods).allSatisfy(x -> assertThat(x.isFixpoint()).isTrue());
        SolveRecord ilsr = RankingBench.record(r.records(), "icehockey-davidson-home", "ilsr");
        assertThat(ilsr.outcome()).isEqualTo(SolveRecord.Outcome.NOT_APPLICABLE);
        assertThat(r.records()).filteredOn(SolveRecord::applicable)
                .allSatisfy(x -> assertThat(x.solved()).as(x.problem() + " " + x.method() + ": " + x.message()).isTrue());
        SolveRecord newton = RankingBench.record(r.records(), "baseball", "newton");
        assertThat(newton.figure("referenceError", 1)).isLessThanOrEqualTo(RankingBench.AGREEMENT);
        SolveRecord newman = RankingBench.record(r.records(), "baseball", "newman");
        assertThat(newman.count("map")).isEqualTo(newman.iterations() + 1L);
        assertThat(r.notes()).singleElement().asString().contains("BradleyTerry2 not run");
        assertThat(r.html()).startsWith("<h2 id=\"ranking\">").contains("Newman's claim", "over a hundred times faster", "frozen fits");
        assertThat(r.text()).contains("icehockey-davidson-home", "newman-anderson", "claimed");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json", "summary.json");
    }

    /** The judge: a gradient above 1e-10 or an estimate off the reference is not solved, whoever returned it. */
    @Test
    void theJudgeNeedsBothTheGradientAndTheReference() {
        assertThat(RankingBench.judge(1e-11, 1e-9)).isTrue();
        assertThat(RankingBench.judge(1e-11, Double.NaN)).isTrue();
        assertThat(RankingBench.judge(2e-10, 0)).isFalse();
        assertThat(RankingBench.judge(1e-11, 2e-8)).isFalse();
        assertThat(RankingBench.judge(Double.NaN, 0)).isFalse();
    }

    /** A budget that runs out is recorded with its status and not solved. */
    @Test
    void anExhaustedBudgetIsNotSolved() {
        RankingBench.Instance random = new RankingBench.Instance("small", "random n=30",
                BradleyTerryModel.of(new SyntheticComparisons(30, 2000, 2, 3).data()), null);
        RankingBench.Settings settings = new RankingBench.Settings(false, 1, Duration.ofSeconds(20), 3, false, List.of("zermelo"));
        RankingBench.Result result = RankingBench.run(settings, Catalog.builtIn(), List.of(random), done -> { });
        assertThat(result.records()).singleElement().satisfies(x -> {
            assertThat(x.statusText()).isEqualTo("MAX_ITERATIONS");
            assertThat(x.solved()).isFalse();
            assertThat(Double.isNaN(x.figure("referenceError", 0))).as("no reference for a random graph").isTrue();
        });
        assertThat(result.claims()).isEmpty();
    }

    @Test
    void anUnknownProblemIsNamed() {
        assertThatThrownBy(() -> BenchSuites.byName("ranking").run(SuiteOptions.DEFAULT.withPeers(List.of()).withProblems(List.of("chess"))))
                .hasMessageContaining("unknown ranking problem 'chess'").hasMessageContaining("baseball");
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
