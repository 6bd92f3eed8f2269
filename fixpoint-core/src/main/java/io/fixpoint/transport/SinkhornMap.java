package io.fixpoint.transport;

import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.TransportProblem;
import java.util.Arrays;

/**
 * Sinkhorn's iteration as a fixed-point map on the source potential f ∈ Rⁿ, so that the fixed-point
 * accelerators apply: g(f) fits the columns to f, and T(f) fits the rows to g(f) — two passes. The plan
 * of (f, g(f)) has exact columns and row sums a_i·exp((f_i − T(f)_i)/ε), so the residual f − T(f) gives the
 * marginal error for free. It remembers g of its last input, so the pair of an accepted iterate costs
 * nothing more.
 *
 * <p>{@link #of} gives the map of a problem for any fixed-point solver (its certificate is then ‖f − T(f)‖);
 * {@link #dual} turns a fixed point back into the problem's dual pair, for the plan and the cost.
 */
public final class SinkhornMap implements FixedPointMap {
    private final TransportProblem p;
    private final TransportState s;
    private final double[] y;
    private final double[] lastInput;
    private boolean evaluated;

    SinkhornMap(TransportProblem p, TransportState s) {
        this.p = p;
        this.s = s;
        this.y = new double[s.n + s.m];
        this.lastInput = new double[s.n];
    }

    /** The map of {@code p}: passes over the matrix are counted on the problem given (pass a counted view to count them). */
    public static SinkhornMap of(TransportProblem p) {
        return new SinkhornMap(p, new TransportState(p, new double[p.dimension()]));
    }

    /** The dual pair (f, g(f)) of the problem, from a source potential f (two passes unless f was the last input). */
    public double[] dual(double[] f) {
        double[] x = new double[s.n + s.m];
        pair(f, x, new double[s.n]);
        return x;
    }

    @Override
    public int dimension() {
        return s.n;
    }

    @Override
    public void apply(double[] f, double[] out) {
        int n = s.n;
        System.arraycopy(f, 0, y, 0, n);
        Arrays.fill(y, n, n + s.m, 0);
        p.logColumnSums(y, s.eps, s.colLog);
        for (int j = 0; j < s.m; j++) {
            y[n + j] = s.eps * (s.logB[j] - s.colLog[j]);
        }
        p.logRowSums(y, s.eps, s.rowLog);
        for (int i = 0; i < n; i++) {
            out[i] = f[i] + s.eps * (s.logA[i] - s.rowLog[i]);
        }
        System.arraycopy(f, 0, lastInput, 0, n);
        evaluated = true;
    }

    /** x ← (f, g(f)), from memory when f was the last input, else by one more evaluation (two passes). */
    void pair(double[] f, double[] x, double[] scratch) {
        if (!evaluated || !Arrays.equals(f, lastInput)) {
            apply(f, scratch);
        }
        System.arraycopy(f, 0, x, 0, s.n);
        System.arraycopy(y, s.n, x, s.n, s.m);
    }
}
