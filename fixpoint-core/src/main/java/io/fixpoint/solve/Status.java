package io.fixpoint.solve;

/** How a solve ended. Only {@link #CONVERGED} means the optimality certificate met its tolerance. */
public enum Status {
    /** The optimality measure (gradient norm, residual, gap) met its tolerance, or a user-set step/value tolerance did. */
    CONVERGED,
    /** The iteration budget ran out. */
    MAX_ITERATIONS,
    /** The evaluation or time budget ran out. */
    BUDGET_EXHAUSTED,
    /** The iterates or values grew without bound. */
    DIVERGED,
    /** A value, gradient or iterate became NaN or infinite. */
    NON_FINITE,
    /** No progress: the solver cannot decrease further, or nothing improved for many iterations. */
    STALLED,
    /** The constraints admit no point. */
    INFEASIBLE,
    /**
     * The iterates came to rest at an infeasible stationary point of the constraint violation
     * v(x) = (g(x), max(h(x), 0)): a first-order stationary point of ½‖v‖² over the bounds (the message
     * gives the violation and the projected gradient): the constraints look infeasible from here, but
     * nonlinear constraints may still admit a point elsewhere, so this is not a proof.
     */
    LOCALLY_INFEASIBLE,
    /** The objective is unbounded below on the feasible set. */
    UNBOUNDED,
    /** The map has no fixed point; the displacement vector certifies it. */
    NO_FIXED_POINT,
    /** A listener or the caller asked the solve to stop. */
    CANCELLED;

    public boolean isSuccess() {
        return this == CONVERGED;
    }
}
