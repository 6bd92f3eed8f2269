package io.fixpoint.bench.suite.mgh;

/**
 * MGH (24), penalty function II, a = 10⁻⁵, y_i = e^{i/10} + e^{(i−1)/10}: r1 = x1 − 0.2;
 * r_i = √a (e^{x_i/10} + e^{x_{i−1}/10} − y_i), 2 ≤ i ≤ n; r_i = √a (e^{x_{i−n+1}/10} − e^{−1/10}), n < i < 2n;
 * r_{2n} = Σ (n − j + 1) x_j² − 1; m = 2n; x0 = (1/2, …); f* = 9.37629…e−6 (n = 4), 2.93660…e−4 (n = 10).
 */
public final class Penalty2 extends SumOfSquares {
    private static final double SQRT_A = Math.sqrt(1e-5);

    public Penalty2(int n) {
        super("penalty-2", n, 2 * n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 0.5);
        return x;
    }

    private static double e(double v) {
        return Math.exp(v / 10);
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        r[0] = x[0] - 0.2;
        double ss = n * x[0] * x[0];
        for (int i = 1; i < n; i++) {
            double y = Math.exp((i + 1) / 10.0) + Math.exp(i / 10.0);
            r[i] = SQRT_A * (e(x[i]) + e(x[i - 1]) - y);
            r[n + i - 1] = SQRT_A * (e(x[i]) - Math.exp(-0.1));
            ss += (n - i) * x[i] * x[i];
        }
        r[2 * n - 1] = ss - 1;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        jac[0] = 1;
        for (int i = 1; i < n; i++) {
            jac[i * n + i] = SQRT_A * e(x[i]) / 10;
            jac[i * n + i - 1] = SQRT_A * e(x[i - 1]) / 10;
            jac[(n + i - 1) * n + i] = SQRT_A * e(x[i]) / 10;
        }
        for (int j = 0; j < n; j++) {
            jac[(2 * n - 1) * n + j] = 2 * (n - j) * x[j];
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        for (int i = 1; i < n; i++) {
            double c = SQRT_A / 100;
            addSymmetric(s, i, i, c * e(x[i]) * (w[i] + w[n + i - 1]));
            addSymmetric(s, i - 1, i - 1, c * e(x[i - 1]) * w[i]);
        }
        for (int j = 0; j < n; j++) {
            addSymmetric(s, j, j, 2 * (n - j) * w[2 * n - 1]);
        }
    }
}
