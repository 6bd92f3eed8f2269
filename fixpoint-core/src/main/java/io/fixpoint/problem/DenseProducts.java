package io.fixpoint.problem;

/** The row-major matrix-vector products the default J·v, Jᵀ·u and H·v methods need. */
final class DenseProducts {
    private DenseProducts() {
    }

    /** out ← A·v for A row-major, out.length × v.length. */
    static void multiply(double[] a, double[] v, double[] out) {
        int n = v.length;
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * v[j];
            }
            out[i] = s;
        }
    }

    /** out ← Aᵀ·u for A row-major, u.length × out.length. */
    static void multiplyTransposed(double[] a, double[] u, double[] out) {
        int n = out.length;
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < n; j++) {
                out[j] += a[i * n + j] * u[i];
            }
        }
    }
}
