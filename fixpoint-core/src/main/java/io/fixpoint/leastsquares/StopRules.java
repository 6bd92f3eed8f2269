package io.fixpoint.leastsquares;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;

/**
 * MINPACK's convergence tests (lmder), shared by the least-squares solvers, each named in the
 * verdict it gives:
 * <ul>
 *   <li>{@code ftol}: the actual and predicted relative reductions of ‖r‖² are both ≤ ftol;</li>
 *   <li>{@code xtol}: the trust radius (or step) is ≤ xtol·‖Dx‖ — the relative error in x is at most xtol;</li>
 *   <li>{@code gtol}: the largest cosine between r and a column of J is ≤ gtol;</li>
 *   <li>and the same three at machine precision ({@code ftol-machine}, {@code xtol-machine},
 *       {@code gtol-machine}), when no further progress is possible at all.</li>
 * </ul>
 * The step and reduction tests say that the solver stopped moving, not that it reached a stationary
 * point: they also fire when the trust region collapses far from one (a badly scaled start, a column
 * of J that vanished). So when one fires the point is checked: the Gauss–Newton correction −J⁺r must be
 * at most {@value #CORRECTION} of ‖Dx‖ (√ε: the linearised model moves no digit of x's first half).
 * If it is, the solve is CONVERGED by that test; if not, it is STALLED, saying so. The cosine tests are
 * first-order tests themselves. The driver's own tolerance on ‖Jᵀr‖∞ still applies on top of these.
 *
 * @param ftol relative reduction tolerance
 * @param xtol relative step tolerance
 * @param gtol cosine tolerance (0 disables it)
 */
public record StopRules(double ftol, double xtol, double gtol) {
    private static final double EPS = Math.ulp(1.0);
    /** The largest relative Gauss–Newton correction ‖D·J⁺r‖/‖Dx‖ at which a step or reduction test certifies a point. */
    static final double CORRECTION = 1.5e-8;

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
    Verdict afterTrial(LeastSquaresState s, double actual, double predicted, double ratio, double radius, double xnorm,
            boolean acceptedGaussNewton) {
        if (!acceptedGaussNewton && Math.abs(actual) <= ftol && predicted <= ftol && 0.5 * ratio <= 1) {
            return checked(s, "ftol", "relative reduction of the sum of squares ≤ ftol " + ftol);
        }
        if (radius <= xtol * xnorm) {
            return checked(s, "xtol", "relative step size ≤ xtol " + xtol);
        }
        if (!acceptedGaussNewton && Math.abs(actual) <= EPS && predicted <= EPS && 0.5 * ratio <= 1) {
            return checked(s, "ftol-machine", "no further reduction of the sum of squares possible at machine precision");
        }
        if (radius <= EPS * xnorm) {
            return checked(s, "xtol-machine", "no further improvement of x possible at machine precision");
        }
        return null;
    }

    /** The cosine test, before a step: max |Jⱼᵀr| / (‖Jⱼ‖·‖r‖). */
    Verdict beforeStep(LeastSquaresState s) {
        double rnorm = Math.sqrt(2 * s.value);
        if (rnorm == 0) {
            return Verdict.converged("zero-residual", "zero residual");
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
            return Verdict.converged("gtol", "cosine between residuals and Jacobian columns " + format(cos) + " ≤ gtol " + gtol);
        }
        if (cos <= EPS) {
            return Verdict.converged("gtol-machine", "residuals orthogonal to the Jacobian columns at machine precision");
        }
        return null;
    }

    /**
     * The verdict of a step or reduction test that fired: CONVERGED when the Gauss–Newton correction
     * says the point is stationary, else STALLED with the figures that say why not.
     */
    static Verdict checked(LeastSquaresState s, String criterion, String test) {
        double c = s.gaussNewtonCorrection();
        if (c <= CORRECTION) {
            return Verdict.converged(criterion, test + "; Gauss–Newton correction " + format(c) + "·‖Dx‖");
        }
        return new Verdict(Status.STALLED, test + ", but x is not stationary in J's column scaling: a Gauss–Newton correction of " + format(c)
                + "·‖Dx‖ remains (‖Jᵀr‖∞ = " + format(s.optimality) + "); the solver stopped short of a stationary point "
                + "(a collapsed trust region, or a plateau where a column of J has vanished)");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
