package io.fixpoint.bench.suite.mgh;

/**
 * MGH (20): for t_i = i/29, i = 1..29, r_i = Σ_{j=2..n} (j − 1) x_j t_i^{j−2} − (Σ_{j=1..n} x_j t_i^{j−1})² − 1;
 * r30 = x1, r31 = x2 − x1² − 1; 2 ≤ n ≤ 31, m = 31; x0 = 0; f* = 2.28767…e−3 (n = 6), 1.39976…e−6 (n = 9),
 * 4.72238…e−10 (n = 12).
 */
public final class Watson extends SumOfSquares {

    public Watson(int n) {
        super("watson", n, 31);
        if (n < 2) {
            throw new IllegalArgumentException("watson: n must be at least 2, got " + n);
        }
    }

    @Override
    public double[] start() {
        return new double[n()];
    }

    /** Σ x_j t^j (0-based j), the polynomial whose square enters every r_i. */
    private static double poly(double[] x, double t, int n) {
        double p = 0;
        for (int j = n - 1; j >= 0; j--) {
            p = p * t + x[j];
        }
        return p;
    }

    /** Its derivative in t, Σ j x_j t^{j−1}. */
    private static double slope(double[] x, double t, int n) {
        double p = 0;
        for (int j = n - 1; j >= 1; j--) {
            p = p * t + j * x[j];
        }
        return p;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        for (int i = 0; i < 29; i++) {
            double t = (i + 1) / 29.0;
            double p = poly(x, t, n);
            r[i] = slope(x, t, n) - p * p - 1;
        }
        r[29] = x[0];
        r[30] = x[1] - x[0] * x[0] - 1;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < 29; i++) {
            double t = (i + 1) / 29.0;
            double p2 = 2 * poly(x, t, n);
            double tj = 1; // t^j
            double tjm1 = 0; // t^{j−1}
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = j * tjm1 - p2 * tj;
                tjm1 = tj;
                tj *= t;
            }
        }
        jac[29 * n] = 1;
        jac[30 * n] = -2 * x[0];
        jac[30 * n + 1] = 1;
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        // ∇²r_i = −2 p pᵀ with p_j = t_i^j; accumulate Σ −2 w_i p pᵀ on the upper triangle.
        for (int i = 0; i < 29; i++) {
            double t = (i + 1) / 29.0;
            double c = -2 * w[i];
            double tj = 1;
            for (int j = 0; j < n; j++) {
                double tk = tj;
                for (int k = j; k < n; k++) {
                    addSymmetric(s, j, k, c * tj * tk);
                    tk *= t;
                }
                tj *= t;
            }
        }
        addSymmetric(s, 0, 0, -2 * w[30]);
    }
}
