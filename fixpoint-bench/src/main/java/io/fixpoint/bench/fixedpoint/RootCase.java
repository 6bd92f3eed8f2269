package io.fixpoint.bench.fixedpoint;

import io.fixpoint.problem.RootProblem;

/**
 * A square system of equations from a standard start.
 *
 * @param name    lower-case hyphenated name (the peer script knows the same names)
 * @param problem F with its analytic Jacobian
 * @param start   the standard starting point
 */
public record RootCase(String name, RootProblem problem, double[] start) {

    public int dimension() {
        return problem.dimension();
    }
}
