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
                String why = lower[i] > upper[i] ? "the lower bound exceeds the upper bound" : "not a proper interval";
                throw new InvalidProblemException("bounds of x[" + i + "]: " + why + " (need lower < upper), got [" + lower[i] + ", "
                        + upper[i] + "]");
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

    /** Clips {@code x} into the box, in place, and returns how many coordinates moved. */
    public int projectCounting(double[] x) {
        int moved = 0;
        for (int i = 0; i < x.length; i++) {
            double p = Math.min(upper[i], Math.max(lower[i], x[i]));
            if (p != x[i]) {
                moved++;
                x[i] = p;
            }
        }
        return moved;
    }

    /**
     * The projected-gradient norm ‖P(x − g) − x‖₂ at a point {@code x} of the box with gradient {@code g}:
     * the first-order optimality measure of bound-constrained minimisation, zero exactly at the points
     * that satisfy the KKT conditions. Componentwise P(x − g) − x is −g where the variable is free,
     * and is cut off at the bound a step along −g would cross.
     */
    public double projectedGradientNorm(double[] x, double[] g) {
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(projectedStep(i, x[i], g[i])));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = projectedStep(i, x[i], g[i]) / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** The largest component |P(x − g) − x|ᵢ: SciPy's L-BFGS-B tests this one (its {@code pgtol}). */
    public double projectedGradientNormInf(double[] x, double[] g) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double v = Math.abs(projectedStep(i, x[i], g[i]));
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, v);
        }
        return m;
    }

    /** (P(x − g) − x)ᵢ. */
    double projectedStep(int i, double xi, double gi) {
        return Math.min(upper[i], Math.max(lower[i], xi - gi)) - xi;
    }
}
