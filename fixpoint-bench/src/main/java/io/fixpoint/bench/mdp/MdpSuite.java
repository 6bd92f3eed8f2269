package io.fixpoint.bench.mdp;

import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.MdpSection;
import io.fixpoint.bench.report.SvgPlot;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Markov decision processes: VI against anchored VI as γ → 1 (the paper's claim), and every method to the tolerance. */
public final class MdpSuite implements Suite {
    private final MdpBench quick;
    private final MdpBench full;

    public MdpSuite() {
        this(MdpBench.standard(false), MdpBench.standard(true));
    }

    /** A suite over other benches: {@code quick} by default, {@code full} under {@link SuiteOptions#full()}. */
    MdpSuite(MdpBench quick, MdpBench full) {
        this.quick = quick;
        this.full = full;
    }

    @Override
    public String name() {
        return MdpBench.SUITE;
    }

    @Override
    public String description() {
        return "value iteration against anchored value iteration at γ = 0.99, 0.999, 1 − 10⁻⁴ (Lee and Ryu's O(1/k)), every method on a "
                + "Garnet and a gridworld, judged against an exact policy solve; --full for 10⁵ iterations per curve";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.METHODS, Choice.FULL, Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        options.progress().stage("mdp: the " + (options.full() ? "full" : "quick") + " run");
        MdpBench.Result r = (options.full() ? full : quick).run(options);
        return new SuiteReport(name(), "Markov decision processes", r.records(), MdpBench.text(r), MdpSection.html(r),
                Map.of("mdp-bellman.svg", SvgPlot.standalone(MdpBench.plots(r))), List.of(), false, (System.nanoTime() - t0) * 1e-9);
    }
}
