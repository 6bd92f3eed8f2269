package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.TrustRegion;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Arrays;
import java.util.Locale;

/**
 * Trust-region Newton–CG (Steihaug–Toint; Nocedal–Wright Algorithm 7.2): the model
 * m(p) = ∇fᵀp + ½pᵀ∇²f p is minimised inside ‖p‖ ≤ Δ by conjugate gradients on Hessian-vector
 * products only, stopped by the forcing tolerance ‖r‖ ≤ min(0.5, √‖∇f‖)·‖∇f‖ (superlinear local
 * convergence), by the boundary, or by a direction of non-positive curvature, which is followed to
 * the boundary. The {@link TrustRegion} judges each step; rejected steps are retried with the smaller
 * radius inside the same iteration, so every iteration moves.
 *
 * <p>Products B·v come from {@link Objective#hessianVector}. When the objective also provides its full
 * Hessian and n ≤ {@value #DENSE_LIMIT}, the Hessian is evaluated once per iteration instead and
 * multiplied densely, since a Hessian-vector product derived from the Hessian would evaluate it anew
 * for every CG step. Evaluated in passes (below), such an objective gives each trial point's Hessian
 * with its value and gradient ({@link Objective#valueGradientAndHessian}), so an iteration costs one pass.
 *
 * <p>When f is evaluated in passes over data ({@link Objective#evaluatedInPasses}: a finite sum's full
 * batch, where a gradient and every product cost one pass each), passes are spent as LIBLINEAR spends
 * them (Galli and Lin, "A study on truncated Newton methods for linear classification", IEEE TNNLS
 * 33(7), 2022): the value at a trial point comes with its gradient from the same pass, so an accepted
 * step costs one pass, not two; and CG stops on the model's decrease instead of its residual, at step
 * j when j·(m_j − m_{j−1}) ≥ η·m_j with the same η = min(0.5, √‖∇f‖), i.e. when the last step adds
 * less than η/j of the decrease made so far. The residual test is fooled by a gradient that lies mostly
 * along one outlying eigenvector of ∇²f (correlated features): one CG step removes that component and
 * the test stops with a step little better than steepest descent, costing another iteration.
 *
 * <p>Near a minimiser with |f*| ≫ 0 the predicted reduction falls below the rounding level of f and ρ
 * becomes noise; such a step is accepted when f does not rise beyond rounding and ‖∇f‖ decreases.
 */
public final class TrustRegionNewtonCg implements Solver<Objective, TrustRegionNewtonCg.State> {
    /** Subproblem solves per iteration before the solve is declared stalled. */
    static final int MAX_REJECTIONS = 60;
    /** A predicted reduction below this many ulps of f is lost in rounding. */
    static final double ROUNDING_ULPS = 64;
    /** Largest dimension at which a provided Hessian is formed once per iteration. */
    static final int DENSE_LIMIT = 1000;

    private final TrustRegion region;

    public TrustRegionNewtonCg() {
        this(new TrustRegion());
    }

    public TrustRegionNewtonCg(TrustRegion region) {
        this.region = region;
    }

    @Override
    public String name() {
        return "trust-newton-cg";
    }

    @Override
    public State init(Objective f, double[] x0) {
        SecondOrder.requireHessianVector(name(), f);
        return new State(f, x0, region.initialRadius(), f.hasHessian() && x0.length <= DENSE_LIMIT, f.evaluatedInPasses());
    }

    /** The gradient test holds: check the second-order condition there (see {@link SecondOrder#confirmMinimum}). */
    @Override
    public Verdict confirm(Objective f, State s) {
        return SecondOrder.confirmMinimum(f, s);
    }

    @Override
    public State step(Objective f, State s) {
        double gNorm = s.optimality;
        double eta = Math.min(0.5, Math.sqrt(gNorm));
        if (s.hessian != null && !s.hessianCurrent) {
            f.hessian(s.x, s.hessian);
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double predicted = -steihaug(f, s, eta);
            if (Double.isNaN(predicted)) {
                s.verdict = new Verdict(Status.NON_FINITE, "a Hessian(-vector) product is not finite at the current iterate");
                return s;
            }
            double pNorm = Vectors.norm(s.p);
            Vectors.addScaled(s.x, 1, s.p, s.xTrial);
            double fNew = s.hessianTrial != null ? f.valueGradientAndHessian(s.xTrial, s.gTrial, s.hessianTrial)
                    : s.inPasses ? f.valueAndGradient(s.xTrial, s.gTrial) : f.value(s.xTrial);
            double noise = ROUNDING_ULPS * Math.ulp(s.value);
            if (predicted < noise && Double.isFinite(fNew) && fNew <= s.value + noise) {
                // Values cannot resolve a decrease this small: judge the step by the gradient instead.
                trialGradient(f, s);
                if (Vectors.norm(s.gTrial) < gNorm) {
                    s.lastRatio = Double.NaN;
                    s.acceptTrial(fNew, pNorm);
                    return s;
                }
            }
            double rho = TrustRegion.ratio(s.value - fNew, predicted);
            s.lastRatio = rho;
            s.radius = region.update(s.radius, rho, pNorm);
            if (region.accepts(rho)) {
                trialGradient(f, s);
                s.acceptTrial(fNew, pNorm);
                return s;
            }
            s.rejections++;
            if (s.radius <= 1e-15 * Math.max(1, Vectors.norm(s.x))) {
                break;
            }
        }
        s.verdict = new Verdict(Status.STALLED, "the trust region collapsed (radius " + String.format(Locale.ROOT, "%.3g", s.radius)
                + ") without an acceptable step");
        return s;
    }

