package io.fixpoint.bounded;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * L-BFGS-B's subspace minimisation (Byrd, Lu, Nocedal and Zhu 1995, §5, the direct primal method, in
 * the form of L-BFGS-B 3.0's {@code freev}, {@code formk}, {@code cmprlb} and {@code subsm}): with the
 * variables active at the Cauchy point xᶜ held there, the quadratic model is minimised over the free
 * variables by the Newton step d = −(ZᵀBZ)⁻¹r, r the reduced gradient of the model at xᶜ. By the
 * Sherman–Morrison–Woodbury formula d = (1/θ)r + (1/θ²)ZᵀWK⁻¹WᵀZr with the 2m×2m matrix
 *
 * <pre>
 *   K = [ −D − YᵀZZᵀY/θ   L_Aᵀ − R_Zᵀ ]      L_A: strictly lower part of SᵀAAᵀY
 *       [ L_A − R_Z        θSᵀAAᵀS    ]      R_Z: upper part of SᵀZZᵀY
 * </pre>
 *
 * (Z: the free variables, A: the active ones), factored as K = RᵀER, E = diag(−I, I). The products
 * over free and active variables are kept from one iteration to the next and corrected only for the
 * variables that entered or left the free set and for the newest pair, so a step costs O(mn) and not
 * O(m²n).
 *
 * <p>The step to the subspace minimiser is then projected onto the box; if that projected step is
 * not a descent direction, it is replaced by the longest feasible step along d instead (Morales and
 * Nocedal, "Remark on Algorithm 778", ACM TOMS 38(1), 2011).
 */
final class SubspaceMinimization {
    private final int n;
    private final int m;
    /** Free variables first (in increasing order), then the active ones from the end. */
    final int[] index;
    int free;
    /** Variables that entered the free set in [0, entering), and that left it in [leaving, n). */
    private final int[] changed;
    private int entering;
    private int leaving;
    /**
     * Inner products over the free and active sets, 2m×2m column-major (L-BFGS-B's {@code wn1}): YᵀZZᵀY
     * (upper left, lower triangle), SᵀAAᵀS (lower right, lower triangle), SᵀZZᵀY upper part and
     * SᵀAAᵀY strictly lower part (lower left).
     */
    private final double[] wn1;
    /** Whether {@link #wn1} matches the pairs and the free set of the last factorisation. */
    private boolean gramCurrent;
    /** K = RᵀER with R = [U₁₁ X; 0 U₂₂]: the lower factors L₁₁ = U₁₁ᵀ, L₂₂ = U₂₂ᵀ and X, each col×col. */
    private final DMatrixRMaj l11;
    private final DMatrixRMaj x12;
    private final DMatrixRMaj l22;
    private final CholeskyDecompositionInner_DDRM cholesky;
    private final double[] column;
    /** The reduced gradient, then the step, on the free variables in {@link #index} order. */
    private final double[] r;
    private final double[] wv;
    private final double[] xp;
    /** Whether the last {@link #minimize} cut the Newton step at the box. */
    boolean hitBound;
    /** Whether the last {@link #minimize} fell back from the projected step (the 2011 correction). */
    boolean backtracked;

    SubspaceMinimization(int n, int m) {
        this.n = n;
        this.m = m;
        index = new int[n];
        changed = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        free = n;
        wn1 = new double[4 * m * m];
        l11 = new DMatrixRMaj(m, m);
        x12 = new DMatrixRMaj(m, m);
        l22 = new DMatrixRMaj(m, m);
        cholesky = new CholeskyDecompositionInner_DDRM(true);
        cholesky.setExpectedMaxSize(m, m);
        column = new double[m];
        r = new double[n];
        wv = new double[2 * m];
        xp = new double[n];
    }

    /** The stored products are no longer those of the pairs and free set of the last factorisation. */
    void invalidate() {
        gramCurrent = false;
    }

