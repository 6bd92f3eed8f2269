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
 * verdict). Subclasses choose the scaling and the step inside the region, and their state.
 *
 * @param <S> the method's state
 */
abstract class TrustRegionSolver<S extends TrustRegionSolver.RegionState> implements Solver<LeastSquaresProblem, S> {
    private static final double ACCEPT = 1e-4;
    private static final int MAX_TRIALS = 100;
    /** MINPACK's default step bound factor. */
    private static final double RADIUS_FACTOR = 100;

    final StopRules rules;

    TrustRegionSolver(StopRules rules) {
        this.rules = rules;
    }

    /** The shared state plus the trust region: its radius and J·p of the last trial step. */
    abstract static class RegionState extends LeastSquaresState {
        /** The radius in scaled variables; negative until the first step sets it, once the scaling is known. */
        double radius = -1;
        final double[] jp;

        RegionState(LeastSquaresProblem problem, double[] x0, boolean augmented) {
            super(problem, x0, augmented);
            jp = new double[m];
        }

        /** The model's predicted decrease of ½‖r‖² for the step p: −(gᵀp + ½‖Jp‖²). Leaves Jp in {@link #jp}. */
        double predictedReduction(double[] p) {
            multiply(p, jp);
            return -(Vectors.dot(g, p) + 0.5 * Vectors.dot(jp, jp));
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            if (radius > 0) {
                details.put("trustRadius", radius);
            }
        }
    }

    /** Whether this method handles bounds; the others refuse bounded problems. */
    boolean supportsBounds() {
        return false;
    }

    /** The method's state at {@code x0}, with r and J evaluated and every workspace allocated. */
    abstract S newState(LeastSquaresProblem problem, double[] x0);

    /**
     * Sets up scaling and factorisations at the current iterate (J is fresh). False if that failed.
     * By default MINPACK's column scaling and the SVD of J·D⁻¹.
     */
    boolean prepare(S s) {
        return s.factorScaled();
    }

    /**
     * Computes a trial step inside the radius into {@code s.step} (unscaled) and {@code s.scaledStep},
     * returning the model's predicted reduction of ½‖r‖².
     */
    abstract double trialStep(LeastSquaresProblem problem, S s);

    /** The trial point from the step (the reflective method keeps it strictly inside the bounds). */
    void trialPoint(S s) {
        Vectors.addScaled(s.x, 1, s.step, s.xTrial);
    }

    /** The radius at the start point: MINPACK's factor·‖D x₀‖, or the factor itself at x₀ = 0. */
    double initialRadius(S s) {
        double xn = LeastSquaresState.scaledNorm(s.scale, s.x);
        return xn > 0 ? RADIUS_FACTOR * xn : RADIUS_FACTOR;
    }

    @Override
    public S init(LeastSquaresProblem problem, double[] x0) {
        if (!supportsBounds() && problem.bounds() != null && problem.bounds().isBounded()) {
            throw new InvalidProblemException("method " + name() + " does not handle bounds; use trf");
        }
        if (problem.bounds() != null && !problem.bounds().contains(x0)) {
            throw new InvalidProblemException("start point lies outside the bounds");
        }
        return newState(problem, x0);
    }

    @Override
    public S step(LeastSquaresProblem problem, S s) {
        s.verdict = rules.beforeStep(s);
        if (s.verdict != null) {
            return s;
        }
        if (!prepare(s)) {
            s.verdict = new Verdict(Status.NON_FINITE, "the Jacobian could not be factorised (non-finite entries?)");
            return s;
        }
        boolean first = s.radius < 0;
        if (first) {
            s.radius = initialRadius(s);
        }
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
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
            double actual = finite && fTrial < 100 * s.value ? LeastSquaresState.reduction(s.r, s.rTrial) / s.value : -1;
            double pred = predicted / s.value;
            // gᵀp from the model: q(p) = gᵀp + ½‖Jp‖² (Jp is left in s.jp by every method)
            double dirder = -(predicted + 0.5 * Vectors.dot(s.jp, s.jp)) / (2 * s.value);
            double ratio = pred > 0 ? actual / pred : (pred == 0 && actual == 0 ? 1 : 0);

            if (ratio <= 0.25) {
                double t = actual >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actual);
                if (!finite || fTrial >= 100 * s.value || !(t >= 0.1)) {
                    t = 0.1;
                }
                s.radius = t * Math.min(s.radius, pnorm / 0.1);
                s.lambda /= t;
            } else if (s.lambda == 0 || ratio >= 0.75) {
                s.radius = pnorm / 0.5;
                s.lambda *= 0.5;
            }
            boolean accepted = finite && (ratio >= ACCEPT || s.contracts(pred, pnorm));
            if (accepted) {
                s.acceptTrial(problem, fTrial, Vectors.norm(s.step));
            }
            s.verdict = rules.afterTrial(s, actual, pred, ratio, s.radius, LeastSquaresState.scaledNorm(s.scale, s.x), accepted && s.lambda == 0);
            if (accepted || s.verdict != null) {
                return s;
            }
        }
        s.verdict = new Verdict(Status.STALLED, "no acceptable step in " + MAX_TRIALS + " trials (trust radius " + s.radius + ")");
        return s;
    }
}
