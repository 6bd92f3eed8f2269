package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.solve.SolverState.Details;

/**
 * Watches a fixed-point iteration for the signature of a map without a fixed point. For an averaged
 * map T, x_k − T(x_k) → v, the infimal displacement vector, and v ≠ 0 exactly when T has no fixed
 * point; the normalised iterates give a second estimate, v ≈ s·(x_0 − x_k)/k, with s = 1/α for a
 * step x ← x − α(x − T(x)) and s = 2 for the anchored (Halpern) iteration (Park and Ryu, "Accelerated
 * Infeasibility Detection of Constrained Optimization and Fixed-Point Iterations", 2023).
 *
 * <p>At checkpoints k = 8, 16, 32, … the monitor compares the residual with its value at the previous
 * checkpoint. It declares "no fixed point" when the residual vector moved by at most
 * {@code relativeChange} of its norm over the window, its norm is at least {@code floor}, and (when the
 * solver's iterates admit the normalised estimate) that estimate agrees with the residual to 25%: the
 * iterates then drift away at velocity −v instead of settling, which a convergent iteration, whose
 * residual and normalised iterates both shrink window after window, never shows.
 *
 * <p>For the anchored iteration the residual approaches v like c/k, so the monitor watches (and
 * reports) the Richardson extrapolation 2r_k − r_{k/2}, which cancels that term; the plain iterations'
 * residuals converge fast in practice and are used as they are.
 */
final class DisplacementMonitor {
    private static final int FIRST_CHECKPOINT = 8;
    private static final double AGREEMENT = 0.25;

    private final double scale;
    private final boolean extrapolate;
    private final double relativeChange;
    private final double floor;
    private final double[] anchor;
    private final double[] fromIterates;
    private final double[] previous;
    private final double[] residual;
    private final double[] previousResidual;
    private final double[] estimate;
    private int windows;
    private int k;
    private int checkpoint = FIRST_CHECKPOINT;
    private boolean havePrevious;
    private double lastChange = Double.NaN;

    /**
     * @param scale          s in v ≈ s·(x_0 − x_k)/k, or 0 to watch the residual alone
     * @param extrapolate    whether the residual approaches v like c/k (anchored iterations)
     * @param relativeChange largest relative change of the estimate over a window
     * @param floor          smallest displacement norm taken as a certificate
     */
    DisplacementMonitor(double[] x0, double scale, boolean extrapolate, double relativeChange, double floor) {
        int n = x0.length;
        this.scale = scale;
        this.extrapolate = extrapolate;
        this.previousResidual = new double[n];
        this.estimate = new double[n];
        this.relativeChange = relativeChange;
        this.floor = floor;
        this.anchor = x0.clone();
        this.fromIterates = new double[n];
        this.previous = new double[n];
        this.residual = new double[n];
    }

    /** Starts the normalised estimate afresh from {@code x} (after a restart of an anchored iteration). */
    void reset(double[] x) {
        Vectors.copy(x, anchor);
        k = 0;
        checkpoint = FIRST_CHECKPOINT;
        havePrevious = false;
        windows = 0;
    }

    /**
     * Records iterate x_k and its residual r_k = x_k − T(x_k); returns true when the estimate is a
     * stable non-zero vector.
     */
    boolean observe(double[] x, double[] r) {
        k++;
        Vectors.copy(r, residual);
        if (scale > 0) {
            for (int i = 0; i < x.length; i++) {
                fromIterates[i] = scale * (anchor[i] - x[i]) / k;
            }
        }
        if (k < checkpoint) {
            return false;
        }
        checkpoint *= 2;
        windows++;
        if (extrapolate) {
            if (windows == 1) {
                Vectors.copy(residual, previousResidual);
                Vectors.copy(residual, estimate);
                return false;
            }
            for (int i = 0; i < residual.length; i++) {
                estimate[i] = 2 * residual[i] - previousResidual[i];
            }
            Vectors.copy(residual, previousResidual);
        } else {
            Vectors.copy(residual, estimate);
        }
        boolean stable = false;
        if (havePrevious) {
            double norm = Vectors.norm(estimate);
            lastChange = Vectors.distance(estimate, previous) / Math.max(norm, Double.MIN_NORMAL);
            boolean drifts = scale == 0 || Vectors.distance(estimate, fromIterates) <= AGREEMENT * norm;
            stable = norm >= floor && lastChange <= relativeChange && drifts;
        }
        Vectors.copy(estimate, previous);
        havePrevious = true;
        return stable;
    }

    /** The reported estimate of v as of the last checkpoint: the (extrapolated) residual, checked stable. */
    double[] estimate() {
        return estimate;
    }

    /** Adds the figures a solution reports: the displacement and the estimates behind it. */
    void describe(Details details) {
        details.put("displacement", estimate().clone()).put("displacementNorm", Vectors.norm(estimate()));
        if (scale > 0) {
            details.put("displacementFromIterates", fromIterates.clone());
        }
        details.put("displacementFromResidual", residual.clone()).put("displacementRelativeChange", lastChange);
    }

    /** The verdict's message. */
    String message() {
        return "the map has no fixed point: x − T(x) converges to the non-zero displacement v with ‖v‖ ≈ "
                + String.format("%.6g", Vectors.norm(estimate())) + " (relative change "
                + String.format("%.2g", lastChange) + " over iterations " + k / 2 + ".." + k + ")";
    }
}
