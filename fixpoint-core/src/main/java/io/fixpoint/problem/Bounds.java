package io.fixpoint.problem;

import java.util.Arrays;

/**
 * Simple bounds lower ≤ x ≤ upper on the unknowns; infinite entries mean no bound on that side.
 * Part of a problem, not of a solver.
 */
public record Bounds(double[] lower, double[] upper) {

    public Bounds {
        if (lower.length != upper.length) {
            throw new InvalidProblemException("lower bounds have length " + lower.length + " but upper bounds have length " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || !(lower[i] < upper[i])) {
                throw new InvalidProblemException("bounds at index " + i + " must satisfy lower < upper, got [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** No bounds on any of {@code n} unknowns. */
    public static Bounds unbounded(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Bounds(lo, hi);
    }

    public int dimension() {
        return lower.length;
    }

    /** Whether any entry has a finite bound. */
    public boolean isBounded() {
        for (int i = 0; i < lower.length; i++) {
            if (Double.isFinite(lower[i]) || Double.isFinite(upper[i])) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < lower[i] || x[i] > upper[i]) {
                return false;
            }
        }
        return true;
    }

    /** Clips {@code x} into the box, in place. */
    public void project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }
}
