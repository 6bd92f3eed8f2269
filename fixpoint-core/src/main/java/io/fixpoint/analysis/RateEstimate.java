package io.fixpoint.analysis;

import java.util.Locale;

/**
 * The convergence rate observed on a trace of an optimality measure e_k.
 *
 * @param kind       which model fits best
 * @param parameter  p for sublinear (e_k ≈ C/k^p), ρ for linear (e_k ≈ Cρ^k), q for superlinear (e_{k+1} ≈ C e_k^q); NaN if unknown
 * @param fitQuality coefficient of determination R² of the chosen model on the points used, in [0, 1]
 * @param points     how many trace points the fit used
 */
public record RateEstimate(Kind kind, double parameter, double fitQuality, int points) {

    public enum Kind {
        SUBLINEAR, LINEAR, SUPERLINEAR, UNKNOWN
    }

    public static final RateEstimate UNKNOWN = new RateEstimate(Kind.UNKNOWN, Double.NaN, 0, 0);

    /** A short human form, e.g. {@code linear ρ=0.52 (R²=0.99)}. */
    public String describe() {
        return switch (kind) {
            case SUBLINEAR -> String.format(Locale.ROOT, "sublinear p=%.2f (R²=%.2f)", parameter, fitQuality);
            case LINEAR -> String.format(Locale.ROOT, "linear ρ=%.3g (R²=%.2f)", parameter, fitQuality);
            case SUPERLINEAR -> String.format(Locale.ROOT, "superlinear q=%.2f (R²=%.2f)", parameter, fitQuality);
            case UNKNOWN -> "unknown";
        };
    }
}
