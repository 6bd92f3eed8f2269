package io.fixpoint.sequence;

import io.fixpoint.problem.Cell;

/** h' = tanh(W h + V u + b); ∂h'/∂h = diag(1 − h'²) W. */
final class TanhRnn implements Cell {
    private final int d;
    private final int m;
    private final double[] w;
    private final double[] v;
    private final double[] b;

    TanhRnn(int d, int m, double[] w, double[] v, double[] b) {
        this.d = d;
        this.m = m;
        this.w = w;
        this.v = v;
        this.b = b;
    }

    @Override
    public String name() {
        return "tanh-rnn";
    }

    @Override
    public int stateDimension() {
        return d;
    }

    @Override
    public int inputDimension() {
        return m;
    }

    @Override
    public int workspaceSize() {
        return d;
    }

    @Override
    public void step(double[] h, int ho, double[] u, int uo, double[] out, int oo, double[] work) {
        for (int r = 0; r < d; r++) {
            double s = b[r];
            for (int c = 0; c < d; c++) {
                s += w[r * d + c] * h[ho + c];
            }
            for (int c = 0; c < m; c++) {
                s += v[r * m + c] * u[uo + c];
            }
            work[r] = Math.tanh(s);
        }
        System.arraycopy(work, 0, out, oo, d); // out may alias h
    }

    @Override
    public void jacobian(double[] h, int ho, double[] u, int uo, double[] jac, int jo, double[] work) {
        step(h, ho, u, uo, work, 0, work);
        for (int r = 0; r < d; r++) {
            double g = 1 - work[r] * work[r];
            for (int c = 0; c < d; c++) {
                jac[jo + r * d + c] = g * w[r * d + c];
            }
        }
    }

    @Override
    public long stepFlops() {
        return 2L * d * d + 2L * d * m + 2L * d;
    }

    @Override
    public long jacobianFlops() {
        return stepFlops() + 2L * d + (long) d * d;
    }
}
