package io.fixpoint.bench.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LpBenchTest {
    static final double NAN = Double.NaN;

    static LpRun run(String model, String solver, String status, double objective, double seconds, long passes, double to4) {
        return new LpRun(model, solver, status, objective, seconds, passes, passes, to4, Double.isNaN(to4) ? -1 : passes / 2, NAN, NAN);
    }

    @Test
    void judgesEverySolverAlikeAgainstTheSimplexOptimum() {
        LpBench.Settings s = new LpBench.Settings(List.of("netlib:a", "netlib:b"), List.of("r2hpdhg"),
                List.of("ortools-pdlp", "ortools-highs"), 10, 1000, 1, false, "1g");
        List<LpRun> runs = List.of(
                run("a", "ortools-highs", "OPTIMAL", 100, 0.01, -1, NAN),
                run("b", "ortools-highs", "OPTIMAL", -2, 0.01, -1, NAN),
                run("a", "ortools-pdlp", "OPTIMAL", 100.0001, 1, 400, 0.5),
                run("b", "ortools-pdlp", "NOT_SOLVED", NAN, 10, 1000, NAN),
                run("a", "r2hpdhg", "OPTIMAL", 100.00000001, 2, 200, 1),
                run("b", "r2hpdhg", "MAX_ITERATIONS", -1.9, 10, 1000, 4));
        LpBench.Result r = LpBench.summarise(s, runs);
        assertThat(r.reference()).containsEntry("a", 100.0).containsEntry("b", -2.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> summary = (List<Map<String, Object>>) r.json().get("summary");
        Map<String, Object> ours = summary.get(0);
        assertThat(ours.get("solver")).isEqualTo("r2hpdhg");
        assertThat(ours.get("solved1e4")).isEqualTo(2);
        assertThat(ours.get("solved1e8")).isEqualTo(1);
        assertThat((double) ours.get("worstObjectiveError")).isCloseTo(1e-10, within(1e-12));
        assertThat((double) ours.get("medianKktPassRatioToPdlp")).isEqualTo(0.5);
        Map<String, Object> pdlp = summary.get(1);
        assertThat(pdlp.get("solved1e4")).isEqualTo(1);
        assertThat(pdlp.get("solved1e8")).isEqualTo(1);
        assertThat((double) pdlp.get("worstObjectiveError")).isCloseTo(1e-6, within(1e-9));
        // an unsolved run counts the budget: exp((ln 3 + ln 11)/2) − 1 for ours
        assertThat((double) ours.get("sgmSeconds")).isCloseTo(Math.sqrt(3 * 11) - 1, within(1e-9));
        assertThat(r.text()).contains("Dolan–Moré").contains("passes/PDLP").contains("0.50 (1)");
    }

    @Test
    void runsFixpointAndTheOrToolsPeersOnTwoSmallModels() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "OR-Tools' natives are shipped for Linux x86-64 only");
        LpBench.Settings s = new LpBench.Settings(List.of("netlib:afiro", "netlib:sc50a"), List.of("r2hpdhg"),
                List.of("ortools-glop", "ortools-pdlp"), 20, 100_000, 1, false, "1g");
        LpBench.Result r = LpBench.run(s, run -> { });
        assertThat(r.runs()).hasSize(6).allMatch(LpRun::optimal);
        assertThat(r.reference().get("afiro")).isCloseTo(-464.7531428571, within(1e-6));
        LpRun pdlp = r.runs().stream().filter(x -> x.solver().equals("ortools-pdlp")).findFirst().orElseThrow();
        assertThat(pdlp.kktPasses()).as("KKT passes read from PDLP's log").isPositive();
        assertThat(pdlp.reached1e4()).isTrue();
        assertThat(r.text()).contains("r2hpdhg").contains("ortools-glop");
    }
}
