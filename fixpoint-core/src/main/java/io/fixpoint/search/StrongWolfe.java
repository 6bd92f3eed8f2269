package io.fixpoint.search;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;

/**
 * Moré–Thuente line search (MINPACK-2 {@code dcsrch}/{@code dcstep}): finds a step t with the strong
 * Wolfe conditions
 *
 * <pre>
 *   f(x + t·d) ≤ f(x) + c₁·t·∇f(x)ᵀd        (sufficient decrease)
 *   |∇f(x + t·d)ᵀd| ≤ c₂·|∇f(x)ᵀd|           (curvature)
 * </pre>
 *
 * by safeguarded cubic and quadratic interpolation inside an interval of uncertainty that it
 * extrapolates until it brackets such a step. Each trial costs one {@code valueAndGradient}.
 *
 * <p>Near a minimiser the decrease f can show drowns in rounding while the gradient is still
 * accurate, so a trial that meets the curvature condition is also accepted under Hager and
 * Zhang's approximate Wolfe conditions (2005): ∇f(x + t·d)ᵀd ≤ (2c₁ − 1)·∇f(x)ᵀd, which is
 * sufficient decrease for a quadratic, when f(x + t·d) is within 1e-10·|f(x)| of f(x); changes of f
 * within that noise also give way to what the slopes imply in the interpolation.
 *
 * <p>A trial whose value or slope is not finite is taken as a step too long: the search shrinks
 * back towards the best step and never tries that far again. When the conditions cannot be met
 * (rounding, the evaluation budget, an unbounded direction) the result is {@link
 * LineSearchResult#failed} with the reason; it then carries the best point that had sufficient
 * decrease, or {@code x} itself with step 0 when there is none.
 *
 * @param c1             sufficient-decrease constant, 0 &lt; c₁ &lt; c₂
 * @param c2             curvature constant, c₁ &lt; c₂ &lt; 1: 0.9 for (quasi-)Newton directions, 0.1 for conjugate gradients
 * @param maxEvaluations trial points before giving up (one more evaluation restores the best point after a failure)
 */
public record StrongWolfe(double c1, double c2, int maxEvaluations) implements LineSearch {
    /** Relative width of the interval of uncertainty below which the search gives up (MINPACK-2's xtol). */
    static final double XTOL = 1e-14;
    /**
     * Relative size of the rounding noise in f tolerated by the approximate Wolfe test: near a
     * minimiser, decreases of f drown in rounding long before the gradient does.
     */
    static final double NOISE = 1e-10;
    static final double MAX_STEP = 1e20;
    /** Extrapolation bounds for the next trial while no minimiser is bracketed. */
    private static final double EXTRAPOLATE_MIN = 1.1;
    private static final double EXTRAPOLATE_MAX = 4.0;