    /**
     * L-BFGS-B's {@code freev}: rebuilds the free set from {@code where} (free: ≤ 0), noting which
     * variables entered or left it when {@code track}.
     *
     * @return whether the free set changed
     */
    boolean updateFreeSet(byte[] where, boolean track) {
        entering = 0;
        leaving = n;
        if (track) {
            for (int i = 0; i < free; i++) {
                int k = index[i];
                if (where[k] > 0) {
                    changed[--leaving] = k;
                }
            }
            for (int i = free; i < n; i++) {
                int k = index[i];
                if (where[k] <= 0) {
                    changed[entering++] = k;
                }
            }
        }
        int nfree = 0;
        int active = n;
        for (int i = 0; i < n; i++) {
            if (where[i] <= 0) {
                index[nfree++] = i;
            } else {
                index[--active] = i;
            }
        }
        boolean differs = !track || leaving < n || entering > 0 || nfree != free;
        free = nfree;
        return differs;
    }

    /**
     * L-BFGS-B's {@code formk}: brings the products over the free and active sets up to date (the
     * newest pair if {@code newPair}, and the variables that changed sets) and factors K.
     *
     * @return false when K cannot be factored (the caller resets the memory)
     */
    boolean factor(CompactMemory mem, boolean newPair) {
        int col = mem.col;
        if (!gramCurrent) {
            recomputeProducts(mem);
        } else {
            if (newPair) {
                if (mem.evicted) {
                    shiftProducts();
                }
                newestProducts(mem);
            }
            correctForChangedSets(mem, newPair ? col - 1 : col);
        }
        gramCurrent = true;
        return factorK(mem);
    }

    private double w(int i, int j) {
        return wn1[i + 2 * m * j];
    }

    private void setW(int i, int j, double v) {
        wn1[i + 2 * m * j] = v;
    }

    /** The oldest pair left: move every stored product one place up the diagonal. */
    private void shiftProducts() {
        int m2 = 2 * m;
        for (int jy = 0; jy < m - 1; jy++) {
            int js = m + jy;
            int len = m - (jy + 1);
            System.arraycopy(wn1, (jy + 1) + m2 * (jy + 1), wn1, jy + m2 * jy, len);
            System.arraycopy(wn1, (js + 1) + m2 * (js + 1), wn1, js + m2 * js, len);
            System.arraycopy(wn1, (m + 1) + m2 * (jy + 1), wn1, m + m2 * jy, m - 1);
        }
    }

    /** The row and column of the newest pair, over the current free and active sets. */
    private void newestProducts(CompactMemory mem) {
        int col = mem.col;
        int newest = mem.slot(col - 1);
        double[] yNew = mem.y[newest];
        double[] sNew = mem.s[newest];
        int iy = col - 1;
        int is = m + col - 1;
        for (int jy = 0; jy < col; jy++) {
            int slot = mem.slot(jy);
            double[] yj = mem.y[slot];
            double[] sj = mem.s[slot];
            double yy = 0;
            double sAs = 0;
            double sAy = 0;
            if (free == n) {
                for (int k = 0; k < n; k++) {
                    yy += yNew[k] * yj[k];
                }
            } else {
                for (int k = 0; k < free; k++) {
                    int i = index[k];
                    yy += yNew[i] * yj[i];
                }
                for (int k = free; k < n; k++) {
                    int i = index[k];
                    sAs += sNew[i] * sj[i];
                    sAy += sNew[i] * yj[i];
                }
            }
            setW(iy, jy, yy);
            setW(is, m + jy, sAs);
            setW(is, jy, sAy);
        }
        for (int i = 0; i < col; i++) {
            double[] si = mem.s[mem.slot(i)];
            double sZy = 0;
            if (free == n) {
                for (int k = 0; k < n; k++) {
                    sZy += si[k] * yNew[k];
                }
            } else {
                for (int k = 0; k < free; k++) {
                    int j = index[k];
                    sZy += si[j] * yNew[j];
                }
            }
            setW(m + i, iy, sZy);
        }
    }

