package io.fixpoint.sequence;

import io.fixpoint.problem.Cell;

/**
 * Gated recurrent unit (the PyTorch convention):
 * r = σ(W_ir u + W_hr h + b_r), z = σ(W_iz u + W_hz h + b_z), n = tanh(W_in u + b_in + r ⊙ (W_hn h + b_hn)),
 * h' = (1 − z) ⊙ n + z ⊙ h. Recurrent weights are D×D, input weights D×U, all row-major.
 */
final class Gru implements Cell {
    private final int d;
    private final int m;
    private final double[] whr;
    private final double[] whz;
    private final double[] whn;
    private final double[] wir;
    private final double[] wiz;
    private final double[] win;
    private final double[] br;
    private final double[] bz;
    private final double[] bin;
    private final double[] bhn;

    Gru(int d, int m, double[][] w) {
        this.d = d;
        this.m = m;
        whr = w[0];
        whz = w[1];
        whn = w[2];
        wir = w[3];
        wiz = w[4];
        win = w[5];
        br = w[6];
        bz = w[7];
        bin = w[8];
        bhn = w[9];
    }

    @Override
    public String name() {
        return "gru";
    }

    @Override
    public int stateDimension() {
        return d;
    }

    @Override
    public int inputDimension() {
        return m;
    }

    /** r, z, n, g = W_hn h + b_hn, h' — five vectors. */
    @Override
    public int workspaceSize() {
        return 5 * d;
    }

    private void gates(double[] h, int ho, double[] u, int uo, double[] work) {
        for (int i = 0; i < d; i++) {
            double sr = br[i];
            double sz = bz[i];
            double sn = bin[i];
            double g = bhn[i];
            int row = i * d;
            for (int c = 0; c < d; c++) {
                double hc = h[ho + c];
                sr += whr[row + c] * hc;
                sz += whz[row + c] * hc;
                g += whn[row + c] * hc;
            }
            int irow = i * m;
            for (int c = 0; c < m; c++) {
                double uc = u[uo + c];
                sr += wir[irow + c] * uc;
                sz += wiz[irow + c] * uc;
                sn += win[irow + c] * uc;
            }
            double r = Activations.sigmoid(sr);
            work[i] = r;
            work[d + i] = Activations.sigmoid(sz);
            work[2 * d + i] = Math.tanh(sn + r * g);
            work[3 * d + i] = g;
        }
    }

    @Override
    public void step(double[] h, int ho, double[] u, int uo, double[] out, int oo, double[] work) {
        gates(h, ho, u, uo, work);
        int o = 4 * d;
        for (int i = 0; i < d; i++) {
            double z = work[d + i];
            work[o + i] = (1 - z) * work[2 * d + i] + z * h[ho + i];
        }
        System.arraycopy(work, o, out, oo, d);
    }

    @Override
    public void jacobian(double[] h, int ho, double[] u, int uo, double[] jac, int jo, double[] work) {
        gates(h, ho, u, uo, work);
        for (int i = 0; i < d; i++) {
            double r = work[i];
            double z = work[d + i];
            double n = work[2 * d + i];
            double g = work[3 * d + i];
            double dn = (1 - z) * (1 - n * n); // ∂h'_i/∂(pre-activation of n_i)
            double cn = dn * r;
            double cr = dn * g * r * (1 - r);
            double cz = (h[ho + i] - n) * z * (1 - z);
            int row = i * d;
            for (int c = 0; c < d; c++) {
                jac[jo + row + c] = cn * whn[row + c] + cr * whr[row + c] + cz * whz[row + c];
            }
            jac[jo + row + i] += z;
        }
    }

    @Override
    public long stepFlops() {
        return 6L * d * d + 6L * d * m + 20L * d;
    }

    @Override
    public long jacobianFlops() {
        return 6L * d * d + 6L * d * m + 30L * d + 5L * d * d;
    }
}
