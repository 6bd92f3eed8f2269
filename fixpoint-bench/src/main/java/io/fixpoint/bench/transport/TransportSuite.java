package io.fixpoint.bench.transport;

import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.SvgPlot;
import io.fixpoint.bench.report.TransportSection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Entropic optimal transport: SNS against Sinkhorn over ε (the paper's claim), and both forms of Sinkhorn beside POT's. */
public final class TransportSuite implements Suite {
    private final TransportBench quick;
    private final TransportBench full;

    public TransportSuite() {
        this(TransportBench.standard(false), TransportBench.standard(true));
    }

    /** A suite over other benches: {@code quick} by default, {@code full} under {@link SuiteOptions#full()}. */
    TransportSuite(TransportBench quick, TransportBench full) {
        this.quick = quick;
        this.full = full;
    }

    @Override
    public String name() {
        return TransportBench.SUITE;
    }

    @Override
    public String description() {
        return "Sinkhorn–Newton–Sparse against Sinkhorn over ε (Tang et al.'s iteration ratio), Sinkhorn's plans and costs beside POT's; "
                + "--full for n = 1000 with every accelerated method";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.METHODS, Choice.PEERS, Choice.FULL, Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        options.progress().stage("transport: the " + (options.full() ? "full" : "quick") + " run");
        TransportBench.Result r = (options.full() ? full : quick).run(options);
        return new SuiteReport(name(), "Entropic optimal transport", r.records(), TransportBench.text(r), TransportSection.html(r),
                Map.of("transport-iterations.svg", SvgPlot.standalone(TransportBench.plots(r))), r.notes(), false, (System.nanoTime() - t0) * 1e-9);
    }
}
