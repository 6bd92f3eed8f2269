package io.fixpoint.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition of a symmetric n×n matrix by EJML, with the eigenvectors as columns ordered by
 * decreasing eigenvalue (so a basis is reproducible up to the signs of its vectors), and the inverse
 * roots that Shampoo needs.
 */
final class SymmetricEigen {
    private final int n;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final DMatrixRMaj copy;
    private final int[] order;
    /** Eigenvalues, decreasing. */
    final double[] values;
    /** Eigenvectors as columns, in the order of {@link #values}. */
    final DMatrixRMaj vectors;
    private final DMatrixRMaj scaled;

    SymmetricEigen(int n) {
        this.n = n;
        eig = DecompositionFactory_DDRM.eig(n, true, true);
        copy = new DMatrixRMaj(n, n);
        order = new int[n];
        values = new double[n];
        vectors = new DMatrixRMaj(n, n);
        scaled = new DMatrixRMaj(n, n);
    }

    /** Decomposes {@code m} (left unchanged). */
    void decompose(DMatrixRMaj m) {
        copy.setTo(m);
        if (!eig.decompose(copy)) {
            throw new IllegalStateException("symmetric eigendecomposition failed (non-finite preconditioner?)");
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // insertion sort by decreasing eigenvalue: n is small and this allocates nothing
        for (int i = 1; i < n; i++) {
            int k = order[i];
            double v = eig.getEigenvalue(k).real;
            int j = i - 1;
            while (j >= 0 && eig.getEigenvalue(order[j]).real < v) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        for (int c = 0; c < n; c++) {
            values[c] = eig.getEigenvalue(order[c]).real;
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) {
                vectors.unsafe_set(r, c, v.unsafe_get(r, 0));
            }
        }
    }

    /** out = Q diag(max(λ, floor)^(−power)) Qᵀ of the last decomposed matrix. */
    void inversePower(double power, double floor, DMatrixRMaj out) {
        for (int c = 0; c < n; c++) {
            double f = Math.pow(Math.max(values[c], floor), -power);
            for (int r = 0; r < n; r++) {
                scaled.unsafe_set(r, c, vectors.unsafe_get(r, c) * f);
            }
        }
        CommonOps_DDRM.multTransB(scaled, vectors, out);
    }
}
