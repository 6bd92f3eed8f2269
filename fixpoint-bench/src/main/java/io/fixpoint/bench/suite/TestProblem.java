package io.fixpoint.bench.suite;

import io.fixpoint.problem.Objective;

/**
 * A minimisation problem with a published answer.
 *
 * @param name         lower-case hyphenated name, e.g. {@code rosenbrock}
 * @param suite        the collection it comes from, e.g. {@code mgh}
 * @param objective    the function with analytic derivatives
 * @param start        the standard starting point
 * @param knownMinimum the published minimum value f*
 * @param reference    where f* comes from
 */
public record TestProblem(String name, String suite, Objective objective, double[] start, double knownMinimum, String reference) {

    public int dimension() {
        return objective.dimension();
    }

    /** Whether {@code value} reaches f* to {@code rtol} relative (absolute when f* = 0). */
    public boolean reached(double value, double rtol) {
        return value - knownMinimum <= rtol * Math.max(1, Math.abs(knownMinimum));
    }
}
