package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.RootProblem;

/**
 * Backtracking on the merit φ = ½‖F‖² along d: accept the first t with φ(x + t·d) ≤ φ(x) + c·t·slope,
 * where slope = ∇φᵀd = Fᵀ(J d) (or, without a trustworthy J, −‖F‖², the slope of an exact Newton
 * direction), shrinking t by safeguarded quadratic interpolation in [0.1t, 0.5t].
 */
final class MeritSearch {
    private static final double C1 = 1e-4;
    private final int maxTrials;
    private final double[] trial;
    private final double[] fTrial;

    MeritSearch(int n, int maxTrials) {
        this.maxTrials = maxTrials;
        this.trial = new double[n];
        this.fTrial = new double[n];
    }

    /**
     * Moves {@code s} to the accepted point (x, F, ‖F‖, step norm) and returns the step length, or
     * returns 0 and leaves {@code s} unchanged when no trial gave sufficient decrease.
     */
    double search(RootProblem p, RootState s, double[] d, double slope) {
        double phi = s.value;
        double t = 1;
        for (int k = 0; k < maxTrials; k++) {
            Vectors.addScaled(s.x, t, d, trial);
            p.residuals(trial, fTrial);
            double norm = Vectors.norm(fTrial);
            double phiT = 0.5 * norm * norm;
            if (Double.isFinite(phiT) && phiT <= phi + C1 * t * slope) {
                s.stepNorm = t * Vectors.norm(d);
                Vectors.copy(trial, s.x);
                Vectors.copy(fTrial, s.f);
                s.residualNorm(norm);
                return t;
            }
            double next = Double.isFinite(phiT) ? -slope * t * t / (2 * (phiT - phi - slope * t)) : 0.1 * t;
            t = Math.max(0.1 * t, Math.min(0.5 * t, next));
        }
        return 0;
    }
}
