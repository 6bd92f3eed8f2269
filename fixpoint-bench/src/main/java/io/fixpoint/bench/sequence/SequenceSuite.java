package io.fixpoint.bench.sequence;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.SequenceSection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parallel-in-time sweep: trajectory solvers on a GRU over T, D and threads, timed beside the sequential loop. */
public final class SequenceSuite implements Suite {

    @Override
    public String name() {
        return SequenceBench.SUITE;
    }

    @Override
    public String description() {
        return "trajectory solvers on a GRU over T, D and thread counts, timed beside the sequential loop, with projected speed-ups; "
                + "--full for the big sweep";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.FULL);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        SequenceBench b = SequenceBench.standard(options.full(), options.threads());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        options.progress().stage("sequence: the " + (options.full() ? "full" : "quick") + " sweep");
        List<SolveRecord> rows = b.run(new PrintStream(new Tee(lines, options), true, StandardCharsets.UTF_8));
        String text = lines.toString(StandardCharsets.UTF_8);
        return new SuiteReport(name(), "Sequences (parallel in time)", rows, text, SequenceSection.html(rows),
                Map.of("sequence-bench.csv", SequenceBench.csv(rows), "sequence-speedup.svg", SequenceBench.speedupSvg(rows)), List.of(), false,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** Keeps the sweep's lines for the report and shows each on the progress line as it lands. */
    private static final class Tee extends java.io.OutputStream {
        private final ByteArrayOutputStream kept;
        private final SuiteOptions options;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(ByteArrayOutputStream kept, SuiteOptions options) {
            this.kept = kept;
            this.options = options;
        }

        @Override
        public void write(int b) {
            kept.write(b);
            if (b == '\n') {
                options.progress().step(line.toString(StandardCharsets.UTF_8).strip());
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
