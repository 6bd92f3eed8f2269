package io.fixpoint.bench.suite.mgh;

/**
 * MGH (34), linear function of rank 1 with zero columns and rows: r_1 = r_m = −1,
 * r_i = (i − 1) Σ_{j=2..n−1} j x_j − 1 for 2 ≤ i ≤ m − 1; m ≥ n; x0 = (1, …);
 * f* = (m² + 3m − 6)/(2(2m − 3)) on the hyperplane Σ_{j=2..n−1} j x_j = 3/(2m − 3).
 */
public final class LinearRank1Zero extends SumOfSquares {

    public LinearRank1Zero(int n, int m) {
        super("linear-rank-1-zero", n, m);
        if (n < 3) {
            throw new IllegalArgumentException("linear-rank-1-zero: n must be at least 3, got " + n);
        }
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 1);
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        double s = 0;
        for (int j = 1; j < n() - 1; j++) {
            s += (j + 1) * x[j];
        }
        r[0] = -1;
        for (int i = 1; i < m() - 1; i++) {
            r[i] = i * s - 1;
        }
        r[m() - 1] = -1;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 1; i < m() - 1; i++) {
            for (int j = 1; j < n - 1; j++) {
                jac[i * n + j] = (double) i * (j + 1);
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        // linear residuals
    }
}
