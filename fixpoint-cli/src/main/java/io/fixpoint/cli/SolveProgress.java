package io.fixpoint.cli;

import io.fixpoint.bench.Progress;
import io.fixpoint.problem.Counts;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.IterationState;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A long solve's progress on stderr: once it has run two seconds, its iteration, optimality measure
 * (named as the family names it: marginal error, Bellman residual, relative KKT error) and elapsed time (and the time limit, when there is one), through the bench's {@link Progress} —
 * redrawn in place on a terminal, a line every few seconds otherwise. The driver's listener only
 * notes where the solve is; a timer shows it, so a solve whose iterations are slow shows it too.
 * The quiet start is {@code -Dfixpoint.progress.quietMillis} (default 2000).
 */
final class SolveProgress implements IterationListener, AutoCloseable {
    private static final long TICK_MILLIS = 250;

    private final Progress progress;
    private final String method;
    private final String measure;
    private final Duration limit;
    private final long t0 = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile int iteration = -1;
    private volatile double optimality = Double.NaN;

    SolveProgress(PrintWriter err, String method, String measure, Duration limit) {
        this.progress = Progress.on(err);
        this.method = method;
        this.measure = measure;
        this.limit = limit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fixpoint-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::show, Long.getLong("fixpoint.progress.quietMillis", 2000), TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onIteration(int k, IterationState state, Counts counts) {
        optimality = state.optimality();
        iteration = k;
    }

    private void show() {
        int k = iteration;
        String at = k < 0 ? "starting" : String.format(Locale.ROOT, "iteration %d, %s %.3e", k, measure, optimality);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        progress.status(String.format(Locale.ROOT, "%s: %s, %.0f s", method, at, seconds)
                + (limit == null ? "" : " (limit " + new BigDecimal(limit.toNanos() * 1e-9).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " s)"));
    }

    /** Stops the timer and clears the line. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS); // a status being printed finishes before the result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.finish();
    }
}
