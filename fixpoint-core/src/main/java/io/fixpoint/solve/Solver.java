package io.fixpoint.solve;

import io.fixpoint.problem.Problem;

/**
 * How to solve: an immutable configuration with an initial state and a step. A solver never owns
 * the loop; {@link Driver} does, so every solver behaves the same at the edges.
 *
 * @param <P> the problem kind
 * @param <S> the solver's state
 */
public interface Solver<P extends Problem<P>, S extends IterationState> {

    /** The lower-case, hyphenated name used on the command line and in reports. */
    String name();

    S init(P problem, double[] x0);

    S step(P problem, S state);

    /**
     * Called by the driver when the optimality test holds at {@code state}, before it reports
     * CONVERGED. A solver that can check more than its optimality measure at the point — the
     * second-order condition where it has the Hessian, the Newton step of a root — returns the verdict
     * to end with instead (the reason the point is not what the test suggests), or null to confirm.
     * It may evaluate the problem (counted) and record what it found in the state's details. By
     * default the optimality test stands.
     */
    default Verdict confirm(P problem, S state) {
        return null;
    }
}
