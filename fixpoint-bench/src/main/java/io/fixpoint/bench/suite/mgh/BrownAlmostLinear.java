package io.fixpoint.bench.suite.mgh;

/**
 * MGH (27): r_i = x_i + Σ_j x_j − (n + 1), 1 ≤ i < n, r_n = Π_j x_j − 1; m = n; x0 = (1/2, …);
 * f* = 0 at (α, …, α, α^{1−n}) with nα^n − (n + 1)α^{n−1} + 1 = 0 (α = 1 in particular), f = 1 at
 * (0, …, 0, n + 1).
 */
public final class BrownAlmostLinear extends SumOfSquares {

    public BrownAlmostLinear(int n) {
        super("brown-almost-linear", n, n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 0.5);
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        double sum = 0;
        double prod = 1;
        for (double v : x) {
            sum += v;
            prod *= v;
        }
        for (int i = 0; i < n - 1; i++) {
            r[i] = x[i] + sum - (n + 1);
        }
        r[n - 1] = prod - 1;
    }

    /** Π x_l over l ∉ {j, k} (j = k leaves out one index); exact even when some x_l are zero. */
    private static double productWithout(double[] x, int j, int k) {
        double p = 1;
        for (int l = 0; l < x.length; l++) {
            if (l != j && l != k) {
                p *= x[l];
            }
        }
        return p;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = 1;
            }
            jac[i * n + i] = 2;
        }
        for (int j = 0; j < n; j++) {
            jac[(n - 1) * n + j] = productWithout(x, j, j);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        double c = w[n - 1];
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                addSymmetric(s, j, k, c * productWithout(x, j, k));
            }
        }
    }
}
