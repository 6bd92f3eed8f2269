package io.fixpoint.solve;

/**
 * Stopping tolerances. The solve converges when optimality ≤ max(absolute, relative·optimality₀).
 * The step and value-change tests are off (zero) unless set: when one fires before the optimality
 * test, the solution still says CONVERGED but its message names the weaker criterion.
 *
 * @param absolute      absolute tolerance on the optimality measure
 * @param relative      tolerance relative to the optimality measure at the start point
 * @param step          stop when ‖Δx‖ ≤ step·(1+‖x‖)
 * @param valueChange   stop when |Δf| ≤ valueChange·max(1,|f|)
 */
public record Tolerances(double absolute, double relative, double step, double valueChange) {

    public static final Tolerances DEFAULT = new Tolerances(1e-8, 0, 0, 0);

    public Tolerances {
        requireNonNegative("absolute", absolute);
        requireNonNegative("relative", relative);
        requireNonNegative("step", step);
        requireNonNegative("valueChange", valueChange);
    }

    public static Tolerances of(double absolute) {
        return new Tolerances(absolute, 0, 0, 0);
    }

    public Tolerances withRelative(double r) {
        return new Tolerances(absolute, r, step, valueChange);
    }

    public Tolerances withStep(double s) {
        return new Tolerances(absolute, relative, s, valueChange);
    }

    public Tolerances withValueChange(double v) {
        return new Tolerances(absolute, relative, step, v);
    }

    /** The threshold a solve whose optimality measure started at {@code initialOptimality} must reach. */
    public double target(double initialOptimality) {
        return Math.max(absolute, relative * initialOptimality);
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("tolerance " + name + " must be finite and ≥ 0, got " + v);
        }
    }
}
