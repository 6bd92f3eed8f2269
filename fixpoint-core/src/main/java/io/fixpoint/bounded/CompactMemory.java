package io.fixpoint.bounded;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The limited-memory BFGS matrix in compact form (Byrd, Nocedal and Schnabel 1994; Byrd, Lu, Nocedal
 * and Zhu 1995, §3): B = θI − WMWᵀ with W = [Y θS] and
 *
 * <pre>
 *   M = [ −D   Lᵀ  ]⁻¹      D = diag(sᵢᵀyᵢ),  L = strictly lower part of SᵀY,
 *       [  L  θSᵀS ]
 * </pre>
 *
 * built from the last {@code col} ≤ m pairs (s, y), oldest first, in circular slots. M is applied
 * through the Cholesky factor J of T = θSᵀS + LD⁻¹Lᵀ (L-BFGS-B's {@code formt} and {@code bmv}).
 * A new pair is written into spare buffers by the caller and swapped into its slot, so an update
 * copies no vectors.
 */
final class CompactMemory {
    final int m;
    /** Pair k (0 = oldest) lives in slot (head + k) mod m. */
    final double[][] s;
    final double[][] y;
    /** Where the caller writes the candidate pair. */
    double[] spareS;
    double[] spareY;
    /** sy[i + m·j] = sᵢᵀyⱼ for i ≥ j (pair indices, oldest first). */
    final double[] sy;
    /** ss[i + m·j] = sᵢᵀsⱼ for i ≤ j. */
    final double[] ss;
    double theta = 1;
    int col;
    int head;
    /** Whether the last {@link #push} evicted the oldest pair. */
    boolean evicted;
    private int tail;
    private final DMatrixRMaj tFactor;
    private final CholeskyDecompositionInner_DDRM cholesky;
    private final double[] scratch;

    CompactMemory(int m, int n) {
        this.m = m;
        s = new double[m][n];
        y = new double[m][n];
        spareS = new double[n];
        spareY = new double[n];
        sy = new double[m * m];
        ss = new double[m * m];
        tFactor = new DMatrixRMaj(m, m);
        cholesky = new CholeskyDecompositionInner_DDRM(true);
        cholesky.setExpectedMaxSize(m, m);
        scratch = new double[m];
    }

    /** The slot of pair k, 0 being the oldest. */
    int slot(int k) {
        return (head + k) % m;
    }

    /** Forgets every pair: B = I. */
    void reset() {
        col = 0;
        head = 0;
        tail = 0;
        theta = 1;
        evicted = false;
    }

    /**
     * Appends the pair in the spare buffers (L-BFGS-B's {@code matupd}) with the inner products the
     * caller computed, and refactors T ({@code formt}). The oldest pair leaves when m are stored.
     *
     * @return false when T is not positive definite (the caller then resets the memory)
     */
    boolean push(double sTy, double yTy, double sTs) {
        evicted = col == m;
        if (evicted) {
            tail = (tail + 1) % m;
            head = (head + 1) % m;
            // Shift the kept parts of SᵀS (upper) and SᵀY (lower) one place up the diagonal.
            for (int j = 1; j < col; j++) {
                System.arraycopy(ss, 1 + m * j, ss, m * (j - 1), j);
                System.arraycopy(sy, j + m * j, sy, (j - 1) + m * (j - 1), col - j);
            }
        } else {
            col++;
            tail = (head + col - 1) % m;
        }
        double[] t = s[tail];
        s[tail] = spareS;
        spareS = t;
        t = y[tail];
        y[tail] = spareY;
        spareY = t;
        theta = yTy / sTy;
        double[] sNew = s[tail];
        int last = col - 1;
        for (int j = 0; j < last; j++) {
            int p = slot(j);
            sy[last + m * j] = dot(sNew, y[p]);
            ss[j + m * last] = dot(s[p], sNew);
        }
        ss[last + m * last] = sTs;
        sy[last + m * last] = sTy;
        return factorT();
    }

    /** T = θSᵀS + LD⁻¹Lᵀ and its Cholesky factor J (lower, T = JJᵀ). */
    private boolean factorT() {
        tFactor.reshape(col, col);
        double[] t = tFactor.data;
        for (int i = 0; i < col; i++) {
            for (int j = i; j < col; j++) {
                double v = theta * ss[i + m * j];
                for (int k = 0; k < i; k++) {
                    v += sy[i + m * k] * sy[j + m * k] / sy[k + m * k];
                }
                t[i * col + j] = v;
                t[j * col + i] = v;
            }
        }
        return cholesky.decompose(tFactor);
    }

    /**
     * p ← M·v for vectors of length 2·col (L-BFGS-B's {@code bmv}), through the factorisation
     *
     * <pre>
     *   M⁻¹ = [ D^½   0 ] [ −I  0 ] [ D^½  −D^-½Lᵀ ]
     *         [ −LD^-½ J ] [  0  I ] [ 0      Jᵀ   ]
     * </pre>
     */
    void multiplyM(double[] v, double[] p) {
        if (col == 0) {
            return;
        }
        // Solve [D^½ 0; −LD^-½ J] (p₁; p₂) = (v₁; v₂).
        for (int i = 0; i < col; i++) {
            double sum = 0;
            for (int k = 0; k < i; k++) {
                sum += sy[i + m * k] * v[k] / sy[k + m * k];
            }
            scratch[i] = v[col + i] + sum;
        }
        TriangularSolver_DDRM.solveL(tFactor.data, scratch, col);
        for (int i = 0; i < col; i++) {
            p[i] = v[i] / Math.sqrt(sy[i + m * i]);
        }
        // Solve [−D^½ D^-½Lᵀ; 0 Jᵀ] (p₁; p₂) = (p₁; p₂).
        TriangularSolver_DDRM.solveTranL(tFactor.data, scratch, col);
        for (int i = 0; i < col; i++) {
            p[i] = -p[i] / Math.sqrt(sy[i + m * i]);
        }
        for (int i = 0; i < col; i++) {
            double sum = 0;
            for (int k = i + 1; k < col; k++) {
                sum += sy[k + m * i] * scratch[k] / sy[i + m * i];
            }
            p[i] += sum;
            p[col + i] = scratch[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
