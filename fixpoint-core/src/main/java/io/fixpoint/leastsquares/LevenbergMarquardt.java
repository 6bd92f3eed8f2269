package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.LeastSquaresProblem;

/**
 * Levenberg–Marquardt as a trust-region method (Moré 1978, MINPACK lmder): the step minimises
 * ‖Jp + r‖² subject to ‖Dp‖ ≤ Δ, with D the largest column norms of J seen so far, λ found by
 * Newton's method on ‖Dp(λ)‖ = Δ (through the SVD of J·D⁻¹) and Δ updated by lmder's rules.
 *
 * <p>With {@code geodesicAcceleration}, each step v gets the second-order correction of Transtrum &amp;
 * Sethna: a = −(JᵀJ + λDᵀD)⁻¹Jᵀr_vv, where r_vv, the second directional derivative of r along v, is a
 * finite difference of residuals at x + h·v; the step v + a/2 is tried only if 2‖Da‖/‖Dv‖ ≤ α, else the
 * trial is rejected and the region shrinks.
 *
 * @param rules                stopping tests (ftol, xtol, gtol)
 * @param geodesicAcceleration whether to add the second-order correction
 * @param alpha                the acceleration ratio bound α (0.75 in the paper)
 */
public final class LevenbergMarquardt extends TrustRegionSolver<LevenbergMarquardt.State> {
    private static final double H = 0.1;

    private final boolean geodesicAcceleration;
    private final double alpha;

    public LevenbergMarquardt(StopRules rules, boolean geodesicAcceleration, double alpha) {
        super(rules);
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        this.geodesicAcceleration = geodesicAcceleration;
        this.alpha = alpha;
    }

    public LevenbergMarquardt() {
        this(StopRules.DEFAULT, false, 0.75);
    }

    /** The same method with the Transtrum–Sethna geodesic acceleration. */
    public LevenbergMarquardt withGeodesicAcceleration() {
        return new LevenbergMarquardt(rules, true, alpha);
    }

    public LevenbergMarquardt withRules(StopRules r) {
        return new LevenbergMarquardt(r, geodesicAcceleration, alpha);
    }

    @Override
    public String name() {
        return geodesicAcceleration ? "lm-geodesic" : "lm";
    }

    /** The trust region, and the geodesic acceleration's workspaces when it is on. */
    public static final class State extends RegionState {
        /** r_vv, the second directional derivative of r along the step, and D·a (null without acceleration). */
        final double[] secondDerivative;
        final double[] scaledAcceleration;
        int accelerated;

        State(LeastSquaresProblem problem, double[] x0, boolean geodesic) {
            super(problem, x0, false);
            secondDerivative = geodesic ? new double[m] : null;
            scaledAcceleration = geodesic ? new double[n] : null;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            if (accelerated > 0) {
                details.put("acceleratedTrials", accelerated);
            }
        }
    }

    @Override
    State newState(LeastSquaresProblem problem, double[] x0) {
        return new State(problem, x0, geodesicAcceleration);
    }

    @Override
    double trialStep(LeastSquaresProblem problem, State s) {
        s.lambda = s.svd.trustRegion(s.radius, s.lambda, s.scaledStep);
        for (int j = 0; j < s.n; j++) {
            s.step[j] = s.scaledStep[j] / s.scale[j];
        }
        if (geodesicAcceleration) {
            return accelerate(problem, s);
        }
        // MINPACK's form of the predicted reduction, ½‖Jp‖² + λ‖Dp‖² (exact for the LM step), which
        // unlike −(gᵀp + ½‖Jp‖²) keeps its accuracy when the step and the gradient are tiny
        s.multiply(s.step, s.jp);
        double pnorm = Vectors.norm(s.scaledStep);
        return 0.5 * Vectors.dot(s.jp, s.jp) + s.lambda * pnorm * pnorm;
    }

    /** Adds a/2 to the step v; NaN (reject) when the acceleration is too large relative to v. */
    private double accelerate(LeastSquaresProblem problem, State s) {
        double[] rvv = s.secondDerivative;
        double[] scaledA = s.scaledAcceleration;
        s.multiply(s.step, s.jp);
        Vectors.addScaled(s.x, H, s.step, s.xTrial);
        problem.residuals(s.xTrial, rvv);
        for (int i = 0; i < s.m; i++) {
            rvv[i] = (2 / H) * ((rvv[i] - s.r[i]) / H - s.jp[i]);
        }
        if (!Vectors.allFinite(rvv)) {
            return s.predictedReduction(s.step);
        }
        s.svd.regularised(s.lambda, rvv, scaledA);
        double ratio = 2 * Vectors.norm(scaledA) / Vectors.norm(s.scaledStep);
        if (!(ratio <= alpha)) {
            return Double.NaN;
        }
        for (int j = 0; j < s.n; j++) {
            s.scaledStep[j] += 0.5 * scaledA[j];
            s.step[j] = s.scaledStep[j] / s.scale[j];
        }
        s.accelerated++;
        return s.predictedReduction(s.step);
    }
}
