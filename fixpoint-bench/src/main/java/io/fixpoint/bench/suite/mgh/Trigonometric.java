package io.fixpoint.bench.suite.mgh;

/**
 * MGH (26): r_i = n − Σ_j cos x_j + i(1 − cos x_i) − sin x_i, m = n; x0 = (1/n, …); f* = 0 at the origin
 * (from the standard start, methods usually stop at a local minimum, 2.79506…e−5 for n = 10).
 */
public final class Trigonometric extends SumOfSquares {

    public Trigonometric(int n) {
        super("trigonometric", n, n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 1.0 / n());
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        double sumCos = 0;
        for (double v : x) {
            sumCos += Math.cos(v);
        }
        for (int i = 0; i < n; i++) {
            r[i] = n - sumCos + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]);
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = Math.sin(x[j]);
            }
            jac[i * n + i] += (i + 1) * Math.sin(x[i]) - Math.cos(x[i]);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        double sumW = 0;
        for (double v : w) {
            sumW += v;
        }
        // ∇²r_i = diag(cos x) + ((i + 1) cos x_i + sin x_i) e_i e_iᵀ.
        for (int j = 0; j < n(); j++) {
            double c = Math.cos(x[j]);
            addSymmetric(s, j, j, sumW * c + w[j] * ((j + 1) * c + Math.sin(x[j])));
        }
    }
}
