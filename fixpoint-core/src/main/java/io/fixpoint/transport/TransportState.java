package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every transport solver keeps: the dual pair x = (f, g), the logarithms of the plan's row and column
 * sums, and the certificate — the relative marginal error (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁)/Σa of the plan of x at the
 * problem's ε, which is both value and optimality. Also the log-domain half-steps the Sinkhorn family shares.
 */
public class TransportState implements IterationState {
    final int n;
    final int m;
    final double eps;
    final double mass;
    final double[] x;
    final double[] a;
    final double[] logA;
    final double[] logB;
    final double[] rowLog;
    final double[] colLog;
    double error = Double.NaN;
    double stepNorm = Double.NaN;
    Verdict verdict;

    TransportState(TransportProblem p, double[] x0) {
        this.n = p.sources();
        this.m = p.targets();
        this.eps = p.regularization();
        this.mass = p.mass();
        this.x = x0;
        this.a = p.sourceWeights();
        this.logA = logs(a);
        this.logB = logs(p.targetWeights());
        this.rowLog = new double[n];
        this.colLog = new double[m];
    }

    private static double[] logs(double[] w) {
        double[] l = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            l[i] = Math.log(w[i]);
        }
        return l;
    }

    /** f ← f + e·(log a − rowLog): the rows of the plan at regularisation e now sum to a. Returns ‖Δf‖². */
    final double fitRows(double e) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = e * (logA[i] - rowLog[i]);
            x[i] += d;
            s += d * d;
        }
        return s;
    }

    /** g ← g + e·(log b − colLog): the columns now sum to b. Returns ‖Δg‖². */
    final double fitColumns(double e) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            double d = e * (logB[j] - colLog[j]);
            x[n + j] += d;
            s += d * d;
        }
        return s;
    }

    /**
     * The second half of a log-domain Sinkhorn iteration at regularisation e (Peyré and Cuturi, Computational
     * Optimal Transport, §4.4): fit the columns, then take the row sums of the new pair, from which the next
     * row fit and the row error follow. Two passes; returns ‖Δg‖².
     */
    final double fitColumnsThenMeasureRows(TransportProblem p, double e) {
        p.logColumnSums(x, e, colLog);
        double s = fitColumns(e);
        p.logRowSums(x, e, rowLog);
        return s;
    }

    /** The relative marginal error when the columns are exact and {@code rowLog} holds the row sums: Σ|r_i − a_i| / Σa. */
    final double rowError() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(Math.exp(rowLog[i]) - a[i]);
        }
        return s / mass;
    }

    @Override
    public double[] x() {
        return x;
    }

    /** The relative marginal error. */
    @Override
    public double value() {
        return error;
    }

    /** The relative marginal error (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁)/Σa of the plan of x. */
    @Override
    public double optimality() {
        return error;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("marginalError", error);
        return d;
    }
}
