package io.fixpoint.expr;

/** The error function to near machine precision (the JDK has none). */
public final class Erf {
    static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private Erf() {
    }

    /** erf x. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            // erf x = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): all terms positive, no cancellation
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
                term *= 2 * ax * ax / (2 * n + 1);
                sum += term;
            }
            r = TWO_OVER_SQRT_PI * Math.exp(-ax * ax) * sum;
        } else if (ax < 7) {
            r = 1 - erfcContinuedFraction(ax);
        } else {
            r = 1;
        }
        return x < 0 ? -r : r;
    }

    /** erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up; x ≥ 3. */
    private static double erfcContinuedFraction(double x) {
        double f = x;
        for (int k = 60; k >= 1; k--) {
            f = x + (k / 2.0) / f;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
