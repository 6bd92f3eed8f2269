package io.fixpoint.lp;

import io.fixpoint.solve.IterationListener;
import java.time.Duration;

/**
 * How to solve a linear program.
 *
 * @param method        a name from {@link LpMethods}
 * @param tolerance     ε of the relative KKT criteria
 * @param timeLimit     wall-time budget, or null for none
 * @param maxIterations iteration budget
 * @param threads       threads for the sparse products
 * @param presolve      whether to run {@link Presolve} first
 * @param listener      hears every iteration (progress lines), or null
 */
public record LpSettings(String method, double tolerance, Duration timeLimit, int maxIterations, int threads, boolean presolve,
        IterationListener listener) {
    public static final double DEFAULT_TOLERANCE = 1e-8;

    public LpSettings {
        if (!LpMethods.names().contains(method)) {
            throw new IllegalArgumentException("unknown LP method '" + method + "'; known methods: " + String.join(", ", LpMethods.names()));
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie in (0, 1), got " + tolerance);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be > 0, got " + timeLimit);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    /** r2hpdhg at ε = 1e-8, one thread, presolve on, no time limit, 10⁶ iterations. */
    public static LpSettings defaults() {
        return new LpSettings("r2hpdhg", DEFAULT_TOLERANCE, null, 1_000_000, 1, true, null);
    }

    public LpSettings withMethod(String m) {
        return new LpSettings(m, tolerance, timeLimit, maxIterations, threads, presolve, listener);
    }

    public LpSettings withTolerance(double t) {
        return new LpSettings(method, t, timeLimit, maxIterations, threads, presolve, listener);
    }

    public LpSettings withTimeLimit(Duration d) {
        return new LpSettings(method, tolerance, d, maxIterations, threads, presolve, listener);
    }

    public LpSettings withMaxIterations(int n) {
        return new LpSettings(method, tolerance, timeLimit, n, threads, presolve, listener);
    }

    public LpSettings withThreads(int n) {
        return new LpSettings(method, tolerance, timeLimit, maxIterations, n, presolve, listener);
    }

    public LpSettings withPresolve(boolean on) {
        return new LpSettings(method, tolerance, timeLimit, maxIterations, threads, on, listener);
    }

    public LpSettings withListener(IterationListener l) {
        return new LpSettings(method, tolerance, timeLimit, maxIterations, threads, presolve, l);
    }
}
