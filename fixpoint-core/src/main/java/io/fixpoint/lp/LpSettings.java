package io.fixpoint.lp;

import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Settings;

/**
 * How a linear program is solved, beyond the method: the driver's settings (ε on the relative KKT
 * error and the budgets: the method's catalogue defaults, merged with what the caller asked for),
 * the threads of the sparse products, whether to presolve, and who hears every iteration.
 *
 * @param driver   tolerances and budgets of the {@link io.fixpoint.solve.Driver}
 * @param threads  threads for the sparse products
 * @param presolve whether to run {@link Presolve} first
 * @param listener hears every iteration (progress lines), or null
 */
public record LpSettings(Settings driver, int threads, boolean presolve, IterationListener listener) {

    public LpSettings {
        if (driver == null) {
            throw new IllegalArgumentException("the driver's settings must be given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    /** {@code driver}, one thread, presolve on, no listener. */
    public static LpSettings of(Settings driver) {
        return new LpSettings(driver, 1, true, null);
    }

    public LpSettings withDriver(Settings d) {
        return new LpSettings(d, threads, presolve, listener);
    }

    public LpSettings withThreads(int n) {
        return new LpSettings(driver, n, presolve, listener);
    }

    public LpSettings withPresolve(boolean on) {
        return new LpSettings(driver, threads, on, listener);
    }

    public LpSettings withListener(IterationListener l) {
        return new LpSettings(driver, threads, presolve, l);
    }
}
