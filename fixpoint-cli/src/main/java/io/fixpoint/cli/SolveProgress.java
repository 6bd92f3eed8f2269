package io.fixpoint.cli;

import io.fixpoint.problem.Counts;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.IterationState;
import java.io.PrintWriter;
import java.util.Locale;

/** A progress line on stderr once a solve has run for a while: redrawn in place on a terminal, a line every 10 s when piped. */
final class SolveProgress implements IterationListener {
    /** Seconds before the first progress line, and between lines on a terminal. */
    private static final double SECONDS = 2;

    private final PrintWriter err;
    private final String measure;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private double next = SECONDS;
    private boolean drawn;

    /** @param measure what the optimality measure is called in the line, e.g. {@code ‖∇f‖} */
    SolveProgress(PrintWriter err, String measure) {
        this.err = err;
        this.measure = measure;
    }

    @Override
    public void onIteration(int iteration, IterationState state, Counts counts) {
        if ((iteration & 63) != 0) {
            return;
        }
        double t = (System.nanoTime() - start) * 1e-9;
        if (t < next) {
            return;
        }
        next = t + (terminal ? SECONDS : 10);
        String line = String.format(Locale.ROOT, "iteration %d, %s %.2e, %.0f s", iteration, measure, state.optimality(), t);
        err.print(terminal ? "\r" + line : line + "\n");
        err.flush();
        drawn = terminal;
    }

    /** Erases a line drawn in place. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(80) + "\r");
            err.flush();
        }
    }
}
