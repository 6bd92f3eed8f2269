package io.fixpoint.bench.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.LinearProgram;
import java.util.Arrays;

/**
 * Infeasible and unbounded programs made from feasible ones, each with the ray that shows it by
 * construction (so a test can check that the solver's verdict is right, not just its status).
 */
public final class Perturb {
    private Perturb() {
    }

    /**
     * Adds the row x_j + x_k ≤ l_j + l_k − 1 over two variables with finite lower bounds: no point of
     * the program satisfies it, and presolve cannot remove it as a singleton.
     *
     * @throws IllegalArgumentException when fewer than two variables have finite lower bounds
     */
    public static LinearProgram infeasible(LinearProgram lp) {
        int j = -1;
        int k = -1;
        for (int q = 0; q < lp.dimension() && k < 0; q++) {
            if (Double.isFinite(lp.variableLower()[q])) {
                if (j < 0) {
                    j = q;
                } else {
                    k = q;
                }
            }
        }
        if (k < 0) {
            throw new IllegalArgumentException("need two variables with finite lower bounds");
        }
        int m = lp.constraints();
        double rhs = lp.variableLower()[j] + lp.variableLower()[k] - 1;
        return withRow(lp, new int[] {j, k}, new double[] {1, 1}, Double.NEGATIVE_INFINITY, rhs, m);
    }

    /**
     * Adds a variable x_new ≥ 0 of cost −1 with the entry +1 in the first row whose upper bound is
     * infinite (−1 in one whose lower bound is): raising it never violates a constraint and lowers the
     * objective without bound, so the dual is infeasible (and, the program being feasible, it is unbounded).
     *
     * @throws IllegalArgumentException when every row is bounded on both sides
     */
    public static LinearProgram unbounded(LinearProgram lp) {
        int row = -1;
        double sign = 0;
        for (int i = 0; i < lp.constraints() && row < 0; i++) {
            if (lp.constraintUpper()[i] == Double.POSITIVE_INFINITY) {
                row = i;
                sign = 1;
            } else if (lp.constraintLower()[i] == Double.NEGATIVE_INFINITY) {
                row = i;
                sign = -1;
            }
        }
        if (row < 0) {
            throw new IllegalArgumentException("every row is bounded on both sides");
        }
        SparseMatrix a = lp.matrix();
        int n = lp.dimension();
        int nnz = a.nonZeros();
        int[] ri = Arrays.copyOf(a.columnRow(), nnz + 1);
        int[] ci = new int[nnz + 1];
        double[] v = Arrays.copyOf(a.columnValue(), nnz + 1);
        for (int j = 0; j < n; j++) {
            for (int p = a.columnStart()[j]; p < a.columnStart()[j + 1]; p++) {
                ci[p] = j;
            }
        }
        ri[nnz] = row;
        ci[nnz] = n;
        v[nnz] = sign;
        double[] c = Arrays.copyOf(lp.objective(), n + 1);
        c[n] = -1;
        double[] lo = Arrays.copyOf(lp.variableLower(), n + 1);
        double[] hi = Arrays.copyOf(lp.variableUpper(), n + 1);
        hi[n] = Double.POSITIVE_INFINITY;
        return LinearProgram.of(SparseMatrix.fromTriplets(lp.constraints(), n + 1, ri, ci, v, nnz + 1), c, lp.objectiveOffset(), lo, hi,
                lp.constraintLower(), lp.constraintUpper());
    }

    private static LinearProgram withRow(LinearProgram lp, int[] cols, double[] vals, double lower, double upper, int m) {
        SparseMatrix a = lp.matrix();
        int nnz = a.nonZeros();
        int[] ri = Arrays.copyOf(a.columnRow(), nnz + cols.length);
        int[] ci = new int[nnz + cols.length];
        double[] v = Arrays.copyOf(a.columnValue(), nnz + cols.length);
        for (int j = 0; j < lp.dimension(); j++) {
            for (int p = a.columnStart()[j]; p < a.columnStart()[j + 1]; p++) {
                ci[p] = j;
            }
        }
        for (int q = 0; q < cols.length; q++) {
            ri[nnz + q] = m;
            ci[nnz + q] = cols[q];
            v[nnz + q] = vals[q];
        }
        double[] rl = Arrays.copyOf(lp.constraintLower(), m + 1);
        double[] ru = Arrays.copyOf(lp.constraintUpper(), m + 1);
        rl[m] = lower;
        ru[m] = upper;
        return LinearProgram.of(SparseMatrix.fromTriplets(m + 1, lp.dimension(), ri, ci, v, nnz + cols.length), lp.objective(),
                lp.objectiveOffset(), lp.variableLower(), lp.variableUpper(), rl, ru);
    }
}
