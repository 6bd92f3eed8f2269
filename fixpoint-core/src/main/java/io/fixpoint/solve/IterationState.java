package io.fixpoint.solve;

import java.util.List;
import java.util.Map;

/**
 * What a solver exposes to the driver after each step. Solvers keep their workspaces here and may
 * update the state in place; the driver copies what it keeps.
 */
public interface IterationState {

    /** The current iterate. */
    double[] x();

    /** The value the solver is driving down: f(x), ½‖r‖², or a residual norm. */
    double value();

    /** The optimality measure the solver certifies: gradient norm, fixed-point residual, KKT error. */
    double optimality();

    /** Norm of the last step taken (NaN before the first step). */
    default double stepNorm() {
        return Double.NaN;
    }

    /** A non-null verdict ends the solve with that status. */
    default Verdict verdict() {
        return null;
    }

    /** Solver-specific figures reported with the solution (displacement vector, depth, restarts...). */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** What the solution must say about how the solve started or ran, e.g. that the start point was projected. */
    default List<String> warnings() {
        return List.of();
    }
}
