package io.fixpoint.problem;

/** The row-major matrix-vector product the default J·v methods need. */
final class DenseProducts {
    private DenseProducts() {
    }

    /** out ← A·v for A row-major n×n. */
    static void multiply(double[] a, double[] v, double[] out) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * v[j];
            }
            out[i] = s;
        }
    }
}
