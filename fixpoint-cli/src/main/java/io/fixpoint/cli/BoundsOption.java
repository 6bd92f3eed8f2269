package io.fixpoint.cli;

import io.fixpoint.problem.Bounds;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --bounds name=LOW:HIGH,...} option of {@code fit} and {@code minimize}: a missing side means
 * no bound there; {@code inf} takes the sign it is written with; names not listed are unbounded.
 */
final class BoundsOption {
    private BoundsOption() {
    }

    /**
     * The bounds on {@code names} that {@code text} sets.
     *
     * @param what what the names are, for messages ("parameter", "variable")
     * @throws UserError for a malformed pair, an unknown name, a non-number or NaN, or an empty range (low ≥ high)
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
            lo[j] = bound(range[0], name, Double.NEGATIVE_INFINITY);
            hi[j] = bound(range[1], name, Double.POSITIVE_INFINITY);
            if (!(lo[j] < hi[j])) {
                throw new UserError("--bounds: the lower bound of '" + name + "' (" + lo[j] + ") must lie below its upper bound (" + hi[j] + ")");
            }
        }
        return new Bounds(lo, hi);
    }

    /** A bound: a number, inf / +inf / -inf (signed as written), or empty for {@code none} on that side. */
    private static double bound(String text, String name, double none) {
        String t = text.strip();
        if (t.isEmpty()) {
            return none;
        }
        String magnitude = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (magnitude.equalsIgnoreCase("inf") || magnitude.equalsIgnoreCase("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UserError("--bounds: the bound '" + t + "' of '" + name + "' is not a number");
        }
        if (Double.isNaN(v)) {
            throw new UserError("--bounds: the bound of '" + name + "' is NaN");
        }
        return v;
    }
}
