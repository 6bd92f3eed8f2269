package io.fixpoint.bench.suite.mgh;

/**
 * MGH (22): per block of four, r1 = x1 + 10x2, r2 = √5(x3 − x4), r3 = (x2 − 2x3)², r4 = √10(x1 − x4)²;
 * n a multiple of 4, m = n; x0 = (3, −1, 0, 1, …); f* = 0 at the origin, where the Hessian is singular.
 */
public class ExtendedPowell extends StructuredSumOfSquares {
    private static final double SQRT5 = Math.sqrt(5);
    private static final double SQRT10 = Math.sqrt(10);

    public ExtendedPowell(int n) {
        this("extended-powell", n);
    }

    ExtendedPowell(String name, int n) {
        super(name, n, n);
        if (n % 4 != 0) {
            throw new IllegalArgumentException(name + ": n must be a multiple of 4, got " + n);
        }
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int i = 0; i < n(); i += 4) {
            x[i] = 3;
            x[i + 1] = -1;
            x[i + 2] = 0;
            x[i + 3] = 1;
        }
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < n(); i += 4) {
            double a = x[i + 1] - 2 * x[i + 2];
            double b = x[i] - x[i + 3];
            r[i] = x[i] + 10 * x[i + 1];
            r[i + 1] = SQRT5 * (x[i + 2] - x[i + 3]);
            r[i + 2] = a * a;
            r[i + 3] = SQRT10 * b * b;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i += 4) {
            double a = x[i + 1] - 2 * x[i + 2];
            double b = x[i] - x[i + 3];
            jac[i * n + i] = 1;
            jac[i * n + i + 1] = 10;
            jac[(i + 1) * n + i + 2] = SQRT5;
            jac[(i + 1) * n + i + 3] = -SQRT5;
            jac[(i + 2) * n + i + 1] = 2 * a;
            jac[(i + 2) * n + i + 2] = -4 * a;
            jac[(i + 3) * n + i] = 2 * SQRT10 * b;
            jac[(i + 3) * n + i + 3] = -2 * SQRT10 * b;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < n(); i += 4) {
            double u = 2 * w[i + 2];
            addSymmetric(s, i + 1, i + 1, u);
            addSymmetric(s, i + 1, i + 2, -2 * u);
            addSymmetric(s, i + 2, i + 2, 4 * u);
            double v = 2 * SQRT10 * w[i + 3];
            addSymmetric(s, i, i, v);
            addSymmetric(s, i, i + 3, -v);
            addSymmetric(s, i + 3, i + 3, v);
        }
    }

    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        for (int i = 0; i < n(); i += 4) {
            double a = x[i + 1] - 2 * x[i + 2];
            double b = x[i] - x[i + 3];
            out[i] = u[i] + 2 * SQRT10 * b * u[i + 3];
            out[i + 1] = 10 * u[i] + 2 * a * u[i + 2];
            out[i + 2] = SQRT5 * u[i + 1] - 4 * a * u[i + 2];
            out[i + 3] = -SQRT5 * u[i + 1] - 2 * SQRT10 * b * u[i + 3];
        }
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        for (int i = 0; i < n(); i += 4) {
            double a = x[i + 1] - 2 * x[i + 2];
            double b = x[i] - x[i + 3];
            out[i] = v[i] + 10 * v[i + 1];
            out[i + 1] = SQRT5 * (v[i + 2] - v[i + 3]);
            out[i + 2] = 2 * a * (v[i + 1] - 2 * v[i + 2]);
            out[i + 3] = 2 * SQRT10 * b * (v[i] - v[i + 3]);
        }
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        for (int i = 0; i < n(); i += 4) {
            double p = 2 * w[i + 2] * (v[i + 1] - 2 * v[i + 2]);
            out[i + 1] += p;
            out[i + 2] -= 2 * p;
            double q = 2 * SQRT10 * w[i + 3] * (v[i] - v[i + 3]);
            out[i] += q;
            out[i + 3] -= q;
        }
    }
}
