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
}
