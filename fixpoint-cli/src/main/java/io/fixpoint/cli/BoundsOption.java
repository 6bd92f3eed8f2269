package io.fixpoint.cli;

import io.fixpoint.problem.Bounds;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --bounds name=LOW:HIGH,...} option of {@code fit} and {@code minimize}: a missing side,
 * {@code -inf} (low) or {@code inf} (high) means no bound; names not listed are unbounded.
 */
final class BoundsOption {
    private BoundsOption() {
    }

    /**
     * The bounds on {@code names} that {@code text} sets.
     *
     * @param what what the names are, for messages ("parameter", "variable")
     * @throws UserError for a malformed pair, an unknown name, a non-number, an infinity on the wrong side or low &gt; high
     */
    static Bounds parse(String text, List<String> names, String what) {
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (String part : text.split(",", -1)) {
            String[] kv = part.split("=", -1);
            String[] range = kv.length == 2 ? kv[1].split(":", -1) : new String[0];
            if (range.length != 2) {
                throw new UserError("--bounds wants name=low:high pairs separated by commas, e.g. " + names.get(0) + "=0:1; got '"
                        + part.strip() + "'");
            }
            String name = kv[0].strip();
            int j = names.indexOf(name);
            if (j < 0) {
                throw new UserError("--bounds: '" + name + "' is not a " + what + " (" + what + "s: " + String.join(", ", names) + ")");
            }
            lo[j] = bound(range[0], name, -1);
            hi[j] = bound(range[1], name, +1);
            if (!(lo[j] < hi[j])) {
                throw new UserError("--bounds: '" + name + "' needs lower < upper, got " + range[0].strip() + ":" + range[1].strip());
            }
        }
        return new Bounds(lo, hi);
    }

    /** A bound of {@code name}; {@code side} −1 for the lower one (may be −inf), +1 for the upper one (may be inf). */
    private static double bound(String text, String name, int side) {
        String t = text.strip();
        String which = side < 0 ? "lower" : "upper";
        if (t.isEmpty()) {
            return side * Double.POSITIVE_INFINITY;
        }
        double v;
        try {
            v = Double.parseDouble(t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf") ? "Infinity"
                    : t.equalsIgnoreCase("-inf") ? "-Infinity" : t);
        } catch (NumberFormatException e) {
            throw new UserError("--bounds: the " + which + " bound '" + t + "' of '" + name + "' is not a number");
        }
        if (Double.isNaN(v) || (Double.isInfinite(v) && Math.signum(v) != side)) {
            throw new UserError("--bounds: the " + which + " bound of '" + name + "' cannot be " + t + " (no point would satisfy it)");
        }
        return v;
    }
}
