package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.SolverState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * The state every fixed-point solver shares: the iterate x, its image T(x), the residual
 * r = x − T(x) and its norm ‖x − T(x)‖ (value and optimality both), and the watch for a missing
 * fixed point. Solvers keep their extra workspaces in subclasses.
 */
public class FixedPointState extends SolverState {
    final double[] tx;
    final double[] r;
    final DisplacementMonitor monitor;

    FixedPointState(double[] x0, DisplacementMonitor monitor) {
        super(x0);
        int n = x0.length;
        this.tx = new double[n];
        this.r = new double[n];
        this.monitor = monitor;
    }

    /** tx ← T(x), r ← x − T(x). */
    final void evaluate(FixedPointMap map) {
        map.apply(x, tx);
        Vectors.subtract(x, tx, r);
        residualNorm(Vectors.norm(r));
    }

    /** ‖x − T(x)‖, Euclidean. */
    final double residualNorm() {
        return optimality;
    }

    /** Records ‖x − T(x)‖ as both the value and the optimality. */
    final void residualNorm(double norm) {
        value = norm;
        optimality = norm;
    }

    /** Feeds the monitor; sets the NO_FIXED_POINT verdict when it fires. */
    final void watch() {
        if (monitor != null && Double.isFinite(optimality) && monitor.observe(x, r)) {
            verdict = new Verdict(Status.NO_FIXED_POINT, monitor.message());
        }
    }

    /** The residual vector x − T(x). */
    public double[] residual() {
        return r;
    }

    @Override
    protected void describe(Details details) {
        details.put("residual", optimality);
        if (verdict != null && verdict.status() == Status.NO_FIXED_POINT) {
            monitor.describe(details);
        }
    }
}
