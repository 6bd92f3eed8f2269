package io.fixpoint.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Presolve-lite: removes fixed columns (l_j = u_j) and empty columns (x_j set to the bound its cost
 * prefers), empty rows (after checking 0 ∈ [l_c, u_c]) and singleton rows (turned into bounds on
 * their one variable), repeating until nothing changes, and keeps what {@link #postsolve} needs to
 * map a solution, or a ray, of the reduced program back. The reduced program keeps the original's
 * norms, so its relative KKT figures are those of the original at the postsolved point: the
 * removed rows hold exactly and the removed columns' reduced costs are matched by their bounds.
 *
 * <p>When a reduction proves the program infeasible (an empty row excluding 0, bounds crossed by a
 * singleton row, an empty column whose cost pushes towards an infinite bound) the presolve stops
 * and offers the ray that shows it, to be checked by {@link FarkasRay} on the original program.
 */
final class Presolve {
    private final LinearProgram original;
    private final SparseMatrix a;
    private final double[] lo;
    private final double[] hi;
    private final double[] rlo;
    private final double[] rhi;
    private final boolean[] rowKept;
    private final boolean[] columnKept;
    private final int[] rowCount;
    private final int[] columnCount;
    private final int[] lowerFromRow;
    private final int[] upperFromRow;
    private final double[] fixedValue;
    private final List<int[]> singletons = new ArrayList<>();
    private double offset;
    private Status proof;
    private double[] proofRay;
    private LinearProgram reduced;
    private int[] rowOf;
    private int[] columnOf;
    private boolean[] ownsLower;
    private boolean[] ownsUpper;

    private Presolve(LinearProgram lp) {
        this.original = lp;
        this.a = lp.matrix();
        int n = lp.dimension();
        int m = lp.constraints();
        lo = lp.variableLower().clone();
        hi = lp.variableUpper().clone();
        rlo = lp.constraintLower().clone();
        rhi = lp.constraintUpper().clone();
        rowKept = new boolean[m];
        columnKept = new boolean[n];
        java.util.Arrays.fill(rowKept, true);
        java.util.Arrays.fill(columnKept, true);
        rowCount = new int[m];
        columnCount = new int[n];
        for (int i = 0; i < m; i++) {
            rowCount[i] = a.rowStart()[i + 1] - a.rowStart()[i];
        }
        for (int j = 0; j < n; j++) {
            columnCount[j] = a.columnStart()[j + 1] - a.columnStart()[j];
        }
        lowerFromRow = new int[n];
        upperFromRow = new int[n];
        java.util.Arrays.fill(lowerFromRow, -1);
        java.util.Arrays.fill(upperFromRow, -1);
        fixedValue = new double[n];
        offset = lp.objectiveOffset();
    }

    /** Reduces {@code lp}. */
    static Presolve of(LinearProgram lp) {
        Presolve p = new Presolve(lp);
        p.run();
        return p;
    }

    /** The reduced program, or null when a reduction proved infeasibility. */
    LinearProgram reduced() {
        return reduced;
    }

    /** PRIMAL_INFEASIBLE or DUAL_INFEASIBLE when a reduction proved it, else null. */
    Status proof() {
        return proof;
    }

    /** The ray behind {@link #proof()}, on the original program's rows (a dual ray) or columns (a primal ray). */
    double[] proofRay() {
        return proofRay;
    }

    int removedRows() {
        return original.constraints() - (reduced == null ? 0 : reduced.constraints());
    }

    int removedColumns() {
        return original.dimension() - (reduced == null ? 0 : reduced.dimension());
    }

    private void run() {
        boolean changed = true;
        while (changed && proof == null) {
            changed = columns() | rows();
        }
        if (proof == null) {
            build();
        }
    }

    private boolean columns() {
        boolean changed = false;
        double[] c = original.objective();
        for (int j = 0; j < columnKept.length && proof == null; j++) {
            if (!columnKept[j]) {
                continue;
            }
            if (lo[j] == hi[j]) {
                fix(j, lo[j]);
                changed = true;
            } else if (columnCount[j] == 0) {
                double v;
                if (c[j] > 0) {
                    v = lo[j];
                } else if (c[j] < 0) {
                    v = hi[j];
                } else {
                    v = KktError.clamp(0, lo[j], hi[j]);
                }
                if (Double.isInfinite(v)) {
                    proof = Status.DUAL_INFEASIBLE;
                    proofRay = new double[columnKept.length];
                    proofRay[j] = c[j] > 0 ? -1 : 1;
                    return false;
                }
                fix(j, v);
                changed = true;
            }
        }
        return changed;
    }

    private void fix(int j, double v) {
        columnKept[j] = false;
        fixedValue[j] = v;
        offset += original.objective()[j] * v;
        for (int k = a.columnStart()[j]; k < a.columnStart()[j + 1]; k++) {
            int i = a.columnRow()[k];
            if (rowKept[i]) {
                rlo[i] -= a.columnValue()[k] * v;
                rhi[i] -= a.columnValue()[k] * v;
                rowCount[i]--;
            }
        }
    }

    private boolean rows() {
        boolean changed = false;
        for (int i = 0; i < rowKept.length && proof == null; i++) {
            if (!rowKept[i]) {
                continue;
            }
            if (rowCount[i] == 0) {
                if (rlo[i] > 1e-9 * (1 + Math.abs(original.constraintLower()[i]))
                        || rhi[i] < -1e-9 * (1 + Math.abs(original.constraintUpper()[i]))) {
                    proof = Status.PRIMAL_INFEASIBLE;
                    proofRay = new double[rowKept.length];
                    proofRay[i] = rlo[i] > 0 ? 1 : -1;
                    return false;
                }
                rowKept[i] = false;
                changed = true;
            } else if (rowCount[i] == 1) {
                singletonRow(i);
                changed = true;
            }
        }
        return changed;
    }

    private void singletonRow(int i) {
        int j = -1;
        double v = 0;
        for (int k = a.rowStart()[i]; k < a.rowStart()[i + 1]; k++) {
            if (columnKept[a.rowColumn()[k]]) {
                j = a.rowColumn()[k];
                v = a.rowValue()[k];
            }
        }
        double low = v > 0 ? rlo[i] / v : rhi[i] / v;
        double high = v > 0 ? rhi[i] / v : rlo[i] / v;
        if (low > lo[j]) {
            lo[j] = low;
            lowerFromRow[j] = i;
        }
        if (high < hi[j]) {
            hi[j] = high;
            upperFromRow[j] = i;
        }
        rowKept[i] = false;
        columnCount[j]--;
        singletons.add(new int[] {i, j});
        if (lo[j] > hi[j]) {
            if (lo[j] > hi[j] + 1e-9 * (1 + Math.abs(hi[j]))) {
                proof = Status.PRIMAL_INFEASIBLE;
                proofRay = new double[rowKept.length];
                addRowRay(lowerFromRow[j], j, 1);
                addRowRay(upperFromRow[j], j, -1);
                return;
            }
            double meet = upperFromRow[j] < 0 ? hi[j] : lo[j];
            lo[j] = meet;
            hi[j] = meet;
        }
    }

    /** y_row = sign/a_row,j: the multiple of a singleton row that bounds x_j with multiplier ∓1. */
    private void addRowRay(int row, int j, double sign) {
        if (row < 0) {
            return;
        }
        for (int k = a.rowStart()[row]; k < a.rowStart()[row + 1]; k++) {
            if (a.rowColumn()[k] == j) {
                proofRay[row] = sign / a.rowValue()[k];
            }
        }
    }

    private void build() {
        int n = columnKept.length;
        int m = rowKept.length;
        rowOf = new int[m];
        columnOf = new int[n];
        int mr = 0;
        for (int i = 0; i < m; i++) {
            rowOf[i] = rowKept[i] ? mr++ : -1;
        }
        int nr = 0;
        for (int j = 0; j < n; j++) {
            columnOf[j] = columnKept[j] ? nr++ : -1;
        }
        int nnz = 0;
        int[] ri = new int[a.nonZeros()];
        int[] ci = new int[a.nonZeros()];
        double[] vv = new double[a.nonZeros()];
        double[] c = new double[nr];
        double[] l = new double[nr];
        double[] u = new double[nr];
        for (int j = 0; j < n; j++) {
            if (!columnKept[j]) {
                continue;
            }
            int jr = columnOf[j];
            c[jr] = original.objective()[j];
            l[jr] = lo[j];
            u[jr] = hi[j];
            for (int k = a.columnStart()[j]; k < a.columnStart()[j + 1]; k++) {
                int i = a.columnRow()[k];
                if (rowKept[i]) {
                    ri[nnz] = rowOf[i];
                    ci[nnz] = jr;
                    vv[nnz] = a.columnValue()[k];
                    nnz++;
                }
            }
        }
        double[] bl = new double[mr];
        double[] bu = new double[mr];
        for (int i = 0; i < m; i++) {
            if (rowKept[i]) {
                bl[rowOf[i]] = rlo[i];
                bu[rowOf[i]] = rhi[i];
            }
        }
        reduced = LinearProgram.of(SparseMatrix.fromTriplets(mr, nr, ri, ci, vv, nnz), c, offset, l, u, bl, bu,
                original.objectiveNorm(), original.boundNorm());
        ownsLower = new boolean[singletons.size()];
        ownsUpper = new boolean[singletons.size()];
        for (int s = 0; s < singletons.size(); s++) {
            int[] e = singletons.get(s);
            ownsLower[s] = lowerFromRow[e[1]] == e[0];
            ownsUpper[s] = upperFromRow[e[1]] == e[0];
        }
    }

    /** The original program's x from the reduced one's: removed columns at their fixed values. */
    double[] postsolvePrimal(double[] reducedX, boolean ray) {
        double[] x = new double[columnKept.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = columnKept[j] ? reducedX[columnOf[j]] : ray ? 0 : fixedValue[j];
        }
        return x;
    }

    /**
     * The original program's y from the reduced one's: removed empty rows get 0, and each singleton
     * row, in reverse order of removal, takes over the reduced cost its variable has on a bound the
     * row supplied, y_i = λ_j / a_ij. For a ray (a Farkas ray of the dual) the costs are taken as zero.
     */
    double[] postsolveDual(double[] reducedY, boolean ray) {
        double[] y = new double[rowKept.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = rowKept[i] ? reducedY[rowOf[i]] : 0;
        }
        double[] c = original.objective();
        for (int s = singletons.size() - 1; s >= 0; s--) {
            int i = singletons.get(s)[0];
            int j = singletons.get(s)[1];
            double g = ray ? 0 : c[j];
            double aij = 0;
            for (int k = a.columnStart()[j]; k < a.columnStart()[j + 1]; k++) {
                int r = a.columnRow()[k];
                g -= a.columnValue()[k] * y[r];
                if (r == i) {
                    aij = a.columnValue()[k];
                }
            }
            if (g > 0 && ownsLower[s] || g < 0 && ownsUpper[s]) {
                y[i] = g / aij;
            }
        }
        return y;
    }
}
