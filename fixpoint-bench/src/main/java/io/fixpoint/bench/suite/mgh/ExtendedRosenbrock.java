package io.fixpoint.bench.suite.mgh;

/** MGH (21): r_{2i-1} = 10(x_{2i} − x_{2i−1}²), r_{2i} = 1 − x_{2i−1}; n even, m = n; x0 = (−1.2, 1, …). */
public class ExtendedRosenbrock extends StructuredSumOfSquares {

    public ExtendedRosenbrock(int n) {
        this("extended-rosenbrock", n);
    }

    ExtendedRosenbrock(String name, int n) {
        super(name, n, n);
        if (n % 2 != 0) {
            throw new IllegalArgumentException(name + ": n must be even, got " + n);
        }
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int i = 0; i < n(); i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1;
        }
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < n(); i += 2) {
            r[i] = 10 * (x[i + 1] - x[i] * x[i]);
            r[i + 1] = 1 - x[i];
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i += 2) {
            jac[i * n + i] = -20 * x[i];
            jac[i * n + i + 1] = 10;
            jac[(i + 1) * n + i] = -1;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < n(); i += 2) {
            addSymmetric(s, i, i, -20 * w[i]);
        }
    }

    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        for (int i = 0; i < n(); i += 2) {
            out[i] = -20 * x[i] * u[i] - u[i + 1];
            out[i + 1] = 10 * u[i];
        }
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        for (int i = 0; i < n(); i += 2) {
            out[i] = -20 * x[i] * v[i] + 10 * v[i + 1];
            out[i + 1] = -v[i];
        }
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        for (int i = 0; i < n(); i += 2) {
            out[i] += -20 * w[i] * v[i];
        }
    }
}
