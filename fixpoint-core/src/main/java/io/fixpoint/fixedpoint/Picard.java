package io.fixpoint.fixedpoint;

import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;

/**
 * The plain iteration x ← T(x): Krasnosel'skii–Mann with α = 1. Linear for a contraction; for a map
 * without a fixed point (x_0 − x_k)/k → v at O(1/k).
 */
public record Picard(DetectionSettings detection) implements Solver<FixedPointMap, FixedPointState> {

    public Picard() {
        this(DetectionSettings.DEFAULT);
    }

    @Override
    public String name() {
        return "picard";
    }

    @Override
    public FixedPointState init(FixedPointMap map, double[] x0) {
        return new KrasnoselskiiMann(1, detection).init(map, x0);
    }

    @Override
    public FixedPointState step(FixedPointMap map, FixedPointState s) {
        return new KrasnoselskiiMann(1, detection).step(map, s);
    }
}
