package io.fixpoint.fixedpoint;

import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;

/**
 * Krasnosel'skii–Mann averaging x ← (1 − α)x + α·T(x). For a nonexpansive T with a fixed point the
 * residual falls as O(1/√k); without one, x − T(x) → v and (x_0 − x_k)/(αk) → v, which the solver
 * watches for (see {@link DetectionSettings}).
 *
 * @param alpha     averaging weight in (0, 1]; 1 is the plain (Picard) iteration
 * @param detection when to declare NO_FIXED_POINT
 */
public record KrasnoselskiiMann(double alpha, DetectionSettings detection) implements Solver<FixedPointMap, FixedPointState> {

    public KrasnoselskiiMann {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("averaging weight alpha must lie in (0, 1], got " + alpha);
        }
    }

    public KrasnoselskiiMann(double alpha) {
        this(alpha, DetectionSettings.DEFAULT);
    }

    /** α = ½. */
    public KrasnoselskiiMann() {
        this(0.5);
    }

    @Override
    public String name() {
        return "km";
    }

    @Override
    public FixedPointState init(FixedPointMap map, double[] x0) {
        return start(map, x0, alpha, detection);
    }

    @Override
    public FixedPointState step(FixedPointMap map, FixedPointState s) {
        return averagedStep(map, s, alpha);
    }

    static FixedPointState start(FixedPointMap map, double[] x0, double alpha, DetectionSettings detection) {
        FixedPointState s = new FixedPointState(x0, detection.monitor(x0, 1 / alpha));
        s.evaluate(map);
        return s;
    }

    /** x ← x − α(x − T(x)), then T at the new point; shared with {@link Picard}. */
    static FixedPointState averagedStep(FixedPointMap map, FixedPointState s, double alpha) {
        for (int i = 0; i < s.x.length; i++) {
            s.x[i] -= alpha * s.r[i];
        }
        s.stepNorm = alpha * s.residualNorm();
        s.evaluate(map);
        s.watch();
        return s;
    }
}
