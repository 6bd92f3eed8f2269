package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;

/**
 * The sweeps (sequential, Jacobi, Gauss–Seidel): they evaluate f only and keep nothing beyond the
 * trajectory, its f-values and the residual statistics of {@link TrajectoryState}.
 */
abstract class Sweep extends TrajectorySolver<TrajectoryState> {

    Sweep(ParallelExecutor executor) {
        super(executor);
    }

    @Override
    final TrajectoryState newState(Recurrence p, double[] x0) {
        return new TrajectoryState(p, x0, executor.threads(), 0);
    }
}
