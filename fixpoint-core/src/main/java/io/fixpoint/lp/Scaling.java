package io.fixpoint.lp;

import io.fixpoint.linalg.SparseMatrix;
import java.util.Arrays;

/**
 * Diagonal equilibration of the constraint matrix, Ã = diag(row)·A·diag(column), as PDLP does
 * (Applegate et al. 2021, §3.4): {@code ruizPasses} passes of Ruiz's L∞ scaling (each row and
 * column divided by the square root of its largest entry), then one Pock–Chambolle pass with α = 1
 * (rows and columns divided by the square root of their L1 norms).
 *
 * <p>The solvers never form Ã. PDHG on the scaled program is PDHG on the original program with the
 * diagonal step sizes τ_j = τ·column_j² and σ_i = σ·row_i² and the norms ‖x‖ = ‖x/column‖,
 * ‖y‖ = ‖y/row‖: the same iterates, the original matrix kept once, and every product counted.
 */
record Scaling(double[] row, double[] column) {

    static Scaling identity(int m, int n) {
        double[] r = new double[m];
        double[] c = new double[n];
        Arrays.fill(r, 1);
        Arrays.fill(c, 1);
        return new Scaling(r, c);
    }

    static Scaling ruizPockChambolle(SparseMatrix a, int ruizPasses) {
        Scaling s = identity(a.rows(), a.columns());
        double[] rowNorm = new double[a.rows()];
        double[] colNorm = new double[a.columns()];
        for (int pass = 0; pass <= ruizPasses; pass++) {
            boolean pockChambolle = pass == ruizPasses;
            s.norms(a, rowNorm, colNorm, pockChambolle);
            for (int i = 0; i < rowNorm.length; i++) {
                s.row[i] /= rowNorm[i] > 0 ? Math.sqrt(rowNorm[i]) : 1;
            }
            for (int j = 0; j < colNorm.length; j++) {
                s.column[j] /= colNorm[j] > 0 ? Math.sqrt(colNorm[j]) : 1;
            }
        }
        return s;
    }

    /** Row and column max-norms (or L1 norms) of the currently scaled matrix. */
    private void norms(SparseMatrix a, double[] rowNorm, double[] colNorm, boolean l1) {
        Arrays.fill(rowNorm, 0);
        int[] start = a.columnStart();
        int[] rows = a.columnRow();
        double[] v = a.columnValue();
        for (int j = 0; j < colNorm.length; j++) {
            double cn = 0;
            for (int k = start[j]; k < start[j + 1]; k++) {
                int i = rows[k];
                double e = Math.abs(row[i] * v[k] * column[j]);
                if (l1) {
                    cn += e;
                    rowNorm[i] += e;
                } else {
                    cn = Math.max(cn, e);
                    rowNorm[i] = Math.max(rowNorm[i], e);
                }
            }
            colNorm[j] = cn;
        }
    }
}
