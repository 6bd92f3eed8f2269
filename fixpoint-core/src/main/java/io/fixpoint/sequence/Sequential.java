package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;

/** The reference: one sweep h_t = f(h_{t−1}, u_t), t = 1..T, on one thread; depth T. */
public final class Sequential extends Sweep {

    public Sequential() {
        super(ParallelExecutor.sequential());
    }

    @Override
    public String name() {
        return "sequential";
    }

    /** Evaluates nothing: the start guess is ignored, and the residual is reported as the largest finite number until the sweep. */
    @Override
    public TrajectoryState init(Recurrence p, double[] x0) {
        TrajectoryState s = newState(p, x0);
        s.optimality = Double.MAX_VALUE;
        return s;
    }

    @Override
    public TrajectoryState step(Recurrence p, TrajectoryState s) {
        int d = s.d;
        double[] w = s.scratch[0];
        for (int t = 1; t <= s.length; t++) {
            p.step(t, s.x, s.x, (t - 1) * d, w);
        }
        p.countSteps(s.length);
        s.depth += s.length;
        s.work += s.length * p.cell().stepFlops();
        System.arraycopy(s.x, 0, s.fx, 0, s.x.length);
        measure(s, s.x, s.fx, 0);
        s.stepNorm = Double.NaN;
        return s;
    }
}
