package io.fixpoint.bounded;

/**
 * The generalized Cauchy point of L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995, §4; the routine
 * {@code cauchy} of L-BFGS-B 3.0): the first local minimiser of the quadratic model
 * m(x) = gᵀ(x − xₖ) + ½(x − xₖ)ᵀB(x − xₖ) along the projected steepest-descent path
 * x(t) = P(xₖ − t·g). The path is piecewise linear; its breakpoints are visited in increasing order
 * (a heap, so only the segments examined are sorted) while the model's first and second derivatives
 * f′, f″ along the current segment are updated in O(m) per breakpoint from the compact form of B.
 *
 * <p>It also leaves {@code c = Wᵀ(xᶜ − xₖ)}, which the subspace minimisation needs, and classifies
 * every variable in {@code where}: {@link #UNBOUNDED} (no finite bound), {@link #FREE}, {@link #FREE_STILL}
 * (between its bounds with zero gradient), {@link #AT_LOWER} or {@link #AT_UPPER}.
 */
final class CauchyPoint {
    static final byte UNBOUNDED = -1;
    static final byte FREE = 0;
    static final byte FREE_STILL = -3;
    static final byte AT_LOWER = 1;
    static final byte AT_UPPER = 2;
    private static final double EPS = Math.ulp(1.0);

    /** Breakpoints tᵢ and the variables they belong to (a heap once sorting starts). */
    private final double[] t;
    private final int[] order;
    /** The steepest-descent direction, zeroed as variables reach their bounds. */
    private final double[] d;
    /** p = Wᵀd, c = Wᵀ(xᶜ − x), and two work vectors, each of length 2m. */
    final double[] p;
    final double[] c;
    private final double[] wbp;
    private final double[] v;
    /** Segments of the path explored by the last call. */
    int segments;

    CauchyPoint(int n, int m) {
        t = new double[n];
        order = new int[n];
        d = new double[n];
        p = new double[2 * m];
        c = new double[2 * m];
        wbp = new double[2 * m];
        v = new double[2 * m];
    }

