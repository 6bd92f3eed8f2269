package io.fixpoint.bench.suite.mgh;

/**
 * MGH (28): r_i = 2x_i − x_{i−1} − x_{i+1} + h²(x_i + t_i + 1)³/2, h = 1/(n + 1), t_i = ih, x_0 = x_{n+1} = 0;
 * m = n; x0_j = t_j(t_j − 1); f* = 0.
 */
public final class DiscreteBoundaryValue extends StructuredSumOfSquares {

    public DiscreteBoundaryValue(int n) {
        super("discrete-boundary-value", n, n);
    }

    private double h() {
        return 1.0 / (n() + 1);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int j = 0; j < n(); j++) {
            double t = (j + 1) * h();
            x[j] = t * (t - 1);
        }
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        double h = h();
        for (int i = 0; i < n; i++) {
            double u = x[i] + (i + 1) * h + 1;
            double left = i > 0 ? x[i - 1] : 0;
            double right = i < n - 1 ? x[i + 1] : 0;
            r[i] = 2 * x[i] - left - right + h * h * u * u * u / 2;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        double h = h();
        for (int i = 0; i < n; i++) {
            double u = x[i] + (i + 1) * h + 1;
            jac[i * n + i] = 2 + 1.5 * h * h * u * u;
            if (i > 0) {
                jac[i * n + i - 1] = -1;
            }
            if (i < n - 1) {
                jac[i * n + i + 1] = -1;
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        double h = h();
        for (int i = 0; i < n(); i++) {
            double u = x[i] + (i + 1) * h + 1;
            addSymmetric(s, i, i, 3 * h * h * u * w[i]);
        }
    }

    /** J is symmetric tridiagonal: 2 + 1.5h²uᵢ² on the diagonal, −1 beside it. */
    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        jacobianProduct(x, u, out);
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        int n = n();
        double h = h();
        for (int i = 0; i < n; i++) {
            double u = x[i] + (i + 1) * h + 1;
            double left = i > 0 ? v[i - 1] : 0;
            double right = i < n - 1 ? v[i + 1] : 0;
            out[i] = (2 + 1.5 * h * h * u * u) * v[i] - left - right;
        }
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        double h = h();
        for (int i = 0; i < n(); i++) {
            double u = x[i] + (i + 1) * h + 1;
            out[i] += 3 * h * h * u * w[i] * v[i];
        }
    }
}
