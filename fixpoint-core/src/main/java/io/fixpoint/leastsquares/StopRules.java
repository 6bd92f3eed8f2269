package io.fixpoint.leastsquares;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * MINPACK's convergence tests (lmder), shared by the least-squares solvers. Each ends the solve
 * as CONVERGED with a message naming the test that fired:
 * <ul>
 *   <li>ftol: the actual and predicted relative reductions of ‖r‖² are both ≤ ftol;</li>
 *   <li>xtol: the trust radius (or step) is ≤ xtol·‖Dx‖ — the relative error in x is at most xtol;</li>
 *   <li>gtol: the largest cosine between r and a column of J is ≤ gtol;</li>
 *   <li>and the same three at machine precision, when no further progress is possible at all.</li>
 * </ul>
 * The driver's own tolerance on ‖Jᵀr‖∞ still applies on top of these.
 *
 * @param ftol relative reduction tolerance
 * @param xtol relative step tolerance
 * @param gtol cosine tolerance (0 disables it)
 */
public record StopRules(double ftol, double xtol, double gtol) {
    private static final double EPS = Math.ulp(1.0);

    /** Tight enough to reach the NIST StRD certified values to all the digits the data support. */
    public static final StopRules DEFAULT = new StopRules(1e-15, 1e-15, 0);

    public StopRules {
        if (!(ftol >= 0 && xtol >= 0 && gtol >= 0)) {
            throw new InvalidProblemException("ftol, xtol and gtol must be ≥ 0, got " + ftol + ", " + xtol + ", " + gtol);
        }
    }

    /**
     * Tests after a trial step with relative actual and predicted reductions, ratio, trust radius and
     * scaled ‖Dx‖. After an accepted Gauss–Newton step (λ = 0) the reduction tests are skipped: the sum
     * of squares may have stopped moving while x still gains digits along flat directions, and the
     * iteration goes on until its steps stop being accepted and the xtol test ends it.
     */
    Verdict afterTrial(double actual, double predicted, double ratio, double radius, double xnorm, boolean acceptedGaussNewton) {
        if (!acceptedGaussNewton && Math.abs(actual) <= ftol && predicted <= ftol && 0.5 * ratio <= 1) {
            return converged("relative reduction of the sum of squares ≤ ftol " + ftol);
        }
        if (radius <= xtol * xnorm) {
            return converged("relative step size ≤ xtol " + xtol);
        }
        if (!acceptedGaussNewton && Math.abs(actual) <= EPS && predicted <= EPS && 0.5 * ratio <= 1) {
            return converged("no further reduction of the sum of squares possible at machine precision");
        }
        if (radius <= EPS * xnorm) {
            return converged("no further improvement of x possible at machine precision");
        }
        return null;
    }

    /** The cosine test, before a step: max |Jⱼᵀr| / (‖Jⱼ‖·‖r‖). */
    Verdict beforeStep(LeastSquaresState s) {
        double rnorm = Math.sqrt(2 * s.value);
        if (rnorm == 0) {
            return converged("zero residual");
        }
        double cos = 0;
        for (int j = 0; j < s.n; j++) {
            double c = 0;
            for (int i = 0; i < s.m; i++) {
                double v = s.jac[i * s.n + j];
                c += v * v;
            }
            if (c > 0) {
                cos = Math.max(cos, Math.abs(s.g[j]) / (Math.sqrt(c) * rnorm));
            }
        }
        if (cos <= gtol) {
            return converged("cosine between residuals and Jacobian columns " + String.format("%.3g", cos) + " ≤ gtol " + gtol);
        }
        if (cos <= EPS) {
            return converged("residuals orthogonal to the Jacobian columns at machine precision");
        }
        return null;
    }

    private static Verdict converged(String message) {
        return new Verdict(Status.CONVERGED, message);
    }
}