    /**
     * Writes the generalized Cauchy point into {@code xcp} and updates {@code where}.
     *
     * @param projectedGradientZero whether P(x − g) = x, in which case xᶜ = x
     */
    void compute(double[] x, double[] g, double[] lower, double[] upper, byte[] where, CompactMemory mem, boolean projectedGradientZero,
            double[] xcp) {
        int n = x.length;
        segments = 0;
        if (projectedGradientZero) {
            System.arraycopy(x, 0, xcp, 0, n);
            return;
        }
        int col = mem.col;
        int m = mem.m;
        double theta = mem.theta;
        boolean bounded = true;
        int nfree = n;
        int nbreak = -1;
        int ibkmin = 0;
        double bkmin = 0;
        double f1 = 0;
        java.util.Arrays.fill(p, 0, 2 * col, 0);
        for (int i = 0; i < n; i++) {
            double neggi = -g[i];
            boolean hasLower = lower[i] > Double.NEGATIVE_INFINITY;
            boolean hasUpper = upper[i] < Double.POSITIVE_INFINITY;
            double tl = 0;
            double tu = 0;
            if (where[i] != UNBOUNDED) {
                if (hasLower) {
                    tl = x[i] - lower[i];
                }
                if (hasUpper) {
                    tu = upper[i] - x[i];
                }
                boolean atLower = hasLower && tl <= 0;
                boolean atUpper = hasUpper && tu <= 0;
                where[i] = FREE;
                if (atLower) {
                    if (neggi <= 0) {
                        where[i] = AT_LOWER;
                    }
                } else if (atUpper) {
                    if (neggi >= 0) {
                        where[i] = AT_UPPER;
                    }
                } else if (Math.abs(neggi) <= 0) {
                    where[i] = FREE_STILL;
                }
            }
            if (where[i] != FREE && where[i] != UNBOUNDED) {
                d[i] = 0;
                continue;
            }
            d[i] = neggi;
            f1 -= neggi * neggi;
            for (int j = 0; j < col; j++) {
                int slot = mem.slot(j);
                p[j] += mem.y[slot][i] * neggi;
                p[col + j] += mem.s[slot][i] * neggi;
            }
            if (hasLower && neggi < 0) {
                nbreak++;
                order[nbreak] = i;
                t[nbreak] = tl / -neggi;
                if (nbreak == 0 || t[nbreak] < bkmin) {
                    bkmin = t[nbreak];
                    ibkmin = nbreak;
                }
            } else if (hasUpper && neggi > 0) {
                nbreak++;
                order[nbreak] = i;
                t[nbreak] = tu / neggi;
                if (nbreak == 0 || t[nbreak] < bkmin) {
                    bkmin = t[nbreak];
                    ibkmin = nbreak;
                }
            } else {
                nfree--;
                order[nfree] = i;
                if (Math.abs(neggi) > 0) {
                    bounded = false;
                }
            }
        }
        for (int j = 0; j < col; j++) {
            p[col + j] *= theta;
        }
        System.arraycopy(x, 0, xcp, 0, n);
        if (nbreak == -1 && nfree == n) {
            return; // −g is zero on every free variable
        }
        java.util.Arrays.fill(c, 0, 2 * col, 0);
        // f′ = f1 and f″ = f2 are the model's first and second derivatives along d at the segment start.
        double f2 = -theta * f1;
        double f2Original = f2;
        if (col > 0) {
            mem.multiplyM(p, v);
            f2 -= dot(v, p, 2 * col);
        }
        double dtm = -f1 / f2;
        double tsum = 0;
        segments = 1;
        int nleft = nbreak;
        int iter = 0;
        double tj = 0;
        while (nbreak > -1) {
            double tj0 = tj;
            int ibp;
            if (iter == 0) {
                tj = bkmin;
                ibp = order[ibkmin];
            } else {
                if (iter == 1 && ibkmin != nbreak) {
                    // The smallest breakpoint is used; move the last one into its place before heap sorting.
                    t[ibkmin] = t[nbreak];
                    order[ibkmin] = order[nbreak];
                }
                heapPop(nleft, iter - 1);
                tj = t[nleft];
                ibp = order[nleft];
            }
            double dt = tj - tj0;
            if (dtm < dt) {
                finish(xcp, Math.max(0, dtm), tsum, col);
                return; // the minimiser lies inside this segment
            }
            tsum += dt;
            nleft--;
            iter++;
            double dibp = d[ibp];
            d[ibp] = 0;
            double zibp;
            if (dibp > 0) {
                zibp = upper[ibp] - x[ibp];
                xcp[ibp] = upper[ibp];
                where[ibp] = AT_UPPER;
            } else {
                zibp = lower[ibp] - x[ibp];
                xcp[ibp] = lower[ibp];
                where[ibp] = AT_LOWER;
            }
            if (nleft == -1 && nbreak == n - 1) {
                // Every variable has reached a bound: xᶜ is this breakpoint.
                dtm = dt;
                if (col > 0) {
                    axpy(dtm, p, c, 2 * col);
                }
                return;
            }
            segments++;
            double dibp2 = dibp * dibp;
            f1 += dt * f2 + dibp2 - theta * dibp * zibp;
            f2 -= theta * dibp2;
            if (col > 0) {
                axpy(dt, p, c, 2 * col);
                for (int j = 0; j < col; j++) {
                    int slot = mem.slot(j);
                    wbp[j] = mem.y[slot][ibp];
                    wbp[col + j] = theta * mem.s[slot][ibp];
                }
                mem.multiplyM(wbp, v);
                double wmc = dot(c, v, 2 * col);
                double wmp = dot(p, v, 2 * col);
                double wmw = dot(wbp, v, 2 * col);
                axpy(-dibp, wbp, p, 2 * col);
                f1 += dibp * wmc;
                f2 += 2.0 * dibp * wmp - dibp2 * wmw;
            }
            f2 = Math.max(EPS * f2Original, f2);
            if (nleft >= 0) {
                dtm = -f1 / f2;
            } else if (bounded) {
                dtm = 0;
                break;
            } else {
                dtm = -f1 / f2;
                break;
            }
        }
        finish(xcp, Math.max(0, dtm), tsum, col);
    }

    /** xᶜ ← x + (tsum + dtm)·d on the free variables, c ← c + dtm·p. */
    private void finish(double[] xcp, double dtm, double tsum, int col) {
        double step = tsum + dtm;
        for (int i = 0; i < xcp.length; i++) {
            xcp[i] += step * d[i];
        }
        if (col > 0) {
            axpy(dtm, p, c, 2 * col);
        }
    }

    /**
     * L-BFGS-B's {@code hpsolb}: with {@code built} = 0 first arranges t[0..n] as a min-heap; then
     * moves the least element to t[n] and restores the heap on t[0..n−1].
     */
    private void heapPop(int n, int built) {
        if (built == 0) {
            for (int k = 2; k <= n + 1; k++) {
                double ddum = t[k - 1];
                int indxin = order[k - 1];
                int i = k;
                while (i > 1) {
                    int j = i / 2;
                    if (ddum < t[j - 1]) {
                        t[i - 1] = t[j - 1];
                        order[i - 1] = order[j - 1];
                        i = j;
                    } else {
                        break;
                    }
                }
                t[i - 1] = ddum;
                order[i - 1] = indxin;
            }
        }
        if (n > 0) {
            int i = 1;
            double out = t[0];
            int indxout = order[0];
            double ddum = t[n];
            int indxin = order[n];
            while (true) {
                int j = i + i;
                if (j > n) {
                    break;
                }
                if (t[j] < t[j - 1]) {
                    j++;
                }
                if (t[j - 1] < ddum) {
                    t[i - 1] = t[j - 1];
                    order[i - 1] = order[j - 1];
                    i = j;
                } else {
                    break;
                }
            }
            t[i - 1] = ddum;
            order[i - 1] = indxin;
            t[n] = out;
            order[n] = indxout;
        }
    }

    static double dot(double[] a, double[] b, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void axpy(double alpha, double[] x, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] += alpha * x[i];
        }
    }
}
