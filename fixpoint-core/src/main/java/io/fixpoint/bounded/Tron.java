package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;
import java.util.Map;

/**
 * A trust-region Newton method for bounds in the manner of TRON (Lin and Moré, "Newton's method for
 * large bound-constrained optimization problems", SIAM J. Optim. 9(4), 1999), on Hessian-vector
 * products alone (no incomplete-Cholesky preconditioner). With the quadratic model
 * q(s) = ∇fᵀs + ½sᵀ∇²f s at x and radius Δ, an iteration
 *
 * <ol>
 *   <li>takes the Cauchy step s = P(x − α∇f) − x, α found by extrapolation (×10) or interpolation
 *       (×0.1) from the last one so that ‖s‖ ≤ Δ and q(s) ≤ μ₀∇fᵀs, μ₀ = 0.01 ({@code dcauchy});</li>
 *   <li>then, face by face, fixes the variables at a bound, runs conjugate gradients on the model in
 *       the free variables within ‖w‖ ≤ Δ (Steihaug: stopped by a residual below 0.1 of the free
 *       gradient, the boundary, or negative curvature), and moves along w by a projected search with
 *       sufficient decrease of q ({@code dspcg}, {@code dtrpcg}, {@code dprsrch}), until the free
 *       gradient of the model has dropped by 0.1 or the trust region stops it;</li>
 *   <li>judges the step by ρ = actual/predicted reduction, accepting it when ρ > 10⁻⁴, and updates Δ
 *       with TRON's rules (σ₁ = 0.25, σ₂ = 0.5, σ₃ = 4, η₁ = 0.25, η₂ = 0.75, and the minimiser of
 *       the quadratic interpolating f along s). A rejected step is retried inside the iteration with
 *       the smaller radius.</li>
 * </ol>
 *
 * The first radius is the projected-gradient norm at the start. Near a minimiser with |f| ≫ 0 the
 * predicted reduction falls below the rounding of f; a step is then accepted when f does not rise
 * beyond rounding and the projected-gradient norm decreases.
 *
 * @param cgTolerance the relative decrease of the free gradient that ends the subproblem, in (0, 1)
 */
public record Tron(double cgTolerance) implements BoundedSolver<Tron.State> {
    static final double MU0 = 0.01;
    static final double ETA0 = 1e-4;
    static final double ETA1 = 0.25;
    static final double ETA2 = 0.75;
    static final double SIGMA1 = 0.25;
    static final double SIGMA2 = 0.5;
    static final double SIGMA3 = 4;
    /** Rejected steps within one iteration before the solve is declared stalled. */
    static final int MAX_REJECTIONS = 60;
    /** Trials of the Cauchy and projected searches before they settle for what they have. */
    static final int MAX_SEARCH = 60;
    static final double ROUNDING_ULPS = 64;

    public Tron {
        if (!(cgTolerance > 0 && cgTolerance < 1)) {
            throw new IllegalArgumentException("cgTolerance must lie in (0, 1), got " + cgTolerance);
        }
    }

    /** TRON's default: the subproblem ends when the free gradient of the model has dropped by 0.1. */
    public Tron() {
        this(0.1);
    }

    @Override
    public String name() {
        return "tron";
    }

    @Override
    public State init(Objective f, Bounds bounds, double[] x0) {
        if (!f.hasHessianVector()) {
            throw new InvalidProblemException("tron needs Hessian-vector products of the objective, but it provides none "
                    + "(hasHessianVector() is false)");
        }
        return new State(f, bounds, x0);
    }

