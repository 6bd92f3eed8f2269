package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;

/**
 * Halpern's anchored iteration x_{k+1} = β_k·x_a + (1 − β_k)·T(x_k) with the optimal β_k = 1/(k+2),
 * which gives ‖x_k − T(x_k)‖ ≤ 2‖x_0 − x*‖/(k+1) for any nonexpansive T. Without a fixed point,
 * 2(x_a − x_k)/k → v and the residual reaches v at the accelerated rate (Park and Ryu, 2023).
 *
 * <p>The restarted form moves the anchor to the current iterate whenever the residual has fallen to
 * {@code restartFactor} times its value at the last anchor, which recovers linear convergence on
 * contractions; {@code restartFactor = 0} never restarts.
 */
public record Halpern(double restartFactor, DetectionSettings detection) implements Solver<FixedPointMap, Halpern.State> {

    public Halpern {
        if (!(restartFactor >= 0 && restartFactor < 1)) {
            throw new IllegalArgumentException("restartFactor must lie in [0, 1), got " + restartFactor);
        }
    }

    /** The plain anchored iteration, never restarted. */
    public Halpern() {
        this(0, DetectionSettings.DEFAULT);
    }

    /** The restarted form, moving the anchor when the residual has fallen by {@code factor}. */
    public static Halpern restarted(double factor) {
        return new Halpern(factor, DetectionSettings.DEFAULT);
    }

    @Override
    public String name() {
        return restartFactor > 0 ? "halpern-restart" : "halpern";
    }

    /** The anchor and the count since it was set. */
    public static final class State extends FixedPointState {
        final double[] anchor;
        int sinceAnchor;
        double anchorResidual;
        int restarts;

        State(double[] x0, DisplacementMonitor monitor) {
            super(x0, monitor);
            this.anchor = x0.clone();
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("restarts", restarts);
        }
    }

    @Override
    public State init(FixedPointMap map, double[] x0) {
        State s = new State(x0, detection.anchoredMonitor(x0));
        s.evaluate(map);
        s.anchorResidual = s.residualNorm();
        return s;
    }

    @Override
    public State step(FixedPointMap map, State s) {
        double beta = 1.0 / (s.sinceAnchor + 2);
        double step = 0;
        for (int i = 0; i < s.x.length; i++) {
            double next = beta * s.anchor[i] + (1 - beta) * s.tx[i];
            double d = next - s.x[i];
            step += d * d;
            s.x[i] = next;
        }
        s.stepNorm = Math.sqrt(step);
        s.sinceAnchor++;
        s.evaluate(map);
        if (restartFactor > 0 && s.residualNorm() <= restartFactor * s.anchorResidual) {
            Vectors.copy(s.x, s.anchor);
            s.sinceAnchor = 0;
            s.anchorResidual = s.residualNorm();
            s.restarts++;
            if (s.monitor != null) {
                s.monitor.reset(s.x);
            }
            return s;
        }
        s.watch();
        return s;
    }
}
