package io.fixpoint.bench.suite.mgh;

/**
 * MGH (23), penalty function I: r_i = √a (x_i − 1), i = 1..n, r_{n+1} = Σ x_j² − 1/4, a = 10⁻⁵; m = n + 1;
 * x0 = (1, 2, …, n); f* = 2.24997…e−5 (n = 4), 7.08765…e−5 (n = 10).
 */
public final class Penalty1 extends SumOfSquares {
    private static final double SQRT_A = Math.sqrt(1e-5);

    public Penalty1(int n) {
        super("penalty-1", n, n + 1);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int j = 0; j < n(); j++) {
            x[j] = j + 1;
        }
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        double ss = 0;
        for (int j = 0; j < n; j++) {
            r[j] = SQRT_A * (x[j] - 1);
            ss += x[j] * x[j];
        }
        r[n] = ss - 0.25;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int j = 0; j < n; j++) {
            jac[j * n + j] = SQRT_A;
            jac[n * n + j] = 2 * x[j];
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int j = 0; j < n(); j++) {
            addSymmetric(s, j, j, 2 * w[n()]);
        }
    }
}
