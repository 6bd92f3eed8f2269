package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * Gauss–Newton with an Armijo backtracking line search on ½‖r‖². The direction is the minimum-norm
 * least-squares solution of J·p = −r from the SVD of J·D⁻¹ (D = column norms, for accuracy),
 * dropping singular values below ε·m·σmax, so rank-deficient Jacobians still give a descent direction.
 * Stops by MINPACK's ftol/xtol tests applied to the accepted step.
 */
public final class GaussNewton implements Solver<LeastSquaresProblem, LeastSquaresState> {
    private static final double C1 = 1e-4;
    private static final int MAX_TRIALS = 60;

    private final StopRules rules;

    public GaussNewton(StopRules rules) {
        this.rules = rules;
    }

    public GaussNewton() {
        this(StopRules.DEFAULT);
    }

    @Override
    public String name() {
        return "gauss-newton";
    }

    @Override
    public LeastSquaresState init(LeastSquaresProblem problem, double[] x0) {
        if (problem.bounds() != null && problem.bounds().isBounded()) {
            throw new InvalidProblemException("method gauss-newton does not handle bounds; use trf");
        }
        return new LeastSquaresState(problem, x0, false); // λ stays 0: the step is always the undamped one
    }

    @Override
    public LeastSquaresState step(LeastSquaresProblem problem, LeastSquaresState s) {
        s.verdict = rules.beforeStep(s);
        if (s.verdict != null) {
            return s;
        }
        if (!s.factorScaled()) {
            s.verdict = new Verdict(Status.NON_FINITE, "the Jacobian could not be factorised (non-finite entries?)");
            return s;
        }
        s.svd.gaussNewton(s.scaledStep);
        for (int j = 0; j < s.n; j++) {
            s.step[j] = s.scaledStep[j] * s.inverseScale[j];
        }
        double slope = Vectors.dot(s.g, s.step);
        if (!(slope < 0)) {
            s.verdict = slope == 0 ? Verdict.converged("zero-step", "Gauss–Newton step is zero")
                    : new Verdict(Status.STALLED, "Gauss–Newton direction is not a descent direction (slope " + slope + ")");
            return s;
        }
        double t = 1;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            Vectors.addScaled(s.x, t, s.step, s.xTrial);
            problem.residuals(s.xTrial, s.rTrial);
            double ft = 0.5 * Vectors.dot(s.rTrial, s.rTrial);
            // at t = 1 in the last iterations, where f's change is rounding noise, the step is judged in
            // parameter space instead (natural monotonicity, as in TrustRegionSolver)
            boolean contracts = t == 1 && Double.isFinite(ft) && s.contracts(-0.5 * slope / s.value, Vectors.norm(s.scaledStep));
            if (Double.isFinite(ft) && (ft <= s.value + C1 * t * slope || contracts)) {
                double actual = LeastSquaresState.reduction(s.r, s.rTrial) / s.value;
                // the full Gauss–Newton step's predicted reduction, so that a short line-search step never passes the ftol test
                double predicted = -0.5 * slope / s.value;
                double dxNorm = LeastSquaresState.scaledNorm(s.scale, s.step); // the full step: a short line-search step is no sign of convergence
                s.acceptTrial(problem, ft, t * Vectors.norm(s.step));
                s.verdict = rules.afterTrial(s, actual, predicted, actual / predicted, dxNorm, LeastSquaresState.scaledNorm(s.scale, s.x), false);
                return s;
            }
            double next = Double.isFinite(ft) ? -slope * t * t / (2 * (ft - s.value - slope * t)) : 0.1 * t;
            t = Math.max(0.1 * t, Math.min(0.5 * t, next));
        }
        double xnorm = LeastSquaresState.scaledNorm(s.scale, s.x);
        double dx = t * LeastSquaresState.scaledNorm(s.scale, s.step);
        s.verdict = dx <= 1e-15 * Math.max(xnorm, Double.MIN_NORMAL) || -slope <= Math.ulp(1.0) * s.value
                ? StopRules.checked(s, "ftol-machine", "no further reduction possible along the Gauss–Newton direction at machine precision")
                : new Verdict(Status.STALLED, "line search found no sufficient decrease in " + MAX_TRIALS + " trials");
        return s;
    }
}
