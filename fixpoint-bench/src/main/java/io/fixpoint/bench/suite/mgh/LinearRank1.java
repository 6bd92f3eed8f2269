package io.fixpoint.bench.suite.mgh;

/**
 * MGH (33): r_i = i Σ_j j x_j − 1, i = 1..m; m ≥ n; x0 = (1, …); f* = m(m − 1)/(2(2m + 1)) on the
 * hyperplane Σ j x_j = 3/(2m + 1).
 */
public final class LinearRank1 extends SumOfSquares {

    public LinearRank1(int n, int m) {
        super("linear-rank-1", n, m);
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
        for (int j = 0; j < n(); j++) {
            s += (j + 1) * x[j];
        }
        for (int i = 0; i < m(); i++) {
            r[i] = (i + 1) * s - 1;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < m(); i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = (i + 1.0) * (j + 1);
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        // linear residuals
    }
}