    public StrongWolfe {
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 must lie in (0, 1), got " + c1);
        }
        if (!(c2 > c1 && c2 < 1)) {
            throw new IllegalArgumentException("c2 must lie in (c1, 1) = (" + c1 + ", 1), got " + c2);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be ≥ 1, got " + maxEvaluations);
        }
    }

    /** c₁ = 1e-4, c₂ = 0.9: the usual choice for Newton and quasi-Newton directions. */
    public StrongWolfe() {
        this(1e-4, 0.9, 40);
    }

    /** c₁ = 1e-4, c₂ = 0.1: the tighter curvature condition conjugate-gradient directions need. */
    public static StrongWolfe forConjugateGradient() {
        return new StrongWolfe(1e-4, 0.1, 40);
    }

    public StrongWolfe withC2(double c2) {
        return new StrongWolfe(c1, c2, maxEvaluations);
    }

    @Override
    public LineSearchResult search(Objective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
            double[] xNew, double[] gNew) {
        return search(f, x, f0, g0, d, initialStep, MAX_STEP, null, xNew, gNew);
    }

    /**
     * The same search restricted to a box that contains x: steps are at most {@code maxStep}, the
     * longest step along d that stays in the box (L-BFGS-B's {@code stpmx}), and each trial point is
     * P(x + t·d), projected onto {@code box} so that rounding never leaves it. A trial at {@code
     * maxStep} with sufficient decrease along which f still falls steeply (slope ≤ c₁·∇f(x)ᵀd) is
     * accepted: the box, not the function, ends the search there (MINPACK-2's "stp = stpmax").
     *
     * @param box the bounds, or null when no trial point can leave them
     */
    public LineSearchResult searchInBox(Objective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
            double maxStep, Bounds box, double[] xNew, double[] gNew) {
        if (!(maxStep > 0) || maxStep > MAX_STEP) {
            throw new IllegalArgumentException("maxStep must lie in (0, " + MAX_STEP + "], got " + maxStep);
        }
        return search(f, x, f0, g0, d, initialStep, maxStep, box, xNew, gNew);
    }

    private LineSearchResult search(Objective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
            double maxStep, Bounds box, double[] xNew, double[] gNew) {
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("initial step must be positive and finite, got " + initialStep);
        }
        double ginit = Vectors.dot(g0, d);
        if (!(ginit < 0)) {
            return noProgress(x, f0, g0, xNew, gNew, "not a descent direction (slope " + ginit + ")", false);
        }
        double gtest = c1 * ginit;
        double noise = NOISE * Math.abs(f0);
        double stp = Math.min(initialStep, maxStep);
        boolean brackt = false;
        boolean stage1 = true;
        double width = maxStep;
        double width1 = 2 * width;
        // stx: best step so far; sty: the other end of the interval of uncertainty.
        double stx = 0;
        double fx = f0;
        double gx = ginit;
        double sty = 0;
        double fy = f0;
        double gy = ginit;
        double stmin = 0;
        double stmax = stp + EXTRAPOLATE_MAX * stp;
        double ceiling = Double.POSITIVE_INFINITY; // shortest step seen with a non-finite value
        double bestStep = 0;
        double bestValue = f0;
        double lastStep = 0;
        String failure = null;
        boolean nonFinite = false;

        for (int evaluation = 1; ; evaluation++) {
            trialPoint(x, stp, d, box, xNew);
            double fv = f.valueAndGradient(xNew, gNew);
            double gv = Vectors.dot(gNew, d);
            lastStep = stp;
            if (!Double.isFinite(fv) || !Double.isFinite(gv)) {
                if (stp > stx) {
                    ceiling = Math.min(ceiling, stp);
                    stmax = Math.min(stmax, ceiling);
                    if (!brackt) {
                        stmin = stx;
                    }
                }
                if (evaluation >= maxEvaluations) {
                    failure = "no finite value with sufficient decrease in " + maxEvaluations + " trial steps";
                    nonFinite = true;
                    break;
                }
                stp = stx + 0.5 * (stp - stx);
                if (stp <= stx) {
                    failure = "values are not finite arbitrarily close to the start point";
                    nonFinite = true;
                    break;
                }
                continue;
            }
            double ftest = f0 + stp * gtest;
            if (fv <= ftest && fv < bestValue) {
                bestStep = stp;
                bestValue = fv;
            }
            boolean curvature = Math.abs(gv) <= c2 * -ginit;
            if (curvature && (fv <= ftest || Math.abs(fv - f0) <= noise && gv <= (2 * c1 - 1) * ginit)) {
                return LineSearchResult.accepted(stp, fv);
            }
            if (brackt && (stp <= stmin || stp >= stmax)) {
                failure = "rounding errors prevent further progress";
            } else if (brackt && stmax - stmin <= XTOL * stmax) {
                failure = "interval of uncertainty below its relative tolerance " + XTOL;
            } else if (stp >= maxStep && fv <= ftest && gv <= gtest) {
                if (maxStep < MAX_STEP) {
                    return LineSearchResult.accepted(stp, fv);
                }
                failure = "step reached its upper bound " + MAX_STEP + "; the objective may be unbounded below";
            } else if (evaluation >= maxEvaluations) {
                failure = "no strong-Wolfe step in " + maxEvaluations + " trial steps";
            }
            if (failure != null) {
                break;
            }

            // A change of f within rounding noise says nothing; the trapezoidal rule on the slopes,
            // exact for quadratics, stands in for it so that the interpolation follows the gradient.
            double fe = Math.abs(fv - fx) <= noise ? fx + 0.5 * (stp - stx) * (gx + gv) : fv;
            if (stage1 && fe <= ftest && gv >= 0) {
                stage1 = false;
            }
            // In the first stage, while only sufficient decrease is missing, work on the modified
            // function ψ(t) = f(x + t·d) − f0 − c₁·t·∇f(x)ᵀd, whose minimisers have sufficient decrease.
            double shift = stage1 && fe <= fx && fe > ftest ? gtest : 0;
            double fxm = fx - stx * shift;
            double gxm = gx - shift;
            double fm = fe - stp * shift;
            double gm = gv - shift;
            double next = safeguardedStep(stx, fxm, gxm, sty, fy - sty * shift, gy - shift, stp, fm, gm, brackt, stmin, stmax);
            if (fm > fxm) {
                sty = stp;
                fy = fe;
                gy = gv;
                brackt = true;
            } else {
                if (gm * Math.signum(gxm) < 0) {
                    sty = stx;
                    fy = fx;
                    gy = gx;
                    brackt = true;
                }
                stx = stp;
                fx = fe;
                gx = gv;
            }
            stp = next;

            if (brackt) {
                // Bisect when the interval did not shrink enough over the last two trials.
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    stp = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + EXTRAPOLATE_MIN * (stp - stx);
                stmax = Math.min(stp + EXTRAPOLATE_MAX * (stp - stx), ceiling);
            }
            stp = Math.max(0, Math.min(stp, maxStep));
            if (stp >= ceiling) {
                stp = stx + 0.5 * (ceiling - stx);
            }
            if (brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                stp = stx; // no further progress is possible: evaluate the best step once more and stop
            }
        }
        if (bestStep == 0) {
            return noProgress(x, f0, g0, xNew, gNew, failure, nonFinite);
        }
        if (bestStep != lastStep) {
            trialPoint(x, bestStep, d, box, xNew);
            bestValue = f.valueAndGradient(xNew, gNew);
        }
        return LineSearchResult.failed(bestStep, bestValue, failure + "; kept the best step with sufficient decrease");
    }

    /** xNew ← x + t·d, projected onto the box when there is one. */
    private static void trialPoint(double[] x, double t, double[] d, Bounds box, double[] xNew) {
        Vectors.addScaled(x, t, d, xNew);
        if (box != null) {
            box.project(xNew);
        }
    }

    private static LineSearchResult noProgress(double[] x, double f0, double[] g0, double[] xNew, double[] gNew, String why,
            boolean nonFinite) {
        Vectors.copy(x, xNew);
        Vectors.copy(g0, gNew);
        return new LineSearchResult(false, 0, f0, why, nonFinite);
    }

    /**
     * MINPACK-2 {@code dcstep}: the next trial step from the best step (stx, fx, dx), the other end of
     * the interval (sty, fy, dy) and the current trial (stp, fp, dp), by the cubic or quadratic
     * interpolant that the four cases of Moré and Thuente (1994) prescribe, kept inside
     * [stpmin, stpmax]. The caller updates the interval.
     */
    static double safeguardedStep(double stx, double fx, double dx, double sty, double fy, double dy, double stp, double fp,
            double dp, boolean brackt, double stpmin, double stpmax) {
        double sgnd = dp * Math.signum(dx);
        if (fp > fx) {
            // Case 1: a higher value; the minimiser is bracketed. Take the cubic step if it is closer
            // to stx than the quadratic one, otherwise their average.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double stpc = stx + p / q * (stp - stx);
            double stpq = stx + dx / ((fx - fp) / (stp - stx) + dx) / 2 * (stp - stx);
            if (!strictlyBetween(stpc, stx, stp)) {
                // The cubic's minimiser lies inside the bracket unless cancellation wiped it out
                // (a first trial many orders of magnitude too long); the quadratic step is then safer.
                return strictlyBetween(stpq, stx, stp) ? stpq : stx + 0.5 * (stp - stx);
            }
            return Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
        }
        if (sgnd < 0) {
            // Case 2: lower value, derivatives of opposite sign; bracketed. The step farther from stp.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double stpc = stp + p / q * (stx - stp);
            double stpq = stp + dp / (dp - dx) * (stx - stp);
            return Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        }
        if (Math.abs(dp) < Math.abs(dx)) {
            // Case 3: lower value, same sign, smaller derivative. The cubic is used only if it tends
            // to infinity in the direction of the step or its minimum lies beyond stp.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else {
                stpc = stp > stx ? stpmax : stpmin;
            }
            double stpq = stp + dp / (dp - dx) * (stx - stp);
            double stpf;
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                return stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            }
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            return Math.max(stpmin, Math.min(stpmax, stpf));
        }
        // Case 4: lower value, same sign, derivative not smaller. Cubic through stp and sty if
        // bracketed, otherwise the bound in the direction of the step.
        if (brackt) {
            double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
            double s = max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dy / s) * (dp / s)));
            if (stp > sty) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dy;
            return stp + p / q * (sty - stp);
        }
        return stp > stx ? stpmax : stpmin;
    }

    private static boolean strictlyBetween(double t, double a, double b) {
        return t > Math.min(a, b) && t < Math.max(a, b);
    }

    private static double max(double a, double b, double c) {
        return Math.max(a, Math.max(b, c));
    }
}