    /** Corrects the products of the first {@code upcl} pairs for the variables that entered or left the free set. */
    private void correctForChangedSets(CompactMemory mem, int upcl) {
        if (entering == 0 && leaving == n) {
            return;
        }
        for (int iy = 0; iy < upcl; iy++) {
            double[] yi = mem.y[mem.slot(iy)];
            double[] si = mem.s[mem.slot(iy)];
            for (int jy = 0; jy <= iy; jy++) {
                double[] yj = mem.y[mem.slot(jy)];
                double[] sj = mem.s[mem.slot(jy)];
                double yyIn = 0;
                double ssIn = 0;
                double yyOut = 0;
                double ssOut = 0;
                for (int k = 0; k < entering; k++) {
                    int i = changed[k];
                    yyIn += yi[i] * yj[i];
                    ssIn += si[i] * sj[i];
                }
                for (int k = leaving; k < n; k++) {
                    int i = changed[k];
                    yyOut += yi[i] * yj[i];
                    ssOut += si[i] * sj[i];
                }
                setW(iy, jy, w(iy, jy) + yyIn - yyOut);
                setW(m + iy, m + jy, w(m + iy, m + jy) - ssIn + ssOut);
            }
        }
        for (int iy = 0; iy < upcl; iy++) {
            double[] si = mem.s[mem.slot(iy)];
            for (int jy = 0; jy < upcl; jy++) {
                double[] yj = mem.y[mem.slot(jy)];
                double in = 0;
                double out = 0;
                for (int k = 0; k < entering; k++) {
                    int i = changed[k];
                    in += si[i] * yj[i];
                }
                for (int k = leaving; k < n; k++) {
                    int i = changed[k];
                    out += si[i] * yj[i];
                }
                // Upper part (iy ≤ jy) is over free variables, strictly lower part over active ones.
                double delta = iy <= jy ? in - out : out - in;
                setW(m + iy, jy, w(m + iy, jy) + delta);
            }
        }
    }

    /** Every product afresh over the current free and active sets: O(m²n), used after a reset of the bookkeeping. */
    private void recomputeProducts(CompactMemory mem) {
        int col = mem.col;
        for (int iy = 0; iy < col; iy++) {
            double[] yi = mem.y[mem.slot(iy)];
            double[] si = mem.s[mem.slot(iy)];
            for (int jy = 0; jy < col; jy++) {
                double[] yj = mem.y[mem.slot(jy)];
                double[] sj = mem.s[mem.slot(jy)];
                double yZy = 0;
                double sZy = 0;
                for (int k = 0; k < free; k++) {
                    int i = index[k];
                    yZy += yi[i] * yj[i];
                    sZy += si[i] * yj[i];
                }
                double sAs = 0;
                double sAy = 0;
                for (int k = free; k < n; k++) {
                    int i = index[k];
                    sAs += si[i] * sj[i];
                    sAy += si[i] * yj[i];
                }
                if (jy <= iy) {
                    setW(iy, jy, yZy);
                    setW(m + iy, m + jy, sAs);
                }
                setW(m + iy, jy, iy <= jy ? sZy : sAy);
            }
        }
    }

