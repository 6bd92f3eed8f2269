package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.LeastSquaresProblem;

/**
 * Powell's dogleg in MINPACK's scaled variables (D as for Levenberg–Marquardt): the Gauss–Newton
 * step when it fits in the region, else the point where the path from the Cauchy point towards the
 * Gauss–Newton point leaves it (or the scaled steepest-descent step cut at the boundary).
 */
public final class Dogleg extends TrustRegionSolver<Dogleg.State> {

    public Dogleg(StopRules rules) {
        super(rules);
    }

    public Dogleg() {
        this(StopRules.DEFAULT);
    }

    @Override
    public String name() {
        return "dogleg";
    }

    /** The trust region and the dogleg's vectors: the Gauss–Newton step, D⁻¹g and D⁻²g, all scaled. */
    public static final class State extends RegionState {
        final double[] gaussNewton;
        final double[] scaledGradient;
        final double[] descent;

        State(LeastSquaresProblem problem, double[] x0) {
            super(problem, x0, false);
            gaussNewton = new double[n];
            scaledGradient = new double[n];
            descent = new double[n];
        }
    }

    @Override
    State newState(LeastSquaresProblem problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    double trialStep(LeastSquaresProblem problem, State s) {
        double[] gn = s.gaussNewton;
        double[] sg = s.scaledGradient;
        double[] tmp = s.descent;
        double delta = s.radius;
        s.svd.gaussNewton(gn);
        double gnNorm = Vectors.norm(gn);
        if (gnNorm <= delta) {
            Vectors.copy(gn, s.scaledStep);
            s.lambda = 0; // the unconstrained step: lets the radius grow as lmder does
        } else {
            // scaled gradient D⁻¹g and the Cauchy step along it: t = ‖D⁻¹g‖² / ‖J D⁻² g‖²
            for (int j = 0; j < s.n; j++) {
                sg[j] = s.g[j] / s.scale[j];
                tmp[j] = sg[j] / s.scale[j];
            }
            s.multiply(tmp, s.jp);
            double sgNorm = Vectors.norm(sg);
            double jg = Vectors.norm(s.jp);
            double t = sgNorm * sgNorm / (jg * jg);
            if (!(t * sgNorm < delta) || jg == 0) {
                for (int j = 0; j < s.n; j++) {
                    s.scaledStep[j] = -delta * sg[j] / sgNorm;
                }
            } else {
                // p = c + τ(gn − c), with ‖p‖ = Δ and c = −t·sg
                double cc = 0;
                double cd = 0;
                double dd = 0;
                for (int j = 0; j < s.n; j++) {
                    double c = -t * sg[j];
                    double d = gn[j] - c;
                    cc += c * c;
                    cd += c * d;
                    dd += d * d;
                }
                double tau = (-cd + Math.sqrt(cd * cd + dd * (delta * delta - cc))) / dd;
                for (int j = 0; j < s.n; j++) {
                    double c = -t * sg[j];
                    s.scaledStep[j] = c + tau * (gn[j] - c);
                }
            }
            s.lambda = 1; // constrained by the region
        }
        for (int j = 0; j < s.n; j++) {
            s.step[j] = s.scaledStep[j] / s.scale[j];
        }
        return s.predictedReduction(s.step);
    }
}
