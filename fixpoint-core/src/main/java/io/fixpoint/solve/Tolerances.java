package io.fixpoint.solve;

/**
 * Stopping tolerances. The solve converges when
 * <pre>
 *   optimality ≤ max(absolute, min(relative·optimality₀, ceiling·max(1, |value|)))
 * </pre>
 * A test relative to the start alone trusts the start: from a far start optimality₀ is huge and
 * relative·optimality₀ accepts points that are nowhere near stationary (Rosenbrock from (10⁴, 1) has
 * ‖∇f(x₀)‖ = 4·10¹⁴). So the relative target is bounded by a ceiling scaled to the problem at the
 * current point, as Optimistix and NumPy scale an absolute tolerance by the size of what is measured
 * (atol + rtol·|f|): with ‖∇f‖ ≤ ceiling·max(1, |f|) the first-order change of f over a unit step is a
 * small fraction of f itself. The ceiling only ever tightens the relative test; 0 turns it off, and it
 * plays no part when relative is 0.
 *
 * <p>The step and value-change tests are off (zero) unless set: when one fires before the optimality
 * test, the solution still says CONVERGED but names the weaker criterion ({@link Solution#criterion()}).
 *
 * @param absolute    absolute tolerance on the optimality measure
 * @param relative    tolerance relative to the optimality measure at the start point
 * @param ceiling     bound on the relative target, relative to max(1, |value|) at the current point (0: none)
 * @param step        stop when ‖Δx‖ ≤ step·(1+‖x‖)
 * @param valueChange stop when |Δf| ≤ valueChange·max(1,|f|)
 */
public record Tolerances(double absolute, double relative, double ceiling, double step, double valueChange) {

    public static final Tolerances DEFAULT = new Tolerances(1e-8, 0, 0, 0, 0);

    public Tolerances {
        requireNonNegative("absolute", absolute);
        requireNonNegative("relative", relative);
        requireNonNegative("ceiling", ceiling);
        requireNonNegative("step", step);
        requireNonNegative("valueChange", valueChange);
    }

    public static Tolerances of(double absolute) {
        return new Tolerances(absolute, 0, 0, 0, 0);
    }

    /** A test relative to the start, bounded by {@code ceiling}·max(1, |value|). */
    public static Tolerances relative(double relative, double ceiling) {
        return new Tolerances(0, relative, ceiling, 0, 0);
    }

    public Tolerances withAbsolute(double a) {
        return new Tolerances(a, relative, ceiling, step, valueChange);
    }

    public Tolerances withRelative(double r) {
        return new Tolerances(absolute, r, ceiling, step, valueChange);
    }

    public Tolerances withStep(double s) {
        return new Tolerances(absolute, relative, ceiling, s, valueChange);
    }

    public Tolerances withValueChange(double v) {
        return new Tolerances(absolute, relative, ceiling, step, v);
    }

    /** The target for the optimality measure at a point with value {@code value}, the start's measure being {@code initialOptimality}. */
    public double target(double initialOptimality, double value) {
        double relativeTarget = relative * initialOptimality;
        if (ceiling > 0 && Double.isFinite(value)) {
            relativeTarget = Math.min(relativeTarget, ceiling * Math.max(1, Math.abs(value)));
        }
        return Math.max(absolute, relativeTarget);
    }

    /** The test in words, e.g. {@code ‖∇f‖ ≤ min(1e-10·‖∇f‖(x₀), 1e-05·max(1, |f|))} for {@code measure} ‖∇f‖ and {@code value} f. */
    public String describe(String measure, String value) {
        if (relative == 0) {
            return measure + " ≤ " + number(absolute);
        }
        String rel = number(relative) + "·" + measure + "(x₀)";
        if (ceiling > 0) {
            rel = "min(" + rel + ", " + number(ceiling) + "·max(1, |" + value + "|))";
        }
        return measure + " ≤ " + (absolute > 0 ? "max(" + number(absolute) + ", " + rel + ")" : rel);
    }

    /** Three significant digits without trailing zeros: 1e-10, 0.5, 2.5e-08. */
    private static String number(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("tolerance " + name + " must be finite and ≥ 0, got " + v);
        }
    }
}
