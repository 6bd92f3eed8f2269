package io.fixpoint.constrained;

import io.fixpoint.problem.Bounds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first-order (Karush–Kuhn–Tucker) residuals of a point x and multipliers y = (λ, μ) of
 * min f(x) s.t. g(x) = 0, h(x) ≤ 0, lower ≤ x ≤ upper, all in the max-norm:
 *
 * <ul>
 *   <li>stationarity ‖P(x − ∇ₓL) − x‖∞ with ∇ₓL = ∇f + Jᵀy and P the projection onto the bounds:
 *       zero exactly when ∇ₓL is balanced by bound multipliers of the right sign (for no bounds,
 *       ‖∇ₓL‖∞);</li>
 *   <li>feasibility max(|gᵢ|, max(hⱼ, 0), the distance of x outside its bounds);</li>
 *   <li>complementarity max |min(μⱼ, −hⱼ)|: zero exactly when μⱼ ≥ 0, hⱼ ≤ 0 and μⱼhⱼ = 0 (the
 *       "min" complementarity function; unlike |μⱼhⱼ| it does not grow with the scale of μ).</li>
 * </ul>
 *
 * A constrained solver's certificate is the largest of the three, evaluated at the returned point.
 */
public record KktResiduals(double stationarity, double feasibility, double complementarity) {

    /** The certificate: the largest residual. */
    public double max() {
        return Math.max(stationarity, Math.max(feasibility, complementarity));
    }

    /** The three residuals by name, for reports and JSON. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationarity", stationarity);
        m.put("feasibility", feasibility);
        m.put("complementarity", complementarity);
        return m;
    }

    /**
     * The residuals at x from the values there: ∇f {@code g}, c(x) = (g(x), h(x)) {@code c} with the
     * first {@code p} entries equalities, the Jacobian {@code jac} (row-major m×n) and multipliers
     * {@code y}. {@code work} (length n) receives ∇ₓL.
     */
    public static KktResiduals of(Bounds bounds, int p, double[] x, double[] g, double[] c, double[] jac, double[] y, double[] work) {
        int n = x.length;
        System.arraycopy(g, 0, work, 0, n);
        for (int i = 0; i < c.length; i++) {
            double yi = y[i];
            if (yi != 0) {
                for (int j = 0; j < n; j++) {
                    work[j] += yi * jac[i * n + j];
                }
            }
        }
        double[] lo = bounds.lower();
        double[] hi = bounds.upper();
        double stationarity = 0;
        double outside = 0;
        for (int j = 0; j < n; j++) {
            double projected = Math.min(hi[j], Math.max(lo[j], x[j] - work[j]));
            stationarity = Math.max(stationarity, Math.abs(projected - x[j]));
            outside = Math.max(outside, Math.max(lo[j] - x[j], x[j] - hi[j]));
        }
        return new KktResiduals(stationarity, Math.max(outside, violation(p, c)), complementarity(p, c, y));
    }

    /** max(|gᵢ|, max(hⱼ, 0)). */
    static double violation(int p, double[] c) {
        double v = 0;
        for (int i = 0; i < c.length; i++) {
            v = Math.max(v, i < p ? Math.abs(c[i]) : Math.max(c[i], 0));
        }
        return v;
    }

    private static double complementarity(int p, double[] c, double[] y) {
        double v = 0;
        for (int i = p; i < c.length; i++) {
            v = Math.max(v, Math.abs(Math.min(y[i], -c[i])));
        }
        return v;
    }
}
