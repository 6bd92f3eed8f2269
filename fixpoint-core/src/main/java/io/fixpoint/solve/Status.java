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
    /**
     * The constraints admit no point: a Farkas ray of the dual (y with Aᵀy in the bounds' normal cones and
     * a positive dual objective along it) was checked in double precision; {@code details()} carries it.
     */
    PRIMAL_INFEASIBLE,
    /**
     * The dual admits no point: a primal ray d (A·d and d in the recession cones of the constraints and
     * bounds, cᵀd &lt; 0) was checked in double precision; if the primal is feasible its objective is
     * unbounded below. {@code details()} carries the ray.
     */
    DUAL_INFEASIBLE,
    /**
     * The iterates came to rest at an infeasible stationary point of the constraint violation
     * v(x) = (g(x), max(h(x), 0)): a first-order stationary point of ½‖v‖² over the bounds (the message
     * gives the violation and the projected gradient): the constraints look infeasible from here, but
     * nonlinear constraints may still admit a point elsewhere, so this is not a proof.
     */
    LOCALLY_INFEASIBLE,
    /** The map has no fixed point; the displacement vector certifies it. */
    NO_FIXED_POINT,
    /** A listener or the caller asked the solve to stop. */
    CANCELLED;

    public boolean isSuccess() {
        return this == CONVERGED;
    }
}
