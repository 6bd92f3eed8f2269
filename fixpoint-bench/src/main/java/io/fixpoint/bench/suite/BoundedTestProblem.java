package io.fixpoint.bench.suite;

import io.fixpoint.problem.BoundedObjective;

/**
 * A bound-constrained minimisation problem with a published or a computed and frozen minimum.
 *
 * @param name         lower-case hyphenated name, e.g. {@code hs38} or {@code wood-box}
 * @param function     the MGH function it bounds (the name the peers define it by)
 * @param residuals    m, its number of residuals
 * @param problem      the function with its bounds
 * @param start        the start point (inside the box, or said to lie outside it)
 * @param knownMinimum f* on the box
 * @param reference    where f* comes from
 */
public record BoundedTestProblem(String name, String function, int residuals, BoundedObjective problem, double[] start, double knownMinimum,
        String reference) {

    public int dimension() {
        return problem.dimension();
    }

    /** Whether {@code value} reaches f* to {@code rtol} relative (absolute when |f*| ≤ 1). */
    public boolean reached(double value, double rtol) {
        return value - knownMinimum <= rtol * Math.max(1, Math.abs(knownMinimum));
    }
}
