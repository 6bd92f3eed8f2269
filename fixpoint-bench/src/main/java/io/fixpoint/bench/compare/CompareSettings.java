package io.fixpoint.bench.compare;

import io.fixpoint.catalog.Catalog;

/**
 * What every tool is given alike.
 *
 * @param absoluteGradientTolerance stop when ‖∇f‖ ≤ max(absolute, relative·‖∇f(x₀)‖) ...
 * @param relativeGradientTolerance ... the same target is handed to every tool as an absolute tolerance
 * @param maxIterations             iteration limit for every tool
 * @param warmups                   untimed solves before measuring a JVM method (JIT warm-up)
 * @param repeats                   timed solves; the median is reported
 * @param secondsPerMethod          fewer repeats when one problem × method would take longer than this
 */
public record CompareSettings(
        double absoluteGradientTolerance,
        double relativeGradientTolerance,
        int maxIterations,
        int warmups,
        int repeats,
        double secondsPerMethod) {

    /**
     * The relative part of the minimisers' stopping rule from the catalogue (‖∇f‖ ≤ 1e-10·‖∇f(x₀)‖), handed to every tool as
     * one absolute target so that all stop by the same test (the catalogue's ceiling on it, which the peers have no way to
     * apply, is left out), 10 000 iterations for every tool, 3 warm-ups, 5 repeats. Every tool is judged by {@link io.fixpoint.bench.MinimizationJudge}.
     */
    public static final CompareSettings DEFAULT = new CompareSettings(0,
            Catalog.builtIn().minimizer("lbfgs").defaults().tolerances().relative(), 10_000, 3, 5, 1.0);

    public CompareSettings {
        if (!(absoluteGradientTolerance >= 0) || !(relativeGradientTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be ≥ 0");
        }
        if (maxIterations < 1 || warmups < 0 || repeats < 1 || !(secondsPerMethod > 0)) {
            throw new IllegalArgumentException("need maxIterations ≥ 1, warmups ≥ 0, repeats ≥ 1 and secondsPerMethod > 0; got "
                    + maxIterations + ", " + warmups + ", " + repeats + ", " + secondsPerMethod);
        }
    }

    public CompareSettings withRepeats(int r) {
        return new CompareSettings(absoluteGradientTolerance, relativeGradientTolerance, maxIterations, warmups, r,
                secondsPerMethod);
    }

    public CompareSettings withWarmups(int w) {
        return new CompareSettings(absoluteGradientTolerance, relativeGradientTolerance, maxIterations, w, repeats,
                secondsPerMethod);
    }

    public CompareSettings withSecondsPerMethod(double s) {
        return new CompareSettings(absoluteGradientTolerance, relativeGradientTolerance, maxIterations, warmups,
                repeats, s);
    }

    /** The absolute gradient-norm target for a problem whose start gradient has norm {@code g0}. */
    public double gradientTarget(double g0) {
        return Math.max(absoluteGradientTolerance, relativeGradientTolerance * g0);
    }
}
