package io.fixpoint.solve;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a solve is run with: tolerances and budgets. Every solver's descriptor carries its defaults
 * ({@link SolverSpec#defaults()}); the command line and the bench override some of them
 * ({@link #override}); {@link #driver} turns the result into the {@link Driver} — the one place
 * options become a driver.
 *
 * @param tolerances      when the optimality measure counts as small enough
 * @param maxIterations   iteration budget
 * @param timeLimit       wall-time budget, or null for none
 * @param stallIterations iterations without progress before STALLED (Integer.MAX_VALUE turns the rule off)
 * @param recordTrace     whether the per-iteration trace is kept
 */
public record Settings(Tolerances tolerances, int maxIterations, Duration timeLimit, int stallIterations, boolean recordTrace) {

    /** The driver's own defaults. */
    public static final Settings DEFAULT = new Settings(Tolerances.DEFAULT, 10_000, null, 200, true);

    public Settings {
        if (tolerances == null) {
            throw new IllegalArgumentException("tolerances must be given");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be ≥ 0, got " + maxIterations);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        if (stallIterations <= 0) {
            throw new IllegalArgumentException("stallIterations must be > 0, got " + stallIterations);
        }
    }

    /** Settings that stop at {@code absolute} on the optimality measure, with the other defaults. */
    public static Settings tolerance(double absolute) {
        return DEFAULT.withTolerances(Tolerances.of(absolute));
    }

    public Settings withTolerances(Tolerances t) {
        return new Settings(t, maxIterations, timeLimit, stallIterations, recordTrace);
    }

    public Settings withMaxIterations(int n) {
        return new Settings(tolerances, n, timeLimit, stallIterations, recordTrace);
    }

    public Settings withTimeLimit(Duration d) {
        return new Settings(tolerances, maxIterations, d, stallIterations, recordTrace);
    }

    public Settings withStallIterations(int n) {
        return new Settings(tolerances, maxIterations, timeLimit, n, recordTrace);
    }

    public Settings withoutStallRule() {
        return withStallIterations(Integer.MAX_VALUE);
    }

    public Settings withTrace(boolean on) {
        return new Settings(tolerances, maxIterations, timeLimit, stallIterations, on);
    }

    /**
     * These settings with the options a user gave; a null option keeps its default. An absolute
     * tolerance given without a relative one replaces the relative test (it is what the user asked for).
     */
    public Settings override(Double absolute, Double relative, Integer iterations, Duration limit) {
        Tolerances t = tolerances;
        if (absolute != null) {
            t = t.withAbsolute(absolute).withRelative(relative != null ? relative : 0);
        } else if (relative != null) {
            t = t.withRelative(relative);
        }
        return new Settings(t, iterations != null ? iterations : maxIterations, limit != null ? limit : timeLimit, stallIterations,
                recordTrace);
    }

    /** The driver these settings describe, with {@code listeners} notified after every step. */
    public Driver driver(List<IterationListener> listeners, BooleanSupplier cancelled) {
        Driver.Builder b = Driver.builder().tolerances(tolerances).maxIterations(maxIterations).timeLimit(timeLimit)
                .stallIterations(stallIterations).recordTrace(recordTrace).cancelWhen(cancelled);
        listeners.forEach(b::listener);
        return b.build();
    }

    public Driver driver(IterationListener... listeners) {
        return driver(List.of(listeners), () -> false);
    }
}
