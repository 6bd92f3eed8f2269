package io.fixpoint.bench.suite.mgh;

/**
 * MGH (23), penalty function I: r_i = √a (x_i − 1), i = 1..n, r_{n+1} = Σ x_j² − 1/4, a = 10⁻⁵; m = n + 1;
 * x0 = (1, 2, …, n); f* = 2.24997…e−5 (n = 4), 7.08765…e−5 (n = 10).
 */
public final class Penalty1 extends StructuredSumOfSquares {
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

    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        int n = n();
        double last = 2 * u[n];
        for (int j = 0; j < n; j++) {
            out[j] = SQRT_A * u[j] + last * x[j];
        }
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        int n = n();
        double xv = 0;
        for (int j = 0; j < n; j++) {
            out[j] = SQRT_A * v[j];
            xv += x[j] * v[j];
        }
        out[n] = 2 * xv;
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        double c = 2 * w[n()];
        for (int j = 0; j < n(); j++) {
            out[j] += c * v[j];
        }
    }

    /**
     * The minimum value at dimension n. The minimiser has equal coordinates t, the root in (0, 1) of
     * ∂f/∂t ∝ 4nt³ + (2a − 1)t − 2a (f decreases in t below it and increases above it); Newton's
     * method from t = 1 converges to it monotonically, since the cubic is convex for t > 0.
     */
    public static double minimum(int n) {
        double a = SQRT_A * SQRT_A;
        double t = 1;
        for (int k = 0; k < 200; k++) {
            double p = 4.0 * n * t * t * t + (2 * a - 1) * t - 2 * a;
            double dp = 12.0 * n * t * t + (2 * a - 1);
            double next = t - p / dp;
            if (next >= t) {
                break;
            }
            t = next;
        }
        double r = n * t * t - 0.25;
        return a * n * (t - 1) * (t - 1) + r * r;
    }
}
