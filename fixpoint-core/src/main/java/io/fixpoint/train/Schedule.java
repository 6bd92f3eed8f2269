package io.fixpoint.train;

/**
 * A hyperparameter as a function of the update count (0 for the first update), as Optax's schedules.
 * Learning rates, weight decay and clipping thresholds take a schedule; {@link Schedules} makes the
 * usual ones and {@link InjectedHyperparameter} one that a caller sets between steps.
 */
@FunctionalInterface
public interface Schedule {

    /** The value for update number {@code count} (0-based). */
    double at(long count);
}
