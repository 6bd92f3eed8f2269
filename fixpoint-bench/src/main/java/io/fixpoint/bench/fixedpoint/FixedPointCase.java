package io.fixpoint.bench.fixedpoint;

import io.fixpoint.problem.FixedPointMap;

/**
 * A fixed-point map with a known answer: either its fixed point, or, for a map without one, its
 * infimal displacement vector v = lim x_k − T(x_k).
 *
 * @param name         lower-case hyphenated name
 * @param map          the map
 * @param start        the starting point
 * @param fixedPoint   the known fixed point, or null when unknown or absent
 * @param displacement the known v ≠ 0 of a map without a fixed point, or null
 * @param description  one line: what the map is
 */
public record FixedPointCase(String name, FixedPointMap map, double[] start, double[] fixedPoint, double[] displacement,
        String description) {

    public boolean hasFixedPoint() {
        return displacement == null;
    }
}
