package io.fixpoint.solve;

import io.fixpoint.problem.Counts;

/** Called by the driver after the start and after every step. */
@FunctionalInterface
public interface IterationListener {
    void onIteration(int iteration, IterationState state, Counts counts);
}
