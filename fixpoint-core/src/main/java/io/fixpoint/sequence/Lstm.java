package io.fixpoint.sequence;

import io.fixpoint.problem.Cell;

/**
 * Long short-term memory with state s = (h, c), D = 2H:
 * i = σ(W_ii u + W_hi h + b_i), f = σ(…), g = tanh(…), o = σ(…), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
 * Gate weights are stacked in the order i, f, g, o: W_h is 4H×H, W_u is 4H×U.
 */
final class Lstm implements Cell {
    private final int hd;
    private final int m;
    private final double[] wh;
    private final double[] wu;
    private final double[] b;

    Lstm(int hidden, int m, double[] wh, double[] wu, double[] b) {
        this.hd = hidden;
        this.m = m;
        this.wh = wh;
        this.wu = wu;
        this.b = b;
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public int stateDimension() {
        return 2 * hd;
    }

    @Override
    public int inputDimension() {
        return m;
    }

    /** the four gates, tanh(c'), and the new state. */
    @Override
    public int workspaceSize() {
        return 7 * hd;
    }

    private void gates(double[] s, int so, double[] u, int uo, double[] work) {
        for (int k = 0; k < 4 * hd; k++) {
            double a = b[k];
            int row = k * hd;
            for (int c = 0; c < hd; c++) {
                a += wh[row + c] * s[so + c];
            }
            int urow = k * m;
            for (int c = 0; c < m; c++) {
                a += wu[urow + c] * u[uo + c];
            }
            work[k] = k >= 2 * hd && k < 3 * hd ? Math.tanh(a) : Activations.sigmoid(a);
        }
        for (int j = 0; j < hd; j++) {
            double c1 = work[hd + j] * s[so + hd + j] + work[j] * work[2 * hd + j];
            work[5 * hd + j] = c1;
            work[4 * hd + j] = Math.tanh(c1);
        }
    }

    @Override
    public void step(double[] s, int so, double[] u, int uo, double[] out, int oo, double[] work) {
        gates(s, so, u, uo, work);
        for (int j = 0; j < hd; j++) {
            work[6 * hd + j] = work[3 * hd + j] * work[4 * hd + j];
        }
        System.arraycopy(work, 6 * hd, out, oo, hd);
        System.arraycopy(work, 5 * hd, out, oo + hd, hd);
    }

    @Override
    public void jacobian(double[] s, int so, double[] u, int uo, double[] jac, int jo, double[] work) {
        gates(s, so, u, uo, work);
        int d = 2 * hd;
        for (int j = 0; j < hd; j++) {
            double i = work[j];
            double f = work[hd + j];
            double g = work[2 * hd + j];
            double o = work[3 * hd + j];
            double tc = work[4 * hd + j];
            double c = s[so + hd + j];
            // ∂c'_j/∂h = ci·W_hi + cf·W_hf + cg·W_hg (rows j of each gate block)
            double ci = g * i * (1 - i);
            double cf = c * f * (1 - f);
            double cg = i * (1 - g * g);
            double co = tc * o * (1 - o);
            double dh = o * (1 - tc * tc); // ∂h'_j/∂c'_j
            int hRow = jo + j * d;
            int cRow = jo + (hd + j) * d;
            for (int k = 0; k < hd; k++) {
                double dc = ci * wh[j * hd + k] + cf * wh[(hd + j) * hd + k] + cg * wh[(2 * hd + j) * hd + k];
                jac[cRow + k] = dc;
                jac[hRow + k] = co * wh[(3 * hd + j) * hd + k] + dh * dc;
                jac[cRow + hd + k] = 0;
                jac[hRow + hd + k] = 0;
            }
            jac[cRow + hd + j] = f;
            jac[hRow + hd + j] = dh * f;
        }
    }

    @Override
    public long stepFlops() {
        return 8L * hd * hd + 8L * hd * m + 40L * hd;
    }

    @Override
    public long jacobianFlops() {
        return stepFlops() + 14L * hd * hd + 20L * hd;
    }
}
