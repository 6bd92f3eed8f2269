package io.fixpoint.fixedpoint;

/**
 * When a fixed-point solver declares NO_FIXED_POINT: the displacement estimate must change by at most
 * {@code relativeChange} of its norm between checkpoints k/2 and k, by no more than between k/4 and
 * k/2, and have norm at least {@code floor} (see {@link DisplacementMonitor}).
 *
 * @param enabled        whether to watch at all
 * @param relativeChange the stability required of the estimate over a doubling window
 * @param floor          the smallest displacement norm accepted as a certificate
 */
public record DetectionSettings(boolean enabled, double relativeChange, double floor) {

    public static final DetectionSettings DEFAULT = new DetectionSettings(true, 5e-4, 1e-6);
    public static final DetectionSettings OFF = new DetectionSettings(false, 0, 0);

    public DetectionSettings {
        if (enabled && !(relativeChange > 0 && floor > 0)) {
            throw new IllegalArgumentException("relativeChange and floor must be > 0, got " + relativeChange + ", " + floor);
        }
    }

    DisplacementMonitor monitor(double[] x0, double scale) {
        return enabled ? new DisplacementMonitor(x0, scale, false, relativeChange, floor) : null;
    }

    /** A monitor for an anchored iteration, whose residual approaches v like c/k. */
    DisplacementMonitor anchoredMonitor(double[] x0) {
        return enabled ? new DisplacementMonitor(x0, 2, true, relativeChange, floor) : null;
    }
}
