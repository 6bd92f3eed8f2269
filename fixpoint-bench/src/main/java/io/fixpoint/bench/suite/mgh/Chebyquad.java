package io.fixpoint.bench.suite.mgh;

/**
 * MGH (35): r_i = (1/n) Σ_j T_i(x_j) − ∫₀¹ T_i, i = 1..m, with T_i the Chebyshev polynomial shifted to [0, 1]
 * (∫₀¹ T_i = 0 for odd i, −1/(i² − 1) for even i); m ≥ n; x0_j = j/(n + 1); f* = 0 for m = n ≤ 7 and n = 9,
 * 3.51687…e−3 for m = n = 8, 6.50395…e−3 for m = n = 10.
 */
public final class Chebyquad extends SumOfSquares {

    public Chebyquad(int n) {
        this(n, n);
    }

    public Chebyquad(int n, int m) {
        super("chebyquad", n, m);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int j = 0; j < n(); j++) {
            x[j] = (j + 1.0) / (n() + 1);
        }
        return x;
    }

    private static double integral(int i) {
        return i % 2 == 1 ? 0 : -1.0 / ((double) i * i - 1);
    }

    /**
     * Visits T_i(2x − 1) with its first and second derivatives in x, i = 1..m, by the three-term
     * recurrence T_{i+1} = 2yT_i − T_{i−1} and its derivatives.
     */
    private interface Visitor {
        void visit(int i, double t, double dt, double d2t);
    }

    private void chebyshev(double x, Visitor visitor) {
        double y = 2 * x - 1;
        double t0 = 1, t1 = y;
        double d0 = 0, d1 = 2; // d/dx
        double s0 = 0, s1 = 0; // d²/dx²
        for (int i = 1; i <= m(); i++) {
            visitor.visit(i, t1, d1, s1);
            double t2 = 2 * y * t1 - t0;
            double d2 = 4 * t1 + 2 * y * d1 - d0;
            double s2 = 8 * d1 + 2 * y * s1 - s0;
            t0 = t1;
            t1 = t2;
            d0 = d1;
            d1 = d2;
            s0 = s1;
            s1 = s2;
        }
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        for (int i = 0; i < m(); i++) {
            r[i] = -integral(i + 1);
        }
        for (int j = 0; j < n; j++) {
            chebyshev(x[j], (i, t, dt, d2t) -> r[i - 1] += t / n);
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int j = 0; j < n; j++) {
            int col = j;
            chebyshev(x[j], (i, t, dt, d2t) -> jac[(i - 1) * n + col] = dt / n);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        double[] acc = new double[1];
        for (int j = 0; j < n; j++) {
            acc[0] = 0;
            chebyshev(x[j], (i, t, dt, d2t) -> acc[0] += w[i - 1] * d2t / n);
            addSymmetric(s, j, j, acc[0]);
        }
    }
}
