package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.solve.SolverState.Details;
import java.util.Locale;

/**
 * Watches a fixed-point iteration for the signature of a map without a fixed point. For an averaged
 * map T, x_k − T(x_k) → v, the infimal displacement vector, and v ≠ 0 exactly when T has no fixed
 * point; the normalised iterates give a second estimate, v ≈ s·(x_0 − x_k)/k, with s = 1/α for a
 * step x ← x − α(x − T(x)) and s = 2 for the anchored (Halpern) iteration (Park and Ryu, "Accelerated
 * Infeasibility Detection of Constrained Optimization and Fixed-Point Iterations", 2023).
 *
 * <p>No finite run can tell a map without a fixed point from one whose fixed point is far enough
 * away: x ↦ x + 1 − x/10⁶ drifts at unit speed for thousands of steps before it turns towards
 * x* = 10⁶. So the monitor declares "no fixed point" only on evidence such a map cannot give, and says
 * how far the evidence reaches. At checkpoints k = 8, 16, 32, … it compares the residual with its
 * value at the previous checkpoint, and declares when
 * <ul>
 *   <li>the residual moved by at most {@code relativeChange} of its norm over the window, and its norm is at least {@code floor};</li>
 *   <li>it moved no more than over the window before: the residual has stopped
 *       falling. A map that contracts, however slowly, lowers its residual by a fixed fraction per
 *       step, so the change doubles from one doubling window to the next until the relative change
 *       is of order one; the two conditions exclude each other for every linear contraction;</li>
 *   <li>when the solver's iterates admit the normalised estimate, it agrees with the residual to 25%:
 *       the iterates drift away at velocity −v, ‖x_k − x_0‖ growing linearly.</li>
 * </ul>
 * For the Fejér-monotone iterations (Picard, Krasnosel'skii–Mann, Halpern) a fixed point x* of a
 * nonexpansive T would keep every iterate within ‖x_0 − x*‖ of it, so ‖x_k − x_0‖ ≤ 2‖x_0 − x*‖: the
 * declaration carries the radius ‖x_k − x_0‖/2 (from the current anchor) within which no fixed point
 * lies — what the run has ruled out for certain, beyond which the verdict is an extrapolation.
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
    private double previousChange = Double.NaN;
    private double lastChange = Double.NaN;
    private double radius = Double.NaN;

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
        previousChange = Double.NaN;
        windows = 0;
    }

    /**
     * Records iterate x_k and its residual r_k = x_k − T(x_k); returns true when the estimate is a
     * stable non-zero vector that has stopped moving.
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
            double change = Vectors.distance(estimate, previous);
            lastChange = change / Math.max(norm, Double.MIN_NORMAL);
            // no allowance for rounding: a change that grows in its last bits may be a drift not yet resolved (false while NaN)
            boolean settled = change <= previousChange;
            boolean drifts = scale == 0 || Vectors.distance(estimate, fromIterates) <= AGREEMENT * norm;
            stable = norm >= floor && lastChange <= relativeChange && settled && drifts;
            previousChange = change;
        }
        if (stable && scale > 0) {
            radius = Vectors.distance(x, anchor) / 2;
        }
        Vectors.copy(estimate, previous);
        havePrevious = true;
        return stable;
    }

    /** The reported estimate of v as of the last checkpoint: the (extrapolated) residual, checked stable. */
    double[] estimate() {
        return estimate;
    }

    /** Adds the figures a solution reports: the displacement, the estimates behind it and the radius ruled out. */
    void describe(Details details) {
        details.put("displacement", estimate().clone()).put("displacementNorm", Vectors.norm(estimate()));
        if (scale > 0) {
            details.put("displacementFromIterates", fromIterates.clone());
        }
        details.put("displacementFromResidual", residual.clone()).put("displacementRelativeChange", lastChange);
        if (!Double.isNaN(radius)) {
            details.put("noFixedPointWithin", radius);
        }
    }

    /** The verdict's message: what settled, over which iterations, and how far the run has ruled a fixed point out. */
    String message() {
        String reach = Double.isNaN(radius)
                ? "these iterates bound no distance to a fixed point (they are not Fejér monotone), so one far away is not ruled out"
                : String.format(Locale.ROOT, "if T is nonexpansive no fixed point lies within %.6g of the start (‖x_k − x_0‖/2); "
                        + "beyond that the verdict extrapolates", radius);
        return String.format(Locale.ROOT, "the map has no fixed point: x − T(x) settles at the displacement v with ‖v‖ ≈ %.6g (relative change "
                + "%.2g over iterations %d..%d, no more than over the window before); %s", Vectors.norm(estimate()), lastChange, k / 2, k, reach);
    }
}
