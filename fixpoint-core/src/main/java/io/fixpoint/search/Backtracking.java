package io.fixpoint.search;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;

/**
 * Armijo backtracking: accept the first step t with f(x + t·d) ≤ f(x) + c₁·t·∇f(x)ᵀd, shrinking t by
 * a safeguarded quadratic interpolation (kept in [0.1t, 0.5t]). Non-finite trial values are treated
 * as too long a step.
 *
 * @param c1       sufficient-decrease constant in (0, 1)
 * @param maxTrials how many trial steps before giving up
 */
public record Backtracking(double c1, int maxTrials) implements LineSearch {

    public Backtracking {
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 must lie in (0, 1), got " + c1);
        }
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be ≥ 1, got " + maxTrials);
        }
    }

    public Backtracking() {
        this(1e-4, 60);
    }

    @Override
    public LineSearchResult search(Objective f, double[] x, double f0, double[] g0, double[] d, double initialStep,
            double[] xNew, double[] gNew) {
        double slope = Vectors.dot(g0, d);
        if (!(slope < 0)) {
            Vectors.copy(x, xNew);
            Vectors.copy(g0, gNew);
            return LineSearchResult.failed(0, f0, "not a descent direction (slope " + slope + ")");
        }
        double t = initialStep;
        for (int trial = 0; trial < maxTrials; trial++) {
            Vectors.addScaled(x, t, d, xNew);
            double ft = f.value(xNew);
            if (Double.isFinite(ft) && ft <= f0 + c1 * t * slope) {
                f.gradient(xNew, gNew);
                return LineSearchResult.accepted(t, ft);
            }
            double next = Double.isFinite(ft) ? -slope * t * t / (2 * (ft - f0 - slope * t)) : 0.1 * t;
            t = Math.max(0.1 * t, Math.min(0.5 * t, next));
        }
        Vectors.copy(x, xNew);
        Vectors.copy(g0, gNew);
        return LineSearchResult.failed(0, f0, "no sufficient decrease after " + maxTrials + " trial steps");
    }
}
