package io.fixpoint.model;

import java.util.Arrays;

/**
 * The dense products the models are made of. Workspaces are arrays of rows, so that every innermost
 * loop is a contiguous y[j] += s·x[j] over two row arrays with one index — the loop the JIT
 * vectorises (with two different offsets into flat arrays it does not). Weights live in the flat
 * parameter vector; {@link #rows} and {@link #transposed} copy a weight matrix into row form once per
 * evaluation, and {@link #flush} adds row-form gradients back.
 */
final class Kernels {
    private Kernels() {
    }

    /** r = W for W (rows×cols, row-major) at {@code off}. */
    static void rows(double[] w, int off, int rows, int cols, double[][] r) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(w, off + i * cols, r[i], 0, cols);
        }
    }

    /** t = Wᵀ for W (rows×cols, row-major) at {@code off}: t is cols×rows. */
    static void transposed(double[] w, int off, int rows, int cols, double[][] t) {
        for (int i = 0; i < rows; i++) {
            int base = off + i * cols;
            for (int c = 0; c < cols; c++) {
                t[c][i] = w[base + c];
            }
        }
    }

    /**
     * Z = A·Wᵀ + b for A (m×k) and Wᵀ given as wt (k×n), b at {@code bo} in {@code bias} (none when
     * bias is null): Z is m×n; with {@code accumulate}, Z += A·Wᵀ (the bias ignored).
     */
    static void affine(double[][] a, int m, int k, double[][] wt, int n, double[] bias, int bo, double[][] z, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            double[] zi = z[i];
            if (!accumulate) {
                if (bias == null) {
                    Arrays.fill(zi, 0, n, 0);
                } else {
                    System.arraycopy(bias, bo, zi, 0, n);
                }
            }
            double[] ai = a[i];
            for (int p = 0; p < k; p++) {
                double s = ai[p];
                if (s == 0) {
                    continue;
                }
                double[] wp = wt[p];
                for (int j = 0; j < n; j++) {
                    zi[j] += s * wp[j];
                }
            }
        }
    }

    /** dA = dZ·W for dZ (m×n) and W as rows w (n×k): dA is m×k (overwritten). */
    static void backInput(double[][] dz, int m, int n, double[][] w, int k, double[][] da) {
        for (int i = 0; i < m; i++) {
            double[] di = da[i];
            Arrays.fill(di, 0, k, 0);
            double[] zi = dz[i];
            for (int j = 0; j < n; j++) {
                double s = zi[j];
                if (s == 0) {
                    continue;
                }
                double[] wj = w[j];
                for (int p = 0; p < k; p++) {
                    di[p] += s * wj[p];
                }
            }
        }
    }

    /** gw += dZᵀ·A (n×k) and, unless gb is null, gb += Σᵢ dZᵢ, for dZ (m×n) and A (m×k). */
    static void accumulateWeights(double[][] dz, int m, int n, double[][] a, int k, double[][] gw, double[] gb) {
        for (int i = 0; i < m; i++) {
            double[] zi = dz[i];
            double[] ai = a[i];
            for (int j = 0; j < n; j++) {
                double s = zi[j];
                if (s == 0) {
                    continue;
                }
                double[] gj = gw[j];
                for (int p = 0; p < k; p++) {
                    gj[p] += s * ai[p];
                }
                if (gb != null) {
                    gb[j] += s;
                }
            }
        }
    }

    /** Adds gw (rows×cols) into g at {@code wo} and gb (rows) at {@code bo} (unless gb is null), and clears both. */
    static void flush(double[][] gw, double[] gb, double[] g, int wo, int bo, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            double[] r = gw[i];
            int base = wo + i * cols;
            for (int c = 0; c < cols; c++) {
                g[base + c] += r[c];
            }
            Arrays.fill(r, 0, cols, 0);
        }
        if (gb != null) {
            for (int i = 0; i < rows; i++) {
                g[bo + i] += gb[i];
            }
            Arrays.fill(gb, 0, rows, 0);
        }
    }
}
