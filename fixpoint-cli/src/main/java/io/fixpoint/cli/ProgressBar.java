package io.fixpoint.cli;

import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.MinimizationBench;
import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on a terminal; silent when disabled (output piped). */
final class ProgressBar implements MinimizationBench.Listener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private int drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled only when a person is watching: the JVM has a console. */
    static ProgressBar forTerminal(PrintWriter err) {
        return new ProgressBar(err, System.console() != null);
    }

    @Override
    public void onResult(int done, int total, BenchResult r) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = String.format("[%s%s] %d/%d %s %s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, r.problem(), r.method());
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** Erases the bar so the table starts on a clean line. */
    void clear() {
        if (enabled && drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }
}
