package io.fixpoint.bench.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LpBenchTest {
    static final double NAN = Double.NaN;

    static LpRun run(String model, String solver, String status, double objective, double seconds, long passes, double to4) {
        return new LpRun(model, solver, status, objective, seconds, passes, passes, to4, Double.isNaN(to4) ? -1 : passes / 2, NAN, NAN, 10,
                model.length() * 1000L, null);
    }

    @Test
    void judgesEverySolverAlikeAgainstTheSimplexOptimum() {
        LpBench.Settings s = new LpBench.Settings(List.of("netlib:a", "netlib:bb", "netlib:ccc"), List.of("r2hpdhg"),
                List.of("ortools-pdlp", "ortools-highs"), 10, 1000, 1, false, "1g");
        List<LpRun> runs = List.of(
                run("a", "ortools-highs", "OPTIMAL", 100, 0.01, -1, NAN),
                run("bb", "ortools-highs", "OPTIMAL", -2, 0.01, -1, NAN),
                run("ccc", "ortools-highs", "OPTIMAL", 1, 0.01, -1, NAN),
                run("a", "ortools-pdlp", "OPTIMAL", 100.00005, 1, 400, 0.5),
                run("bb", "ortools-pdlp", "NOT_SOLVED", NAN, 10, 1000, NAN),
                run("ccc", "ortools-pdlp", "OPTIMAL", 1, 0.5, 300, 0.2),
                run("a", "r2hpdhg", "OPTIMAL", 100.00000001, 2, 200, 1),
                run("bb", "r2hpdhg", "MAX_ITERATIONS", -1.9, 10, 1000, 4),
                run("ccc", "r2hpdhg", "OPTIMAL", 1.1, 3, 600, 1));
        LpBench.Result r = LpBench.summarise(s, Catalog.builtIn(), runs, List.of());
        assertThat(r.reference()).containsEntry("a", 100.0).containsEntry("bb", -2.0).containsEntry("ccc", 1.0);
        assertThat(r.records()).hasSize(9);
        SolveRecord rejected = r.record("ccc", "r2hpdhg");
        assertThat(rejected.claimed()).isTrue();
        assertThat(rejected.solved()).as("an optimum 10 % off the reference is not solved").isFalse();
        assertThat(rejected.isFixpoint()).isTrue();
        assertThat(r.record("a", "ortools-pdlp").solved()).isTrue();
        assertThat(r.record("a", "ortools-pdlp").evaluations()).containsEntry("matrixVector", 800L);

        LpBench.Summary ours = r.summary().get(0);
        assertThat(ours.solver()).isEqualTo("r2hpdhg");
        assertThat(ours.solved1e4()).isEqualTo(3);
        assertThat(ours.solved1e8()).isEqualTo(1);
        assertThat(ours.rejectedClaims()).isEqualTo(1);
        assertThat(ours.worstClaimError()).isCloseTo(0.1, within(1e-12));
        assertThat(ours.medianPassRatio()).isEqualTo(0.5);
        assertThat(ours.infeasibleClaims()).isZero();
        // an unsolved run counts the budget: exp((ln 3 + ln 11 + ln 11)/3) − 1
        assertThat(ours.sgmSeconds()).isCloseTo(Math.cbrt(3 * 11 * 11) - 1, within(1e-9));
        LpBench.Summary pdlp = r.summary().get(1);
        assertThat(pdlp.solved1e4()).isEqualTo(2);
        assertThat(pdlp.solved1e8()).isEqualTo(2);
        assertThat(pdlp.worstClaimError()).isCloseTo(5e-7, within(1e-9));
        assertThat(r.text()).contains("Dolan–Moré").contains("passes/PDLP").contains("0.50 (1)").contains("1 claimed optima rejected");
        assertThat(LpBench.crossover(r)).isEqualTo("The simplex codes were the fastest on 3 of 3 programs, the largest of them ccc "
                + "(3,000 non-zeros); no larger program here: no crossover within this set.");
    }

    @Test
    void theCrossoverIsTheFirstProgramAFirstOrderSolverWins() {
        LpBench.Settings s = new LpBench.Settings(List.of("gen:a", "gen:bbbb", "gen:cc"), List.of("r2hpdhg"), List.of("ortools-glop"), 100, 1000, 2,
                true, "1g");
        List<LpRun> runs = List.of(
                run("a", "ortools-glop", "OPTIMAL", 1, 0.1, -1, NAN),
                run("cc", "ortools-glop", "OPTIMAL", 1, 5, -1, NAN),
                run("bbbb", "ortools-glop", "NOT_SOLVED", NAN, 100, -1, NAN),
                run("a", "r2hpdhg", "OPTIMAL", 1, 1, 100, 0.5),
                run("cc", "r2hpdhg", "OPTIMAL", 1, 9, 100, 0.5),
                run("bbbb", "r2hpdhg", "OPTIMAL", 7, 50, 100, 20));
        LpBench.Result r = LpBench.summarise(s, Catalog.builtIn(), runs, List.of());
        assertThat(LpBench.crossover(r)).isEqualTo("The simplex codes were the fastest on 2 of 3 programs, the largest of them cc "
                + "(2,000 non-zeros); on every larger program, from bbbb (4,000 non-zeros) on, a first-order solver finished first (1 of 1) "
                + "or none was solved within the budget (0).");
    }
}
