package io.fixpoint.bench.suite.mgh;

/** MGH (30): r_i = (3 − 2x_i)x_i − x_{i−1} − 2x_{i+1} + 1, x_0 = x_{n+1} = 0; m = n; x0 = (−1, …); f* = 0. */
public final class BroydenTridiagonal extends StructuredSumOfSquares {

    public BroydenTridiagonal(int n) {
        super("broyden-tridiagonal", n, n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, -1);
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? x[i - 1] : 0;
            double right = i < n - 1 ? x[i + 1] : 0;
            r[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i++) {
            jac[i * n + i] = 3 - 4 * x[i];
            if (i > 0) {
                jac[i * n + i - 1] = -1;
            }
            if (i < n - 1) {
                jac[i * n + i + 1] = -2;
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < n(); i++) {
            addSymmetric(s, i, i, -4 * w[i]);
        }
    }

    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        int n = n();
        for (int j = 0; j < n; j++) {
            double below = j < n - 1 ? u[j + 1] : 0;
            double above = j > 0 ? u[j - 1] : 0;
            out[j] = (3 - 4 * x[j]) * u[j] - below - 2 * above;
        }
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        int n = n();
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? v[i - 1] : 0;
            double right = i < n - 1 ? v[i + 1] : 0;
            out[i] = (3 - 4 * x[i]) * v[i] - left - 2 * right;
        }
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        for (int i = 0; i < n(); i++) {
            out[i] += -4 * w[i] * v[i];
        }
    }
}