    /** K = RᵀER: L₁₁L₁₁ᵀ = D + YᵀZZᵀY/θ, X = L₁₁⁻¹(R_Zᵀ − L_Aᵀ), L₂₂L₂₂ᵀ = θSᵀAAᵀS + XᵀX. */
    private boolean factorK(CompactMemory mem) {
        int col = mem.col;
        double theta = mem.theta;
        l11.reshape(col, col);
        x12.reshape(col, col);
        l22.reshape(col, col);
        double[] a = l11.data;
        double[] x = x12.data;
        double[] b = l22.data;
        for (int i = 0; i < col; i++) {
            for (int j = 0; j <= i; j++) {
                double v = w(i, j) / theta;
                a[i * col + j] = v;
                a[j * col + i] = v;
                double u = w(m + i, m + j) * theta;
                b[i * col + j] = u;
                b[j * col + i] = u;
            }
            a[i * col + i] += mem.sy[i + m * i];
        }
        // Row j, column i of the upper-right block of −K: the stored SᵀY products with the sign of R_Zᵀ − L_Aᵀ.
        for (int i = 0; i < col; i++) {
            for (int j = 0; j < col; j++) {
                double v = w(m + i, j);
                x[j * col + i] = j < i ? -v : v;
            }
        }
        if (!cholesky.decompose(l11)) {
            return false;
        }
        for (int j = 0; j < col; j++) {
            for (int i = 0; i < col; i++) {
                column[i] = x[i * col + j];
            }
            TriangularSolver_DDRM.solveL(l11.data, column, col);
            for (int i = 0; i < col; i++) {
                x[i * col + j] = column[i];
            }
        }
        for (int i = 0; i < col; i++) {
            for (int j = 0; j < col; j++) {
                double v = 0;
                for (int k = 0; k < col; k++) {
                    v += x[k * col + i] * x[k * col + j];
                }
                b[i * col + j] += v;
            }
        }
        return cholesky.decompose(l22);
    }

    /** v ← K⁻¹v (length 2·col) through K = RᵀER. */
    private void solveK(double[] v, int col) {
        double[] x = x12.data;
        // Rᵀz = v: L₁₁z₁ = v₁, L₂₂z₂ = v₂ − Xᵀz₁.
        System.arraycopy(v, 0, column, 0, col);
        TriangularSolver_DDRM.solveL(l11.data, column, col);
        for (int i = 0; i < col; i++) {
            v[i] = column[i];
        }
        for (int i = 0; i < col; i++) {
            double s = v[col + i];
            for (int k = 0; k < col; k++) {
                s -= x[k * col + i] * v[k];
            }
            column[i] = s;
        }
        TriangularSolver_DDRM.solveL(l22.data, column, col);
        // E: negate z₁. Then Rw = Ez: L₂₂ᵀw₂ = z₂, L₁₁ᵀw₁ = −z₁ − Xw₂.
        TriangularSolver_DDRM.solveTranL(l22.data, column, col);
        for (int i = 0; i < col; i++) {
            v[col + i] = column[i];
        }
        for (int i = 0; i < col; i++) {
            double s = -v[i];
            for (int k = 0; k < col; k++) {
                s -= x[i * col + k] * v[col + k];
            }
            column[i] = s;
        }
        TriangularSolver_DDRM.solveTranL(l11.data, column, col);
        System.arraycopy(column, 0, v, 0, col);
    }