    @Override
    public State step(Objective f, State s) {
        boolean lastFinite = true;
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            s.cauchyStep(f);
            s.subspaceSteps(f, cgTolerance);
            double gs = 0;
            double sAs = 0;
            double ss = 0;
            for (int i = 0; i < s.x.length; i++) {
                gs += s.g[i] * s.step[i];
                sAs += s.step[i] * s.hStep[i];
                ss += s.step[i] * s.step[i];
            }
            double predicted = -(gs + 0.5 * sAs);
            double snorm = Math.sqrt(ss);
            double fTrial = f.value(s.xTrial);
            lastFinite = Double.isFinite(fTrial);
            double noise = ROUNDING_ULPS * Math.ulp(s.f);
            if (lastFinite && predicted < noise && fTrial <= s.f + noise) {
                // The values cannot resolve a decrease this small: judge the step by the certificate instead.
                f.gradient(s.xTrial, s.gTrial);
                if (s.bounds.projectedGradientNorm(s.xTrial, s.gTrial) < s.projectedGradientNorm) {
                    s.acceptTrial(fTrial, snorm);
                    s.accepted++;
                    return s;
                }
            }
            double actual = s.f - fTrial;
            if (s.accepted == 0 && s.rejections == 0) {
                s.radius = Math.min(s.radius, snorm);
            }
            s.radius = lastFinite ? updateRadius(s.radius, actual, predicted, fTrial - s.f - gs, gs, snorm) : SIGMA1 * Math.min(s.radius, snorm);
            if (lastFinite && actual > ETA0 * predicted) {
                f.gradient(s.xTrial, s.gTrial);
                s.acceptTrial(fTrial, snorm);
                s.accepted++;
                return s;
            }
            s.rejections++;
            if (s.radius <= 1e-15 * Math.max(1, io.fixpoint.linalg.Vectors.norm(s.x))) {
                break;
            }
        }
        s.stepNorm = 0;
        String radius = String.format(Locale.ROOT, "%.3g", s.radius);
        s.verdict = lastFinite
                ? new Verdict(Status.STALLED, "the trust region collapsed (radius " + radius + ") without an acceptable step")
                : new Verdict(Status.NON_FINITE, "f is not finite at every trial point down to a radius of " + radius
                        + "; returning the last finite iterate");
        return s;
    }

    /**
     * TRON's radius update: α minimises the quadratic through f(x), ∇fᵀs and f(x + s) along s
     * ({@code curvatureTerm} = f(x + s) − f(x) − ∇fᵀs), then the radius moves by how ρ compares with η₀, η₁, η₂.
     */
    static double updateRadius(double radius, double actual, double predicted, double curvatureTerm, double gs, double snorm) {
        double alpha = curvatureTerm <= 0 ? SIGMA3 : Math.max(SIGMA1, -0.5 * (gs / curvatureTerm));
        if (actual < ETA0 * predicted) {
            return Math.min(Math.max(alpha, SIGMA1) * snorm, SIGMA2 * radius);
        }
        if (actual < ETA1 * predicted) {
            return Math.max(SIGMA1 * radius, Math.min(alpha * snorm, SIGMA2 * radius));
        }
        if (actual < ETA2 * predicted) {
            return Math.max(SIGMA1 * radius, Math.min(alpha * snorm, SIGMA3 * radius));
        }
        return Math.max(radius, Math.min(alpha * snorm, SIGMA3 * radius));
    }

    /** The iterate, the radius, the step under construction and the conjugate-gradient workspaces. */
    public static final class State extends BoxState {
        /** s, the step from x to the trial point xTrial, and ∇²f(x)·s. */
        final double[] step;
        final double[] hStep;
        /** The free variables at the trial point. */
        final boolean[] free;
        /** The face step w and the CG residual, direction and product. */
        final double[] w;
        final double[] r;
        final double[] p;
        final double[] q;
        /** The model's gradient on the free variables, and a scratch vector. */
        final double[] gFree;
        final double[] scratch;
        double radius;
        /** α of the last Cauchy step, where the next one starts. */
        double alphaCauchy = 1;
        int accepted;
        int rejections;
        long cgIterations;
        long faces;

        State(Objective f, Bounds bounds, double[] x0) {
            super(f, bounds, x0);
            int n = x0.length;
            step = new double[n];
            hStep = new double[n];
            free = new boolean[n];
            w = new double[n];
            r = new double[n];
            p = new double[n];
            q = new double[n];
            gFree = new double[n];
            scratch = new double[n];
            radius = projectedGradientNorm > 0 ? projectedGradientNorm : 1;
        }

        /** step ← P(x − α∇f) − x; returns its norm. */
        private double gradientPathStep(double alpha) {
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                double si = Math.min(upper[i], Math.max(lower[i], x[i] - alpha * g[i])) - x[i];
                step[i] = si;
                ss += si * si;
            }
            return Math.sqrt(ss);
        }

        /** Whether q(step) ≤ μ₀∇fᵀstep (one Hessian-vector product, left in hStep). */
        private boolean sufficientModelDecrease(Objective f) {
            f.hessianVector(x, step, hStep);
            double gs = 0;
            double sAs = 0;
            for (int i = 0; i < x.length; i++) {
                gs += g[i] * step[i];
                sAs += step[i] * hStep[i];
            }
            return 0.5 * sAs + gs <= MU0 * gs;
        }

        /** The largest breakpoint t at which a coordinate of x − t∇f reaches its bound (0 when none does). */
        private double largestGradientBreakpoint() {
            double largest = 0;
            for (int i = 0; i < x.length; i++) {
                double gi = g[i];
                if (gi > 0 && lower[i] > Double.NEGATIVE_INFINITY) {
                    largest = Math.max(largest, (x[i] - lower[i]) / gi);
                } else if (gi < 0 && upper[i] < Double.POSITIVE_INFINITY) {
                    largest = Math.max(largest, (x[i] - upper[i]) / gi);
                }
            }
            return largest;
        }

        /** TRON's {@code dcauchy}: a Cauchy step within the radius with sufficient decrease of the model. */
        void cauchyStep(Objective f) {
            double alpha = alphaCauchy;
            boolean interpolate = gradientPathStep(alpha) > radius || !sufficientModelDecrease(f);
            if (interpolate) {
                for (int k = 0; k < MAX_SEARCH; k++) {
                    alpha *= 0.1;
                    if (gradientPathStep(alpha) <= radius && sufficientModelDecrease(f)) {
                        break;
                    }
                }
            } else {
                double good = alpha;
                double largest = largestGradientBreakpoint();
                for (int k = 0; k < MAX_SEARCH && alpha <= largest; k++) {
                    alpha *= 10;
                    if (gradientPathStep(alpha) <= radius && sufficientModelDecrease(f)) {
                        good = alpha;
                    } else {
                        break;
                    }
                }
                alpha = good;
                gradientPathStep(alpha);
            }
            alphaCauchy = alpha;
        }

        /** TRON's {@code dspcg}: from x + step, minimise the model face by face within the radius. */
        void subspaceSteps(Objective f, double tolerance) {
            int n = x.length;
            for (int i = 0; i < n; i++) {
                xTrial[i] = Math.min(upper[i], Math.max(lower[i], x[i] + step[i]));
            }
            f.hessianVector(x, step, hStep);
            long cgAtStart = cgIterations;
            for (int face = 0; face < n; face++) {
                faces++;
                int nfree = 0;
                double gg = 0;
                for (int i = 0; i < n; i++) {
                    free[i] = lower[i] < xTrial[i] && xTrial[i] < upper[i];
                    if (free[i]) {
                        nfree++;
                        gFree[i] = hStep[i] + g[i];
                        gg += g[i] * g[i];
                    } else {
                        gFree[i] = 0;
                    }
                }
                if (nfree == 0) {
                    return;
                }
                double freeGradientNorm = Math.sqrt(gg);
                boolean boundary = conjugateGradients(f, tolerance * freeGradientNorm);
                projectedSearch(f);
                for (int i = 0; i < n; i++) {
                    step[i] += w[i];
                }
                f.hessianVector(x, step, hStep);
                double rest = 0;
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        double v = hStep[i] + g[i];
                        rest += v * v;
                    }
                }
                if (Math.sqrt(rest) <= tolerance * freeGradientNorm || boundary || cgIterations - cgAtStart > n) {
                    return;
                }
            }
        }

        /** v ← ∇²f(x)·v on the free variables, zero elsewhere (v is zero off them). */
        private void freeProduct(Objective f, double[] v, double[] out) {
            f.hessianVector(x, v, out);
            for (int i = 0; i < out.length; i++) {
                if (!free[i]) {
                    out[i] = 0;
                }
            }
        }

        /**
         * TRON's {@code dtrpcg} without preconditioner: Steihaug CG for min ½wᵀBw + gFreeᵀw, ‖w‖ ≤ Δ,
         * writing w.
         *
         * @return whether it stopped at the boundary or on negative curvature
         */
        private boolean conjugateGradients(Objective f, double tolerance) {
            int n = x.length;
            double rho = 0;
            for (int i = 0; i < n; i++) {
                w[i] = 0;
                r[i] = -gFree[i];
                p[i] = r[i];
                rho += r[i] * r[i];
            }
            if (rho == 0) {
                return false;
            }
            for (int it = 0; it < n; it++) {
                freeProduct(f, p, q);
                cgIterations++;
                double ptq = 0;
                for (int i = 0; i < n; i++) {
                    ptq += p[i] * q[i];
                }
                double alpha = ptq > 0 ? rho / ptq : 0;
                double sigma = toBoundary(w, p, radius);
                if (!(ptq > 0) || alpha >= sigma) {
                    for (int i = 0; i < n; i++) {
                        w[i] += sigma * p[i];
                    }
                    return true;
                }
                double rtr = 0;
                for (int i = 0; i < n; i++) {
                    w[i] += alpha * p[i];
                    r[i] -= alpha * q[i];
                    rtr += r[i] * r[i];
                }
                if (Math.sqrt(rtr) <= tolerance) {
                    return false;
                }
                double beta = rtr / rho;
                for (int i = 0; i < n; i++) {
                    p[i] = r[i] + beta * p[i];
                }
                rho = rtr;
            }
            return false;
        }

        /**
         * TRON's {@code dprsrch}: moves xTrial to P(xTrial + βw) with β = 1, ½, ¼, … until the model
         * decreases sufficiently, but never less than to the first breakpoint; leaves the move in w.
         */
        private void projectedSearch(Objective f) {
            int n = x.length;
            double firstBreak = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (w[i] < 0 && lower[i] > Double.NEGATIVE_INFINITY) {
                    firstBreak = Math.min(firstBreak, (lower[i] - xTrial[i]) / w[i]);
                } else if (w[i] > 0 && upper[i] < Double.POSITIVE_INFINITY) {
                    firstBreak = Math.min(firstBreak, (upper[i] - xTrial[i]) / w[i]);
                }
            }
            if (firstBreak == Double.POSITIVE_INFINITY) {
                firstBreak = 0;
            }
            double beta = 1;
            for (int k = 0; k < MAX_SEARCH && beta > firstBreak; k++) {
                double gs = 0;
                for (int i = 0; i < n; i++) {
                    scratch[i] = Math.min(upper[i], Math.max(lower[i], xTrial[i] + beta * w[i])) - xTrial[i];
                    gs += gFree[i] * scratch[i];
                }
                freeProduct(f, scratch, q);
                double sBs = 0;
                for (int i = 0; i < n; i++) {
                    sBs += scratch[i] * q[i];
                }
                if (0.5 * sBs + gs <= MU0 * gs) {
                    break;
                }
                beta *= 0.5;
            }
            if (beta < 1 && beta < firstBreak) {
                beta = firstBreak;
            }
            for (int i = 0; i < n; i++) {
                double moved = Math.min(upper[i], Math.max(lower[i], xTrial[i] + beta * w[i]));
                w[i] = moved - xTrial[i];
                xTrial[i] = moved;
            }
        }

        /** The τ ≥ 0 with ‖z + τd‖ = Δ, for ‖z‖ ≤ Δ, without cancellation. */
        static double toBoundary(double[] z, double[] d, double radius) {
            double a = 0;
            double b = 0;
            double c = -radius * radius;
            for (int i = 0; i < z.length; i++) {
                a += d[i] * d[i];
                b += 2 * z[i] * d[i];
                c += z[i] * z[i];
            }
            double root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
            return b > 0 ? -2 * c / (b + root) : (-b + root) / (2 * a);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> m = boxDetails();
            m.put("radius", radius);
            m.put("cgIterations", cgIterations);
            m.put("faces", faces);
            m.put("rejectedSteps", rejections);
            return m;
        }
    }
}
