package io.fixpoint.bench.suite.mgh;

/**
 * MGH (31): r_i = x_i(2 + 5x_i²) + 1 − Σ_{j ∈ J_i} x_j(1 + x_j), J_i = {j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1)};
 * m = n; x0 = (−1, …); f* = 0.
 */
public final class BroydenBanded extends SumOfSquares {
    private static final int LOWER = 5;
    private static final int UPPER = 1;

    public BroydenBanded(int n) {
        super("broyden-banded", n, n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, -1);
        return x;
    }

    private int first(int i) {
        return Math.max(0, i - LOWER);
    }

    private int last(int i) {
        return Math.min(n() - 1, i + UPPER);
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < n(); i++) {
            double sum = 0;
            for (int j = first(i); j <= last(i); j++) {
                if (j != i) {
                    sum += x[j] * (1 + x[j]);
                }
            }
            r[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - sum;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i++) {
            for (int j = first(i); j <= last(i); j++) {
                jac[i * n + j] = j == i ? 2 + 15 * x[i] * x[i] : -(1 + 2 * x[j]);
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < n(); i++) {
            for (int j = first(i); j <= last(i); j++) {
                addSymmetric(s, j, j, j == i ? 30 * x[i] * w[i] : -2 * w[i]);
            }
        }
    }
}
