package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * The trust-region loop of MINPACK's lmder, shared by Levenberg–Marquardt, dogleg and the
 * reflective method: each {@link #step} tries steps of shrinking radius until one reduces the sum of
 * squares enough (ratio ≥ 10⁻⁴), so every iteration the driver sees is an accepted step (or a
 * verdict). Subclasses choose the scaling and the step inside the region.
 */
abstract class TrustRegionSolver implements Solver<LeastSquaresProblem, LeastSquaresState> {
    private static final double ACCEPT = 1e-4;
    private static final int MAX_TRIALS = 100;
    /** MINPACK's default step bound factor. */
    private static final double RADIUS_FACTOR = 100;
    /** A relative predicted reduction this small means the Gauss–Newton model is exact to all practical digits. */
    private static final double ASYMPTOTIC = 1e-8;

    final StopRules rules;

    TrustRegionSolver(StopRules rules) {
        this.rules = rules;
    }

    /** Whether this method handles bounds; the others refuse bounded problems. */
    boolean supportsBounds() {
        return false;
    }

    /**
     * Sets up scaling and factorisations at the current iterate (J is fresh). False if that failed.
     * By default MINPACK's column scaling and the SVD of J·D⁻¹ (workspace {@code s.extra[0]}).
     */
    boolean prepare(LeastSquaresProblem problem, LeastSquaresState s) {
        updateColumnScaling(s);
        double[] inv = s.extra[0];
        for (int j = 0; j < s.n; j++) {
            inv[j] = 1 / s.scale[j];
        }
        return s.svd.decompose(s.jac, inv, null, s.r);
    }

    /**
     * Computes a trial step inside the radius into {@code s.step} (unscaled) and {@code s.scaledStep},
     * returning the model's predicted reduction of ½‖r‖².
     */
    abstract double trialStep(LeastSquaresProblem problem, LeastSquaresState s);

    /** The trial point from the step (the reflective method keeps it strictly inside the bounds). */
    void trialPoint(LeastSquaresState s) {
        Vectors.addScaled(s.x, 1, s.step, s.xTrial);
    }

    /** ‖D x‖ in this method's scaled variables, for the xtol test. */
    double scaledNorm(LeastSquaresState s) {
        return scaledNorm(s.scale, s.x);
    }

    /** The radius at the start point: MINPACK's factor·‖D x₀‖, or the factor itself at x₀ = 0. */
    double initialRadius(LeastSquaresState s) {
        double xn = scaledNorm(s);
        return xn > 0 ? RADIUS_FACTOR * xn : RADIUS_FACTOR;
    }

    /** Allocates the method's workspaces in the state (called once, from init). */
    void allocate(LeastSquaresState s) {
        s.svd = new ScaledSvd(s.m, s.n, false);
        s.extra = new double[4][s.n];
    }

    /** MINPACK's scaling (mode 1): Dⱼ = the largest norm column j of J has had so far (1 for a zero column). */
    static void updateColumnScaling(LeastSquaresState s) {
        updateColumnScaling(s, s.scale);
    }

    /** The same into {@code scale}. */
    static void updateColumnScaling(LeastSquaresState s, double[] scale) {
        for (int j = 0; j < s.n; j++) {
            double c = 0;
            for (int i = 0; i < s.m; i++) {
                double v = s.jac[i * s.n + j];
                c += v * v;
            }
            c = Math.sqrt(c);
            scale[j] = scale[j] == 0 ? (c == 0 ? 1 : c) : Math.max(scale[j], c);
        }
    }

    /**
     * In the last iterations the change in ½‖r‖² sinks below the rounding noise of the residuals and
     * the ratio test turns into a coin toss. There a Gauss–Newton step (λ = 0, tiny predicted
     * reduction) is judged in parameter space instead, by Deuflhard's natural monotonicity test: the
     * simplified correction −J⁺r(x + p), with the factorisation at hand, must be at most half as long
     * as p. Unbounded problems only (with bounds the factorisation carries the Coleman–Li rows).
     */
    static boolean contracts(LeastSquaresState s, double pred, double pnorm) {
        if (s.lambda != 0 || !(pred <= ASYMPTOTIC) || s.bounds != null || pnorm == 0) {
            return false;
        }
        double[] simplified = s.work;
        s.svd.gaussNewton(s.rTrial, simplified);
        return Vectors.norm(simplified) <= 0.5 * pnorm;
    }

    /** ½‖r‖² − ½‖r₊‖², accurately. */
    static double reduction(double[] r, double[] rTrial) {
        double t = 0;
        for (int i = 0; i < r.length; i++) {
            t += (r[i] - rTrial[i]) * (r[i] + rTrial[i]);
        }
        return 0.5 * t;
    }

    /** ‖D∘x‖. */
    static double scaledNorm(double[] d, double[] x) {
        double t = 0;
        for (int j = 0; j < x.length; j++) {
            t = Math.hypot(t, d[j] * x[j]);
        }
        return t;
    }

    @Override
    public LeastSquaresState init(LeastSquaresProblem problem, double[] x0) {
        if (!supportsBounds() && problem.bounds() != null && problem.bounds().isBounded()) {
            throw new InvalidProblemException("method " + name() + " does not handle bounds; use trf");
        }
        if (problem.bounds() != null && !problem.bounds().contains(x0)) {
            throw new InvalidProblemException("start point lies outside the bounds");
        }
        LeastSquaresState s = new LeastSquaresState(problem, x0);
        allocate(s);
        s.radius = -1; // set on the first step, once the scaling is known
        return s;
    }

    @Override
    public LeastSquaresState step(LeastSquaresProblem problem, LeastSquaresState s) {
        s.verdict = rules.beforeStep(s);
        if (s.verdict != null) {
            return s;
        }
        if (!prepare(problem, s)) {
            s.verdict = new Verdict(Status.NON_FINITE, "the Jacobian could not be factorised (non-finite entries?)");
            return s;
        }
        boolean first = s.radius < 0;
        if (first) {
            s.radius = initialRadius(s);
        }
        for (s.trials = 0; s.trials < MAX_TRIALS; s.trials++) {
            double predicted = trialStep(problem, s);
            if (Double.isNaN(predicted)) { // the method rejected its own step before evaluating it
                s.radius *= 0.5;
                s.lambda = Math.max(2 * s.lambda, Double.MIN_NORMAL);
                continue;
            }
            double pnorm = Vectors.norm(s.scaledStep);
            if (first) {
                s.radius = Math.min(s.radius, pnorm);
            }
            trialPoint(s);
            problem.residuals(s.xTrial, s.rTrial);
            double fTrial = 0.5 * Vectors.dot(s.rTrial, s.rTrial);
            boolean finite = Double.isFinite(fTrial);

            // relative reductions of ‖r‖², as in lmder: actual = 1 − (‖r₊‖/‖r‖)², dirder = gᵀp/‖r‖²
            // f − f₊ as ½Σ(rᵢ − r₊ᵢ)(rᵢ + r₊ᵢ): no cancellation when the step is tiny and the residuals barely move
            double actual = finite && fTrial < 100 * s.f ? reduction(s.r, s.rTrial) / s.f : -1;
            double pred = predicted / s.f;
            // gᵀp from the model: q(p) = gᵀp + ½‖Jp‖² (Jp is left in s.jp by every method)
            double dirder = -(predicted + 0.5 * Vectors.dot(s.jp, s.jp)) / (2 * s.f);
            double ratio = pred > 0 ? actual / pred : (pred == 0 && actual == 0 ? 1 : 0);

            if (ratio <= 0.25) {
                double t = actual >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actual);
                if (!finite || fTrial >= 100 * s.f || !(t >= 0.1)) {
                    t = 0.1;
                }
                s.radius = t * Math.min(s.radius, pnorm / 0.1);
                s.lambda /= t;
            } else if (s.lambda == 0 || ratio >= 0.75) {
                s.radius = pnorm / 0.5;
                s.lambda *= 0.5;
            }
            boolean accepted = finite && (ratio >= ACCEPT || contracts(s, pred, pnorm));
            if (accepted) {
                Vectors.copy(s.xTrial, s.x);
                Vectors.copy(s.rTrial, s.r);
                s.stepNorm = Vectors.norm(s.step);
                s.f = fTrial;
                s.updateJacobian(problem);
            }
            s.verdict = rules.afterTrial(actual, pred, ratio, s.radius, scaledNorm(s), accepted && s.lambda == 0);
            if (accepted || s.verdict != null) {
                return s;
            }
        }
        s.verdict = new Verdict(Status.STALLED, "no acceptable step in " + MAX_TRIALS + " trials (trust radius " + s.radius + ")");
        return s;
    }
}