    /** ∇f at the trial point, unless it came with the value. */
    private static void trialGradient(Objective f, State s) {
        if (!s.inPasses) {
            f.gradient(s.xTrial, s.gTrial);
        }
    }

    /**
     * Steihaug–Toint CG for min m(p), ‖p‖ ≤ Δ, writing p into {@code s.p}; an interior stop by the
     * forcing term η, on the residual (‖r‖ ≤ η‖∇f‖) or on the model's decrease (see the class note).
     *
     * @return the model value m(p) (NaN when a Hessian-vector product is not finite), tracked exactly through m(z + τd) = m(z) + τ·rᵀd + ½τ²·dᵀBd
     */
    private static double steihaug(Objective f, State s, double eta) {
        int n = s.x.length;
        double[] z = s.p;
        double[] r = s.r;
        double[] d = s.d;
        double[] bd = s.bd;
        Arrays.fill(z, 0);
        Vectors.copy(s.g, r);
        Vectors.negate(r, d);
        double rr = Vectors.dot(r, r);
        double forcing = eta * s.optimality;
        double model = 0;
        int maxIterations = Math.max(10, 2 * n);
        for (int j = 0; j < maxIterations; j++) {
            s.multiply(f, d, bd);
            s.cgIterations++;
            double dBd = Vectors.dot(d, bd);
            double rd = Vectors.dot(r, d);
            if (!(dBd > 0)) {
                if (!Double.isFinite(dBd)) {
                    return Double.NaN;
                }
                double tau = toBoundary(z, d, s.radius);
                Vectors.axpy(tau, d, z);
                s.negativeCurvature++;
                return model + tau * rd + 0.5 * tau * tau * dBd;
            }
            double alpha = rr / dBd;
            double zNext2 = 0;
            for (int i = 0; i < n; i++) {
                double zi = z[i] + alpha * d[i];
                zNext2 += zi * zi;
            }
            if (zNext2 >= s.radius * s.radius) {
                double tau = toBoundary(z, d, s.radius);
                Vectors.axpy(tau, d, z);
                return model + tau * rd + 0.5 * tau * tau * dBd;
            }
            Vectors.axpy(alpha, d, z);
            double previous = model;
            model += alpha * rd + 0.5 * alpha * alpha * dBd;
            Vectors.axpy(alpha, bd, r);
            double rrNext = Vectors.dot(r, r);
            if (s.inPasses ? rrNext == 0 || (j + 1) * (model - previous) >= eta * model : Math.sqrt(rrNext) <= forcing) {
                return model;
            }
            double beta = rrNext / rr;
            rr = rrNext;
            for (int i = 0; i < n; i++) {
                d[i] = -r[i] + beta * d[i];
            }
        }
        return model;
    }

    /** The τ ≥ 0 with ‖z + τd‖ = Δ, for ‖z‖ ≤ Δ; computed without cancellation. */
    static double toBoundary(double[] z, double[] d, double radius) {
        double a = Vectors.dot(d, d);
        double b = 2 * Vectors.dot(z, d);
        double c = Vectors.dot(z, z) - radius * radius;
        double root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        return b > 0 ? -2 * c / (b + root) : (-b + root) / (2 * a);
    }

    /** Iterate, gradient, radius and CG workspaces of a trust-region Newton–CG solve. */
    public static final class State extends GradientState {
        final double[] p;
        final double[] r;
        final double[] d;
        final double[] bd;
        /** ∇²f(x), row-major, when the solve multiplies by a formed Hessian; null for Hessian-vector products. */
        double[] hessian;
        /** ∇²f at the trial point, from the pass that gives its value (a formed Hessian evaluated in passes); else null. */
        double[] hessianTrial;
        /** Whether {@link #hessian} holds ∇²f at the current iterate already. */
        boolean hessianCurrent;
        double radius;
        double lastRatio = Double.NaN;
        long cgIterations;
        int negativeCurvature;
        int rejections;
        /** Whether f is evaluated in passes over data: values come with gradients, CG stops on the model's decrease. */
        final boolean inPasses;

        State(Objective f, double[] x0, double radius, boolean formHessian, boolean inPasses) {
            this(f, x0, radius, formHessian ? new double[x0.length * x0.length] : null, inPasses);
        }

        private State(Objective f, double[] x0, double radius, double[] hessian, boolean inPasses) {
            super(f, x0, hessian != null && inPasses ? hessian : null);
            int n = x0.length;
            p = new double[n];
            r = new double[n];
            d = new double[n];
            bd = new double[n];
            this.hessian = hessian;
            this.hessianTrial = hessian != null && inPasses ? new double[n * n] : null;
            this.hessianCurrent = hessianTrial != null;
            this.radius = radius;
            this.inPasses = inPasses;
        }

        @Override
        void acceptTrial(double fTrial, double stepLength) {
            super.acceptTrial(fTrial, stepLength);
            if (hessianTrial != null) {
                double[] t = hessian;
                hessian = hessianTrial;
                hessianTrial = t;
            }
            hessianCurrent = hessianTrial != null;
        }

        /** out ← ∇²f(x)·v. */
        void multiply(Objective f, double[] v, double[] out) {
            if (hessian == null) {
                f.hessianVector(x, v, out);
                return;
            }
            int n = v.length;
            for (int i = 0; i < n; i++) {
                double t = 0;
                for (int j = 0; j < n; j++) {
                    t += hessian[i * n + j] * v[j];
                }
                out[i] = t;
            }
        }

        /** The current trust-region radius Δ. */
        public double radius() {
            return radius;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("radius", radius).put("cgIterations", cgIterations).put("negativeCurvatureSteps", negativeCurvature)
                    .put("rejectedSteps", rejections).put("lastRatio", lastRatio).put("products", hessian == null ? "hessianVector" : "hessian");
        }
    }
}
