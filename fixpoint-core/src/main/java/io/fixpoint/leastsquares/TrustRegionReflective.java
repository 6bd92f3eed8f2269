package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.LeastSquaresProblem;

/**
 * Trust Region Reflective for simple bounds, after Branch, Coleman &amp; Li (1999) as SciPy's
 * {@code least_squares(method='trf', x_scale='jac')} implements it: variables scaled by d = √v/D
 * (Coleman–Li: v is the distance to the bound the gradient points at; D the column norms of J, as
 * MINPACK scales), the augmented subproblem [J·diag(d); diag(√(g∘dv)/D)] solved exactly by SVD, and the step chosen, by the model's value, among
 * the trust-region step (cut back to stay strictly inside the box), its reflection off the first
 * bound it hits, and the scaled steepest-descent step. The radius follows lmder's rules (shared
 * with the other methods) rather than SciPy's. Without bounds it is Levenberg–Marquardt in
 * MINPACK's scaling.
 */
public final class TrustRegionReflective extends TrustRegionSolver<TrustRegionReflective.State> {

    public TrustRegionReflective(StopRules rules) {
        super(rules);
    }

    public TrustRegionReflective() {
        this(StopRules.DEFAULT);
    }

    @Override
    public String name() {
        return "trf";
    }

    @Override
    boolean supportsBounds() {
        return true;
    }

    /**
     * The trust region and the reflective method's workspaces. Its scaling d = √v/D is kept in
     * {@code inverseScale} (J·diag(d) is what the SVD factorises) and 1/d in {@code scale}.
     */
    public static final class State extends RegionState {
        /** MINPACK's column norms D, and the diagonal h = g∘dv/D² of the Coleman–Li term. */
        final double[] columns;
        final double[] h;
        /** The scaled trust-region step p_h, its reflection r_h and the scaled steepest-descent step. */
        final double[] ph;
        final double[] rh;
        final double[] descent;
        /** The point on the bound, the unscaled d∘p of the model, and J applied to a second vector. */
        final double[] onBound;
        final double[] unscaled;
        final double[] jq;
        /** The coefficients a, b of the model along a line. */
        final double[] line = new double[2];

        State(LeastSquaresProblem problem, double[] x0) {
            super(problem, x0, true);
            columns = new double[n];
            h = new double[n];
            ph = new double[n];
            rh = new double[n];
            descent = new double[n];
            onBound = new double[n];
            unscaled = new double[n];
            jq = new double[m];
        }
    }

