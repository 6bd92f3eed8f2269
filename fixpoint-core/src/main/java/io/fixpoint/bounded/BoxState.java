package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every bounded minimiser keeps: the box, a feasible iterate with its value and gradient, a trial
 * point and gradient, and the projected-gradient norm the solve certifies. Accepting a trial swaps the
 * buffers, so a step allocates nothing.
 */
abstract class BoxState implements IterationState {
    final Bounds bounds;
    final double[] lower;
    final double[] upper;
    /** Some variable has a finite bound (otherwise trial points need no projection). */
    final boolean constrained;
    /** Every variable has both bounds finite. */
    final boolean boxed;
    /** Coordinates of the start point that lay outside the box and were projected onto it. */
    final int projectedAtStart;
    double[] x;
    double[] g;
    double f;
    double[] xTrial;
    double[] gTrial;
    double projectedGradientNorm;
    double stepNorm = Double.NaN;
    Verdict verdict;

    BoxState(Objective problem, Bounds bounds, double[] x0) {
        InvalidProblemException.checkDimension("bounds", bounds.dimension(), x0.length);
        int n = x0.length;
        this.bounds = bounds;
        this.lower = bounds.lower();
        this.upper = bounds.upper();
        boolean anyBound = false;
        boolean allBoth = true;
        for (int i = 0; i < n; i++) {
            boolean lo = lower[i] > Double.NEGATIVE_INFINITY;
            boolean hi = upper[i] < Double.POSITIVE_INFINITY;
            anyBound |= lo || hi;
            allBoth &= lo && hi;
        }
        constrained = anyBound;
        boxed = allBoth;
        projectedAtStart = bounds.projectCounting(x0);
        x = x0;
        g = new double[n];
        f = problem.valueAndGradient(x, g);
        projectedGradientNorm = bounds.projectedGradientNorm(x, g);
        xTrial = new double[n];
        gTrial = new double[n];
    }

    /** The box, or null when it is all of Rⁿ and trial points need no projection. */
    Bounds box() {
        return constrained ? bounds : null;
    }

    /** Makes the trial point (value {@code fTrial}) the iterate; {@code stepLength} is ‖x⁺ − x‖. */
    void acceptTrial(double fTrial, double stepLength) {
        stepNorm = stepLength;
        double[] t = x;
        x = xTrial;
        xTrial = t;
        t = g;
        g = gTrial;
        gTrial = t;
        f = fTrial;
        projectedGradientNorm = bounds.projectedGradientNorm(x, g);
    }

    /**
     * The verdict when a search along {@code what} cannot move: {@code NON_FINITE} when f or its slope
     * was not finite at the trial points it ended on (the iterate is the last finite one), else {@code STALLED}.
     */
    static Verdict searchFailed(LineSearchResult r, String what) {
        if (r.nonFinite()) {
            return new Verdict(Status.NON_FINITE, what + " met only non-finite values of f or ∇f (" + r.message()
                    + "); returning the last finite iterate");
        }
        return new Verdict(Status.STALLED, what + " failed: " + r.message());
    }

    /** Variables at one of their bounds at the current iterate. */
    int activeBounds() {
        int active = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == lower[i] || x[i] == upper[i]) {
                active++;
            }
        }
        return active;
    }

    /** The details every bounded solver reports, in a map the solver may extend. */
    Map<String, Object> boxDetails() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activeBounds", activeBounds());
        m.put("projectedStartCoordinates", projectedAtStart);
        m.put("projectedGradientNormInf", bounds.projectedGradientNormInf(x, g));
        return m;
    }

    @Override
    public List<String> warnings() {
        if (projectedAtStart == 0) {
            return List.of();
        }
        return List.of("the start point lay outside the bounds; " + projectedAtStart + (projectedAtStart == 1 ? " coordinate was" : " coordinates were")
                + " projected onto the box");
    }

    @Override
    public double[] x() {
        return x;
    }

    @Override
    public double value() {
        return f;
    }

    @Override
    public double optimality() {
        return projectedGradientNorm;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }
}
