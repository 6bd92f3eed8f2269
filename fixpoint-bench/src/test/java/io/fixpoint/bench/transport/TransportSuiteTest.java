package io.fixpoint.bench.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport suite on small clouds, without POT: one judged record per solve, the ratio, the text, the section and the plot. */
class TransportSuiteTest {
    private static final TransportBench SMALL = new TransportBench(60, new double[] {0.05, 0.005}, List.of("sinkhorn", "sns"), 20,
            new double[] {0.1}, 2);

    @Test
    void aSmallRunReportsTheRatioAndJudgesEverySolve() {
        SuiteReport r = new TransportSuite(SMALL, SMALL).run(SuiteOptions.DEFAULT.withPeers(List.of()));
        List<SolveRecord> ratio = TransportBench.ratioRuns(r.records());
        assertThat(ratio).extracting(SolveRecord::method).containsExactly("sinkhorn", "sns", "sinkhorn", "sns");
        assertThat(r.records()).allSatisfy(x -> assertThat(x.solved()).as(x.problem() + " " + x.method()).isTrue());
        SolveRecord sinkhorn = ratio.get(2);
        SolveRecord sns = ratio.get(3);
        assertThat(sns.iterations()).isLessThan(sinkhorn.iterations() / 5);
        assertThat(TransportBench.newtonIterations(sns)).isPositive();
        assertThat(TransportBench.ratio(r.records(), sns)).isEqualTo((double) sinkhorn.iterations() / sns.iterations());
        assertThat(Math.abs(sns.value() - sinkhorn.value())).isLessThan(1e-8);
        assertThat(sns.optimality()).isLessThanOrEqualTo(TransportBench.TOLERANCE);
        // beside POT without POT: Fixpoint's two forms of Sinkhorn, and the note that says why POT is missing
        assertThat(TransportBench.potRuns(r.records())).extracting(SolveRecord::method).containsExactly("sinkhorn", "sinkhorn-log");
        assertThat(r.notes()).containsExactly("POT not run: the peers asked for leave it out (--no-peers)");

        assertThat(r.text()).contains(TransportBench.CLAIM, "iter ratio", "sns", "0.005", "Solved means");
        assertThat(r.html()).startsWith("<h2 id=\"transport\">").contains("POT not run", "6 of 6 solves solved", "<svg");
        assertThat(r.allFiles()).containsKeys("transport-iterations.svg", "results.csv", "results.json");
    }

    @Test
    void theJudgeRefusesAPlanThatDisagreesWithTheOtherTool() {
        double[] plan = {0.5, 0, 0, 0.5};
        TransportBench.Judged ours = new TransportBench.Judged(true, true, plan, 1, 1e-14, 1e-13);
        TransportBench.Judged same = new TransportBench.Judged(false, true, plan.clone(), 1, 1e-14, 1e-13);
        TransportBench.Judged off = new TransportBench.Judged(false, true, new double[] {0.5, 1e-9, 0, 0.5}, 1, 1e-14, 1e-13);
        TransportBench.Judged unconverged = new TransportBench.Judged(false, true, new double[] {0.4, 0, 0, 0.6}, 2, 1e-3, 1e-13);
        assertThat(TransportBench.judge(ours, List.of(ours, same))).isTrue();
        assertThat(TransportBench.judge(ours, List.of(ours, same, off))).isFalse();
        // a plan whose tool did not converge is no evidence against the others
        assertThat(TransportBench.judge(ours, List.of(ours, unconverged))).isTrue();
        assertThat(TransportBench.judge(unconverged, List.of(ours, unconverged))).isFalse();
    }
}
