package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;

/**
 * Restarted GMRES for A·d = b with A given only as a product, x₀ = 0: Arnoldi with modified
 * Gram–Schmidt and Givens rotations. Workspaces are allocated once per solver state.
 */
final class Gmres {
    /** The operator v ↦ A·v. */
    @FunctionalInterface
    interface Operator {
        void apply(double[] v, double[] out);
    }

    private final int n;
    private final int m;
    private final double[][] basis;
    private final double[][] h;
    private final double[] cs;
    private final double[] sn;
    private final double[] g;
    private final double[] y;
    private final double[] w;
    private final double[] residual;
    int lastIterations;

    Gmres(int n, int restart) {
        this.n = n;
        this.m = Math.max(1, Math.min(n, restart));
        basis = new double[m + 1][n];
        h = new double[m + 1][m];
        cs = new double[m];
        sn = new double[m];
        g = new double[m + 1];
        y = new double[m];
        w = new double[n];
        residual = new double[n];
    }

    /**
     * Solves to ‖b − A·d‖ ≤ rtol·‖b‖ or {@code maxCycles} restarts; d is overwritten.
     *
     * @return the final relative residual
     */
    double solve(Operator a, double[] b, double[] d, double rtol, int maxCycles) {
        java.util.Arrays.fill(d, 0);
        double bNorm = Vectors.norm(b);
        if (bNorm == 0) {
            return 0;
        }
        Vectors.copy(b, residual);
        double rel = 1;
        lastIterations = 0;
        for (int cycle = 0; cycle < maxCycles && rel > rtol; cycle++) {
            double beta = Vectors.norm(residual);
            if (!(beta > 0)) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                basis[0][i] = residual[i] / beta;
            }
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int k = 0;
            for (; k < m; k++) {
                lastIterations++;
                a.apply(basis[k], w);
                for (int j = 0; j <= k; j++) {
                    double hij = Vectors.dot(w, basis[j]);
                    h[j][k] = hij;
                    Vectors.axpy(-hij, basis[j], w);
                }
                double next = Vectors.norm(w);
                h[k + 1][k] = next;
                for (int j = 0; j < k; j++) {
                    double t = cs[j] * h[j][k] + sn[j] * h[j + 1][k];
                    h[j + 1][k] = -sn[j] * h[j][k] + cs[j] * h[j + 1][k];
                    h[j][k] = t;
                }
                double rho = Math.hypot(h[k][k], h[k + 1][k]);
                if (rho == 0) {
                    break;
                }
                cs[k] = h[k][k] / rho;
                sn[k] = h[k + 1][k] / rho;
                h[k][k] = rho;
                h[k + 1][k] = 0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                rel = Math.abs(g[k + 1]) / bNorm;
                if (rel <= rtol || next == 0) {
                    k++;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    basis[k + 1][i] = w[i] / next;
                }
            }
            // Back substitution for the k×k triangle, then d += V·y.
            for (int i = k - 1; i >= 0; i--) {
                double s = g[i];
                for (int j = i + 1; j < k; j++) {
                    s -= h[i][j] * y[j];
                }
                y[i] = h[i][i] == 0 ? 0 : s / h[i][i];
            }
            for (int j = 0; j < k; j++) {
                Vectors.axpy(y[j], basis[j], d);
            }
            a.apply(d, w);
            Vectors.subtract(b, w, residual);
            rel = Vectors.norm(residual) / bNorm;
        }
        return rel;
    }
}
