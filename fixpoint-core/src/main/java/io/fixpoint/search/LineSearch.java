package io.fixpoint.search;

import io.fixpoint.problem.Objective;

/**
 * Chooses a step length along a descent direction. A line search is an object a solver is given,
 * not code inside the solver, so any minimiser can be run with any search.
 */
public interface LineSearch {

    /**
     * Searches along {@code d} from {@code x}, where f(x) = {@code f0} and ∇f(x) = {@code g0}.
     * On return {@code xNew} holds the accepted point and {@code gNew} its gradient (when the result
     * is a success; otherwise the best point found, or {@code x} itself).
     *
     * @param initialStep the first trial step length (1 for Newton and quasi-Newton directions)
     */
    LineSearchResult search(Objective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
            double[] xNew, double[] gNew);
}