    @Override
    State newState(LeastSquaresProblem problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    boolean prepare(State s) {
        double[] d = s.inverseScale;
        double[] h = s.h;
        double[] columns = s.columns;
        s.updateColumnScaling(columns);
        for (int j = 0; j < s.n; j++) {
            double v = 1;
            double dv = 0;
            if (s.bounds != null) {
                if (s.g[j] < 0 && Double.isFinite(s.bounds.upper()[j])) {
                    v = s.bounds.upper()[j] - s.x[j];
                    dv = -1;
                } else if (s.g[j] > 0 && Double.isFinite(s.bounds.lower()[j])) {
                    v = s.x[j] - s.bounds.lower()[j];
                    dv = 1;
                }
            }
            d[j] = Math.sqrt(v) / columns[j];
            h[j] = s.g[j] * dv / (columns[j] * columns[j]);
            s.scale[j] = 1 / d[j];
        }
        return s.svd.decompose(s.jac, d, h, s.r);
    }

    @Override
    double initialRadius(State s) {
        double xn = LeastSquaresState.scaledNorm(s.scale, s.x);
        return xn > 0 ? xn : 1;
    }

    @Override
    double trialStep(LeastSquaresProblem problem, State s) {
        double[] d = s.inverseScale;
        double[] ph = s.ph;
        double delta = s.radius;
        s.lambda = s.svd.trustRegion(delta, s.lambda, ph);
        for (int j = 0; j < s.n; j++) {
            s.step[j] = d[j] * ph[j];
        }
        Bounds b = s.bounds;
        if (b == null || inside(s.x, s.step, b)) {
            Vectors.copy(ph, s.scaledStep);
            return -quadratic(s, ph);
        }
        double theta = Math.max(0.995, 1 - s.optimality);
        double[] rh = s.rh;
        double[] ag = s.descent;
        double[] tmp = s.onBound;

        // 1. the step cut at the first bound it meets, and its reflection from there
        double stride = strideToBound(s.x, s.step, b, rh);  // rh temporarily marks the hit components
        for (int j = 0; j < s.n; j++) {
            double mark = rh[j];
            rh[j] = mark != 0 ? -ph[j] : ph[j];
            ph[j] *= stride;
            tmp[j] = s.x[j] + d[j] * ph[j]; // the point on the bound
        }
        double toTr = toTrustRegion(ph, rh, delta);
        for (int j = 0; j < s.n; j++) {
            s.work[j] = d[j] * rh[j];
        }
        double toBound = strideToBound(tmp, s.work, b, null);
        double rStride = Math.min(toBound, toTr);
        double rValue = Double.POSITIVE_INFINITY;
        if (rStride > 0) {
            double lo = (1 - theta) * stride / rStride;
            double hi = rStride == toBound ? theta * toBound : toTr;
            if (lo <= hi) {
                // q(ph + t·rh) = a t² + b t + c
                double c0 = quadratic(s, ph);
                double[] abc = along(s, ph, rh);
                double t = minimise1d(abc[0], abc[1], lo, hi);
                rValue = abc[0] * t * t + abc[1] * t + c0;
                for (int j = 0; j < s.n; j++) {
                    rh[j] = ph[j] + t * rh[j];
                }
            }
        }
        // 2. the cut step, pulled strictly inside
        Vectors.scale(theta, ph);
        double pValue = quadratic(s, ph);

        // 3. scaled steepest descent, cut at the region and the bounds
        for (int j = 0; j < s.n; j++) {
            ag[j] = -d[j] * s.g[j];
            s.work[j] = d[j] * ag[j];
        }
        double agNorm = Vectors.norm(ag);
        double agStride = agNorm > 0 ? delta / agNorm : 0;
        double agBound = strideToBound(s.x, s.work, b, null);
        agStride = agBound < agStride ? theta * agBound : agStride;
        double[] ab = along(s, null, ag);
        double ta = minimise1d(ab[0], ab[1], 0, agStride);
        double agValue = ab[0] * ta * ta + ab[1] * ta;
        Vectors.scale(ta, ag);

        double[] best = pValue < rValue && pValue < agValue ? ph : (rValue < agValue ? rh : ag);
        double value = best == ph ? pValue : (best == rh ? rValue : agValue);
        Vectors.copy(best, s.scaledStep);
        for (int j = 0; j < s.n; j++) {
            s.step[j] = d[j] * best[j];
        }
        return -value;
    }

    @Override
    void trialPoint(State s) {
        super.trialPoint(s);
        if (s.bounds != null) {
            for (int j = 0; j < s.n; j++) {
                double lo = s.bounds.lower()[j];
                double hi = s.bounds.upper()[j];
                if (s.xTrial[j] <= lo) {
                    s.xTrial[j] = Math.nextUp(lo);
                } else if (s.xTrial[j] >= hi) {
                    s.xTrial[j] = Math.nextDown(hi);
                }
            }
        }
    }

    /** The model q(ph) = ½‖J_h ph‖² + ½ phᵀdiag(h)ph + g_hᵀph in the scaled variables. */
    private static double quadratic(State s, double[] ph) {
        double[] d = s.inverseScale;
        double[] h = s.h;
        double[] u = s.unscaled;
        double q = 0;
        for (int j = 0; j < s.n; j++) {
            u[j] = d[j] * ph[j];
            q += 0.5 * h[j] * ph[j] * ph[j] + s.g[j] * u[j];
        }
        s.multiply(u, s.jp);
        return q + 0.5 * Vectors.dot(s.jp, s.jp);
    }

    /** Coefficients a, b of q(s0 + t·dir) − q(s0) = a t² + b t (s0 null means 0), into a workspace. */
    private static double[] along(State s, double[] s0, double[] dir) {
        double[] ab = s.line;
        double[] d = s.inverseScale;
        double[] h = s.h;
        double[] u = s.unscaled;
        for (int j = 0; j < s.n; j++) {
            u[j] = d[j] * dir[j];
        }
        s.multiply(u, s.jp);
        double a = 0.5 * Vectors.dot(s.jp, s.jp);
        double b = 0;
        for (int j = 0; j < s.n; j++) {
            a += 0.5 * h[j] * dir[j] * dir[j];
            b += s.g[j] * d[j] * dir[j];
        }
        if (s0 != null) {
            for (int j = 0; j < s.n; j++) {
                u[j] = d[j] * s0[j];
            }
            s.multiply(u, s.jq);
            b += Vectors.dot(s.jp, s.jq);
            for (int j = 0; j < s.n; j++) {
                b += h[j] * s0[j] * dir[j];
            }
        }
        ab[0] = a;
        ab[1] = b;
        return ab;
    }

    private static double minimise1d(double a, double b, double lo, double hi) {
        double best = lo;
        double bestValue = a * lo * lo + b * lo;
        double vHi = a * hi * hi + b * hi;
        if (vHi < bestValue) {
            best = hi;
            bestValue = vHi;
        }
        if (a > 0) {
            double t = -b / (2 * a);
            if (t > lo && t < hi && a * t * t + b * t < bestValue) {
                best = t;
            }
        }
        return best;
    }

    private static boolean inside(double[] x, double[] p, Bounds b) {
        for (int j = 0; j < x.length; j++) {
            double y = x[j] + p[j];
            if (!(y > b.lower()[j] && y < b.upper()[j])) {
                return false;
            }
        }
        return true;
    }

    /** The largest t ≤ ∞ with x + t·p in the box; marks the components that hit it in {@code hits} (if given). */
    private static double strideToBound(double[] x, double[] p, Bounds b, double[] hits) {
        double t = Double.POSITIVE_INFINITY;
        for (int j = 0; j < x.length; j++) {
            double tj = p[j] > 0 ? (b.upper()[j] - x[j]) / p[j] : p[j] < 0 ? (b.lower()[j] - x[j]) / p[j] : Double.POSITIVE_INFINITY;
            t = Math.min(t, tj);
        }
        if (hits != null) {
            for (int j = 0; j < x.length; j++) {
                double tj = p[j] > 0 ? (b.upper()[j] - x[j]) / p[j] : p[j] < 0 ? (b.lower()[j] - x[j]) / p[j] : Double.POSITIVE_INFINITY;
                hits[j] = tj == t ? 1 : 0;
            }
        }
        return Math.max(0, t);
    }

    /** The positive t with ‖x + t·dir‖ = Δ. */
    private static double toTrustRegion(double[] x, double[] dir, double delta) {
        double a = Vectors.dot(dir, dir);
        double b = Vectors.dot(x, dir);
        double c = Vectors.dot(x, x) - delta * delta;
        if (a == 0) {
            return 0;
        }
        double disc = Math.sqrt(Math.max(0, b * b - a * c));
        return (-b + disc) / a;
    }
}
