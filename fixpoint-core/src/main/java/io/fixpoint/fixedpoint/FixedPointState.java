package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state every fixed-point solver shares: the iterate x, its image T(x), the residual
 * r = x − T(x) and its norm (value and optimality both), and the watch for a missing fixed point.
 * Solvers keep their extra workspaces in subclasses.
 */
public class FixedPointState implements IterationState {
    final double[] x;
    final double[] tx;
    final double[] r;
    double residualNorm;
    double stepNorm = Double.NaN;
    Verdict verdict;
    final DisplacementMonitor monitor;

    FixedPointState(double[] x0, DisplacementMonitor monitor) {
        int n = x0.length;
        this.x = x0;
        this.tx = new double[n];
        this.r = new double[n];
        this.monitor = monitor;
    }

    /** tx ← T(x), r ← x − T(x). */
    final void evaluate(FixedPointMap map) {
        map.apply(x, tx);
        Vectors.subtract(x, tx, r);
        residualNorm = Vectors.norm(r);
    }

    /** Feeds the monitor; sets the NO_FIXED_POINT verdict when it fires. */
    final void watch() {
        if (monitor != null && Double.isFinite(residualNorm) && monitor.observe(x, r)) {
            verdict = new Verdict(Status.NO_FIXED_POINT, monitor.describe());
        }
    }

    @Override
    public double[] x() {
        return x;
    }

    /** The residual ‖x − T(x)‖. */
    @Override
    public double value() {
        return residualNorm;
    }

    /** The residual ‖x − T(x)‖, Euclidean. */
    @Override
    public double optimality() {
        return residualNorm;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    /** The residual vector x − T(x). */
    public double[] residual() {
        return r;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("residual", residualNorm);
        if (verdict != null && verdict.status() == Status.NO_FIXED_POINT) {
            m.putAll(monitor.details());
        }
        return m;
    }
}
