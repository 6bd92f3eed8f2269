package io.fixpoint.bench.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class LpSuiteTest {

    @Test
    void runsEveryMethodAndEveryPeerOnTwoSmallModels() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "OR-Tools' natives are shipped for Linux x86-64 here");
        SuiteReport r = BenchSuites.byName("lp").run(SuiteOptions.DEFAULT.withProblems(List.of("afiro", "sc50a")));
        List<String> expected = List.of("ortools-pdlp", "ortools-glop", "ortools-highs", "r2hpdhg", "halpern-pdhg", "pdhg");
        assertThat(r.records().stream().map(LpBench::name).distinct()).containsAll(expected);
        assertThat(r.records()).allSatisfy(rec -> assertThat(rec.solved()).as(rec.problem() + " " + LpBench.name(rec)).isTrue());
        SolveRecord glop = r.records().stream().filter(x -> x.problem().equals("afiro") && x.method().equals("glop")).findFirst().orElseThrow();
        assertThat(glop.value()).isCloseTo(-464.7531428571, within(1e-6));
        SolveRecord pdlp = r.records().stream().filter(x -> x.method().equals("pdlp")).findFirst().orElseThrow();
        assertThat(pdlp.figure("kktPasses", -1)).as("KKT passes read from PDLP's log").isPositive();
        SolveRecord ours = r.records().stream().filter(x -> x.method().equals("r2hpdhg")).findFirst().orElseThrow();
        assertThat(ours.status().name()).isEqualTo("CONVERGED");
        assertThat(ours.count("matrixVector")).isPositive();
        assertThat(ours.figure("gap", 1)).isLessThanOrEqualTo(1e-8);
        boolean scipy = r.records().stream().anyMatch(x -> x.tool().equals("scipy"));
        assertThat(scipy || r.notes().stream().anyMatch(n -> n.contains("SciPy"))).as("SciPy ran or a note says why not").isTrue();
        assertThat(r.html()).startsWith("<h2 id=\"lp\">").contains("reached 1e-4", "solved at 1e-8", "<svg", "Performance profile");
        assertThat(r.text()).contains("afiro", "r2hpdhg", "ortools-glop", "simplex codes");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json", "summary.json");
    }
}
