package io.fixpoint.bench.mdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.ProblemKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision-process suite, short: anchoring on the periodic chain, every method judged, the text, the section and the plot. */
class MdpSuiteTest {
    private static final MdpBench SHORT = new MdpBench(300, 4);

    @Test
    void aShortRunShowsAnchoringOnThePeriodicChainAndJudgesEveryMethod() {
        SuiteReport r = new MdpSuite(SHORT, SHORT).run(SuiteOptions.DEFAULT);
        List<SolveRecord> curves = MdpBench.curves(r.records());
        assertThat(curves).hasSize(12);
        SolveRecord vi = find(curves, "7-cycle", 1 - 1e-4, "value-iteration");
        SolveRecord anc = find(curves, "7-cycle", 1 - 1e-4, "anchored-vi");
        assertThat(vi.history()).hasSize(301);
        assertThat(MdpBench.at(anc, 300)).isLessThan(MdpBench.at(vi, 300) / 100);
        assertThat(curves.stream().filter(c -> c.method().equals("anchored-vi"))).allMatch(MdpBench::withinBound);

        List<SolveRecord> table = MdpBench.table(r.records());
        // every method that applies to a process is solved there; the rest say why they do not apply
        assertThat(table).isNotEmpty().allSatisfy(m -> assertThat(m.solved() || m.outcome() == SolveRecord.Outcome.NOT_APPLICABLE)
                .as(m.problem() + " " + m.method() + ": " + m.statusText()).isTrue());
        assertThat(table.stream().filter(SolveRecord::solved).map(SolveRecord::method).distinct())
                .containsAll(Catalog.builtIn().names(ProblemKind.MDP));

        assertThat(r.text()).contains(MdpBench.CLAIM, "paper's bound", "k=100", "policy-iteration", "Solved means");
        assertThat(r.html()).startsWith("<h2 id=\"mdp\">").contains("Anc-VI γ = 0.9999", "<svg");
        assertThat(r.allFiles()).containsKeys("mdp-bellman.svg", "results.csv", "results.json");
    }

    @Test
    void theJudgeRefusesValuesFarFromTheExactPolicySolve() {
        MarkovDecisionProcess p = MdpBench.cycle(7, 0.9);
        MdpBench.Reference ref = MdpBench.Reference.of(p, Catalog.builtIn());
        assertThat(MdpBench.judge(p, ref.values(), ref).solved()).isTrue();
        double[] off = ref.values().clone();
        off[0] += 1e-6;
        MdpBench.Verdict v = MdpBench.judge(p, off, ref);
        assertThat(v.solved()).isFalse();
        assertThat(v.residual()).isGreaterThan(MdpBench.TOLERANCE);
    }

    private static SolveRecord find(List<SolveRecord> curves, String process, double gamma, String method) {
        return curves.stream().filter(c -> MdpBench.process(c).equals(process) && MdpBench.gamma(c) == gamma && c.method().equals(method))
                .findFirst().orElseThrow();
    }
}
