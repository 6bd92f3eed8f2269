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
        return KrasnoselskiiMann.start(map, x0, 1, detection);
    }

    @Override
    public FixedPointState step(FixedPointMap map, FixedPointState s) {
        return KrasnoselskiiMann.averagedStep(map, s, 1);
    }
}
