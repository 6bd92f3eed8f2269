package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;

/**
 * Nonlinear Jacobi over time (Song et al., "Accelerating Feedforward Computation via Parallel
 * Nonlinear Equation Solving", 2021): every state takes the f-value of its predecessor from the
 * previous sweep, h_t ← f(h_{t−1}, u_t), all t at once. Each sweep makes at least one more state
 * exact, and converged leading states are not evaluated again.
 */
public final class Jacobi extends Sweep {

    public Jacobi(ParallelExecutor executor) {
        super(executor);
    }

    @Override
    public String name() {
        return "jacobi";
    }

    @Override
    public TrajectoryState step(Recurrence p, TrajectoryState s) {
        int k = s.exact;
        int d = s.d;
        s.stepNorm = s.optimality;
        // the new trajectory is the old f-values; the old trajectory's array receives the new f-values
        double[] t = s.x;
        s.x = s.fx;
        s.fx = t;
        System.arraycopy(s.x, k * d, s.fx, k * d, d); // the prefix before k agrees already
        evaluate(p, s, s.x, s.fx, null, k + 1, s.length);
        measure(s, s.x, s.fx, k);
        return s;
    }
}