    /**
     * L-BFGS-B's {@code cmprlb} and {@code subsm}: on entry {@code z} is the Cauchy point; on exit it is
     * the (projected, possibly backtracked) subspace minimiser.
     *
     * @param c     Wᵀ(xᶜ − x) from the Cauchy search
     * @param fresh whether the Cauchy point is x itself with no bounds anywhere (then r = −g)
     */
    void minimize(double[] x, double[] g, double[] lower, double[] upper, CompactMemory mem, double[] c, boolean fresh, double[] z,
            double[] work2m) {
        hitBound = false;
        backtracked = false;
        int col = mem.col;
        double theta = mem.theta;
        // Reduced gradient of the model at xᶜ: r = −Zᵀ(g + θ(xᶜ − x) − WMc).
        if (fresh) {
            for (int i = 0; i < n; i++) {
                r[i] = -g[i];
            }
        } else {
            for (int k = 0; k < free; k++) {
                int i = index[k];
                r[k] = -theta * (z[i] - x[i]) - g[i];
            }
            mem.multiplyM(c, work2m);
            for (int j = 0; j < col; j++) {
                int slot = mem.slot(j);
                double a1 = work2m[j];
                double a2 = theta * work2m[col + j];
                double[] yj = mem.y[slot];
                double[] sj = mem.s[slot];
                for (int k = 0; k < free; k++) {
                    int i = index[k];
                    r[k] += yj[i] * a1 + sj[i] * a2;
                }
            }
        }
        if (free == 0) {
            return;
        }
        boolean all = free == n;
        // wv = WᵀZr, then wv ← K⁻¹wv, then d = (1/θ)r + (1/θ²)ZᵀW·wv.
        for (int j = 0; j < col; j++) {
            int slot = mem.slot(j);
            double[] yj = mem.y[slot];
            double[] sj = mem.s[slot];
            double ty = 0;
            double ts = 0;
            if (all) {
                for (int k = 0; k < n; k++) {
                    ty += yj[k] * r[k];
                    ts += sj[k] * r[k];
                }
            } else {
                for (int k = 0; k < free; k++) {
                    int i = index[k];
                    ty += yj[i] * r[k];
                    ts += sj[i] * r[k];
                }
            }
            wv[j] = ty;
            wv[col + j] = theta * ts;
        }
        solveK(wv, col);
        for (int j = 0; j < col; j++) {
            int slot = mem.slot(j);
            double[] yj = mem.y[slot];
            double[] sj = mem.s[slot];
            double a = wv[j] / theta;
            double b = wv[col + j];
            if (all) {
                for (int k = 0; k < n; k++) {
                    r[k] += yj[k] * a + sj[k] * b;
                }
            } else {
                for (int k = 0; k < free; k++) {
                    int i = index[k];
                    r[k] += yj[i] * a + sj[i] * b;
                }
            }
        }
        double inv = 1 / theta;
        System.arraycopy(z, 0, xp, 0, n);
        // Project xᶜ + d onto the box.
        for (int k = 0; k < free; k++) {
            int i = all ? k : index[k];
            double dk = r[k] * inv;
            r[k] = dk;
            double target = Math.min(upper[i], Math.max(lower[i], z[i] + dk));
            if (target == lower[i] || target == upper[i]) {
                hitBound = true;
            }
            z[i] = target;
        }
        if (!hitBound) {
            return;
        }
        double slope = 0;
        for (int i = 0; i < n; i++) {
            slope += (z[i] - x[i]) * g[i];
        }
        if (slope <= 0) {
            return;
        }
        // The projected step goes uphill: take the longest feasible step along d from xᶜ instead.
        backtracked = true;
        System.arraycopy(xp, 0, z, 0, n);
        double alpha = 1;
        double temp1 = 1;
        int ibd = 0;
        for (int k = 0; k < free; k++) {
            int i = index[k];
            double dk = r[k];
            if (dk < 0 && lower[i] > Double.NEGATIVE_INFINITY) {
                double temp2 = lower[i] - z[i];
                if (temp2 >= 0) {
                    temp1 = 0;
                } else if (dk * alpha < temp2) {
                    temp1 = temp2 / dk;
                }
            } else if (dk > 0 && upper[i] < Double.POSITIVE_INFINITY) {
                double temp2 = upper[i] - z[i];
                if (temp2 <= 0) {
                    temp1 = 0;
                } else if (dk * alpha > temp2) {
                    temp1 = temp2 / dk;
                }
            }
            if (temp1 < alpha) {
                alpha = temp1;
                ibd = k;
            }
        }
        if (alpha < 1) {
            double dk = r[ibd];
            int i = index[ibd];
            if (dk > 0) {
                z[i] = upper[i];
                r[ibd] = 0;
            } else if (dk < 0) {
                z[i] = lower[i];
                r[ibd] = 0;
            }
        }
        for (int k = 0; k < free; k++) {
            int i = index[k];
            z[i] += alpha * r[k];
        }
    }
}
