package io.fixpoint.bench.suite;

import java.util.function.IntFunction;

/**
 * A test problem with a dimension parameter, for the large-scale suite: built at any n that is a
 * multiple of {@code step} and at least {@code smallest}, with value, gradient and Hessian-vector
 * products in O(n) time and memory.
 *
 * @param name     lower-case hyphenated name, the same as the fixed-size problem of that name where there is one
 * @param smallest the least dimension
 * @param step     n must be a multiple of it
 * @param build    the problem at dimension n
 */
public record ScalableProblem(String name, int smallest, int step, IntFunction<TestProblem> build) {

    /** The problem at dimension {@code n}; an {@link IllegalArgumentException} saying which n are allowed otherwise. */
    public TestProblem at(int n) {
        if (n < smallest || n % step != 0) {
            throw new IllegalArgumentException("problem '" + name + "' needs n ≥ " + smallest + (step > 1 ? " and a multiple of " + step : "")
                    + ", got n = " + n);
        }
        return build.apply(n);
    }
}
