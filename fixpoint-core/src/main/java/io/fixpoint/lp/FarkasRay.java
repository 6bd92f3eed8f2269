package io.fixpoint.lp;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;

/**
 * A ray that certifies infeasibility, checked in double precision with rounding errors bounded.
 *
 * <p><b>Primal infeasibility</b> (a Farkas ray of the dual): y with y_i &gt; 0 only on rows with a
 * finite lower bound and y_i &lt; 0 only on finite upper bounds, and λ = −Aᵀy. For any feasible x,
 * 0 = yᵀAx + λᵀx ≥ D − Σ_bad |λ_j|·|x_j|, where D = Σ (l_c,i y_i⁺ − u_c,i y_i⁻) + Σ_ok (l_j λ_j⁺ −
 * u_j λ_j⁻) is the ray's dual objective and "bad" are the columns whose λ_j needs an infinite bound.
 * So D &gt; 0 proves that no feasible point has ‖x‖∞ &lt; D / Σ_bad|λ_j| (none at all when that sum
 * is zero).
 *
 * <p><b>Dual infeasibility</b> (a primal ray): d with d_j &gt; 0 only where u_j = ∞ and d_j &lt; 0 only
 * where l_j = −∞, and cᵀd &lt; 0. Every dual-feasible (y, λ) has cᵀd = yᵀAd + λᵀd ≥ −Σ_bad |y_i|·|(Ad)_i|,
 * "bad" being rows where Ad leaves the row's recession cone, so no dual point has ‖y‖∞ &lt;
 * |cᵀd| / Σ_bad |(Ad)_i|; a feasible primal is then unbounded along d.
 *
 * <p>The check first moves the ray into its sign cone (which keeps it a ray), computes the products,
 * bounds the rounding error of each entry of Aᵀy (or Ad) by (k+2)·u·Σ|a_ij||v_i| and counts it
 * against the certificate. It accepts when the objective stays positive after rounding and the
 * violation is at most {@code tolerance} times the objective, i.e. the certified radius is at least
 * 1/tolerance.
 *
 * @param ray        the ray, moved into its sign cone
 * @param objective  D for a dual ray, −cᵀd for a primal ray, lowered by its rounding bound
 * @param violation  the violating mass, raised by its rounding bound
 * @param valid      whether the ray certifies infeasibility at the tolerance
 */
public record FarkasRay(double[] ray, double objective, double violation, boolean valid) {
    private static final double UNIT = 0x1p-53;

    /** No point (primal for a dual ray, dual for a primal ray) lies within this max-norm radius. */
    public double radius() {
        return violation == 0 ? Double.POSITIVE_INFINITY : objective / violation;
    }

    /** Checks y as a certificate that the program has no feasible point. */
    public static FarkasRay ofDualRay(LinearProgram lp, double[] candidate, double tolerance, ParallelExecutor executor) {
        double[] rlo = lp.constraintLower();
        double[] rhi = lp.constraintUpper();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        int m = candidate.length;
        double[] y = new double[m];
        double scale = 0;
        for (int i = 0; i < m; i++) {
            y[i] = KktError.allowed(candidate[i], rlo[i], rhi[i]);
            scale = Math.max(scale, Math.abs(y[i]));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return new FarkasRay(y, 0, 0, false);
        }
        for (int i = 0; i < m; i++) {
            y[i] /= scale;
        }
        double[] aty = new double[lp.dimension()];
        lp.multiplyTransposed(y, aty, executor);
        double[] err = roundingBounds(lp.matrix().columnStart(), lp.matrix().columnRow(), lp.matrix().columnValue(), y);
        double d = 0;
        double terms = 0;
        for (int i = 0; i < m; i++) {
            double t = KktError.objectiveTerm(y[i], rlo[i], rhi[i]);
            d += t;
            terms += Math.abs(t);
        }
        double bad = 0;
        for (int j = 0; j < aty.length; j++) {
            double lambda = -aty[j];
            double ok = KktError.allowed(lambda, lo[j], hi[j]);
            double t = KktError.objectiveTerm(ok, lo[j], hi[j]);
            d += t;
            terms += Math.abs(t);
            bad += Math.abs(lambda - ok);
            // the true λ_j lies within err_j of the computed one: charge it to the objective through the
            // bound it multiplies, and to the violation where a bound is infinite
            double reach = Math.max(finiteOrZero(lo[j]), finiteOrZero(hi[j]));
            d -= err[j] * reach;
            if (lo[j] == Double.NEGATIVE_INFINITY || hi[j] == Double.POSITIVE_INFINITY) {
                bad += err[j];
            }
        }
        d -= 2 * (m + aty.length + 1) * UNIT * terms;
        return new FarkasRay(y, d, bad, d > 0 && bad <= tolerance * d);
    }

    /** Checks d as a certificate that the dual has no feasible point. */
    public static FarkasRay ofPrimalRay(LinearProgram lp, double[] candidate, double tolerance, ParallelExecutor executor) {
        double[] rlo = lp.constraintLower();
        double[] rhi = lp.constraintUpper();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        double[] c = lp.objective();
        int n = candidate.length;
        double[] d = new double[n];
        double scale = 0;
        for (int j = 0; j < n; j++) {
            double v = candidate[j];
            d[j] = v > 0 && hi[j] == Double.POSITIVE_INFINITY || v < 0 && lo[j] == Double.NEGATIVE_INFINITY ? v : 0;
            scale = Math.max(scale, Math.abs(d[j]));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return new FarkasRay(d, 0, 0, false);
        }
        double descent = 0;
        double terms = 0;
        for (int j = 0; j < n; j++) {
            d[j] /= scale;
            descent -= c[j] * d[j];
            terms += Math.abs(c[j] * d[j]);
        }
        descent -= (n + 1) * UNIT * terms;
        double[] ad = new double[lp.constraints()];
        lp.multiply(d, ad, executor);
        double[] err = roundingBounds(lp.matrix().rowStart(), lp.matrix().rowColumn(), lp.matrix().rowValue(), d);
        double bad = 0;
        for (int i = 0; i < ad.length; i++) {
            double v = ad[i];
            if (v > 0 && rhi[i] < Double.POSITIVE_INFINITY || v < 0 && rlo[i] > Double.NEGATIVE_INFINITY) {
                bad += Math.abs(v);
            }
            if (rlo[i] > Double.NEGATIVE_INFINITY || rhi[i] < Double.POSITIVE_INFINITY) {
                bad += err[i];
            }
        }
        return new FarkasRay(d, descent, bad, descent > 0 && bad <= tolerance * descent);
    }

    /** (k+2)·u·Σ|a||v| for each compressed line of k entries: a bound on the rounding error of its dot product. */
    private static double[] roundingBounds(int[] start, int[] index, double[] value, double[] v) {
        double[] e = new double[start.length - 1];
        for (int i = 0; i < e.length; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += Math.abs(value[k] * v[index[k]]);
            }
            e[i] = (start[i + 1] - start[i] + 2) * UNIT * s * (1 + 1e-10);
        }
        return e;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }
}
