package io.fixpoint.bench.suite.mgh;

/**
 * MGH (25): r_i = x_i − 1, i = 1..n, r_{n+1} = Σ j(x_j − 1), r_{n+2} = (Σ j(x_j − 1))²; m = n + 2;
 * x0_j = 1 − j/n; f* = 0 at (1, …, 1).
 */
public final class VariablyDimensioned extends SumOfSquares {

    public VariablyDimensioned(int n) {
        super("variably-dimensioned", n, n + 2);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int j = 0; j < n(); j++) {
            x[j] = 1 - (j + 1.0) / n();
        }
        return x;
    }

    private static double weightedSum(double[] x, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += (j + 1) * (x[j] - 1);
        }
        return s;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        for (int j = 0; j < n; j++) {
            r[j] = x[j] - 1;
        }
        double s = weightedSum(x, n);
        r[n] = s;
        r[n + 1] = s * s;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        double s = weightedSum(x, n);
        for (int j = 0; j < n; j++) {
            jac[j * n + j] = 1;
            jac[n * n + j] = j + 1;
            jac[(n + 1) * n + j] = 2 * s * (j + 1);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        double c = 2 * w[n + 1];
        for (int j = 0; j < n; j++) {
            for (int k = j; k < n; k++) {
                addSymmetric(s, j, k, c * (j + 1) * (k + 1));
            }
        }
    }
}
