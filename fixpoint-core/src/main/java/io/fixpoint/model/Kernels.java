package io.fixpoint.model;

/**
 * The dense products the models are made of, on row-major arrays with offsets, in the loop orders
 * that keep the innermost loop a contiguous a·x + y the JIT vectorises.
 */
final class Kernels {
    private Kernels() {
    }

    /** t = Wᵀ for W (rows×cols) at {@code wo}: t is cols×rows. */
    static void transpose(double[] w, int wo, int rows, int cols, double[] t) {
        for (int r = 0; r < rows; r++) {
            int base = wo + r * cols;
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[base + c];
            }
        }
    }

    /**
     * Z = A·Wᵀ + b for A (m×k), Wᵀ given as wt (k×n), b at {@code bo} (none when bias is null): Z is
     * m×n; with {@code accumulate}, Z += A·Wᵀ instead (the bias is then ignored).
     */
    static void affine(double[] a, int m, int k, double[] wt, int n, double[] bias, int bo, double[] z, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int zi = i * n;
            if (accumulate) {
                // keep Z
            } else if (bias == null) {
                java.util.Arrays.fill(z, zi, zi + n, 0);
            } else {
                System.arraycopy(bias, bo, z, zi, n);
            }
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                double s = a[ai + p];
                if (s == 0) {
                    continue;
                }
                int wp = p * n;
                for (int j = 0; j < n; j++) {
                    z[zi + j] += s * wt[wp + j];
                }
            }
        }
    }

    /** dA = dZ·W for dZ (m×n) and W (n×k) at {@code wo}: dA is m×k (overwritten). */
    static void backInput(double[] dz, int m, int n, double[] w, int wo, int k, double[] da) {
        for (int i = 0; i < m; i++) {
            int di = i * k;
            java.util.Arrays.fill(da, di, di + k, 0);
            int zi = i * n;
            for (int j = 0; j < n; j++) {
                double s = dz[zi + j];
                if (s == 0) {
                    continue;
                }
                int wj = wo + j * k;
                for (int p = 0; p < k; p++) {
                    da[di + p] += s * w[wj + p];
                }
            }
        }
    }

    /** dW += scale·dZᵀ·A for dZ (m×n), A (m×k): dW (n×k) at {@code go}; and db += scale·Σᵢ dZᵢ at {@code bo} unless bo &lt; 0. */
    static void accumulateWeights(double[] dz, int m, int n, double[] a, int k, double scale, double[] g, int go, int bo) {
        for (int i = 0; i < m; i++) {
            int zi = i * n;
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                double s = scale * dz[zi + j];
                if (s == 0) {
                    continue;
                }
                int gj = go + j * k;
                for (int p = 0; p < k; p++) {
                    g[gj + p] += s * a[ai + p];
                }
                if (bo >= 0) {
                    g[bo + j] += s;
                }
            }
        }
    }
}
