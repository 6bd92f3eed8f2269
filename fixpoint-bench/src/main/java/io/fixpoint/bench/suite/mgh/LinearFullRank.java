package io.fixpoint.bench.suite.mgh;

/**
 * MGH (32): r_i = x_i − (2/m) Σ_j x_j − 1 for i ≤ n, r_i = −(2/m) Σ_j x_j − 1 for i > n; m ≥ n;
 * x0 = (1, …); f* = m − n at (−1, …, −1).
 */
public final class LinearFullRank extends SumOfSquares {

    public LinearFullRank(int n, int m) {
        super("linear-full-rank", n, m);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 1);
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double c = 2 * sum / m() + 1;
        for (int i = 0; i < m(); i++) {
            r[i] = (i < n() ? x[i] : 0) - c;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        java.util.Arrays.fill(jac, 0, m() * n, -2.0 / m());
        for (int i = 0; i < n; i++) {
            jac[i * n + i] += 1;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        // linear residuals
    }
}
