package io.fixpoint.cli;

import io.fixpoint.problem.Counts;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.IterationState;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on stderr once a solve has run for a while — the iteration and the optimality measure
 * it certifies — redrawn in place on a terminal, a line every 10 s when piped. Short solves print nothing.
 */
final class SolveProgress implements IterationListener {
    /** Seconds before the first line, and between redraws on a terminal. */
    static final double FIRST_SECONDS = 2;
    private static final double PIPED_SECONDS = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private final String measure;
    private final long start = System.nanoTime();
    private double next;
    private boolean drawn;

    /**
     * @param measure what the optimality measure is called, e.g. {@code marginal error}
     * @param first   seconds before the first line
     */
    SolveProgress(PrintWriter err, boolean terminal, String measure, double first) {
        this.err = err;
        this.terminal = terminal;
        this.measure = measure;
        this.next = first;
    }

    /** Progress on {@code err}, redrawn in place when the program runs on a terminal. */
    static SolveProgress on(PrintWriter err, String measure) {
        return new SolveProgress(err, System.console() != null, measure, FIRST_SECONDS);
    }

    @Override
    public void onIteration(int iteration, IterationState state, Counts counts) {
        double t = (System.nanoTime() - start) * 1e-9;
        if (t < next) {
            return;
        }
        next = t + (terminal ? FIRST_SECONDS : PIPED_SECONDS);
        String line = String.format(Locale.ROOT, "iteration %d, %s %.2e, %.0f s", iteration, measure, state.optimality(), t);
        err.print(terminal ? "\r" + line : line + "\n");
        err.flush();
        drawn = terminal;
    }

    /** Clears a line drawn in place, before the result is printed. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(80) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
