package io.fixpoint.bench.peer;

import io.fixpoint.bench.suite.TestProblem;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares a peer's definition of a problem with Fixpoint's at the start point: f(x₀) and ∇f(x₀)
 * must agree to {@link #TOLERANCE} relative (the gradient in the max-norm). A peer solving a
 * different function would make every comparison on that problem meaningless. f of n variables is
 * a sum of about n terms, which two correct codes add in different orders: their values may differ
 * by n·u relative (u the unit roundoff, for terms of one sign, as the test problems' squares are), so
 * the value is held to the larger of the two bounds — 10⁻¹² up to n ≈ 10⁴, 1.1·10⁻⁹ at n = 10⁷. So is
 * the gradient, whose components can hold such sums too (the trigonometric problem's Σⱼ cos xⱼ, penalty
 * I's xᵀx): NumPy's and Java's differed by 1.7·10⁻¹¹ at n = 10⁶ and 1.0·10⁻¹² at 10⁷.
 */
public final class AgreementCheck {
    public static final double TOLERANCE = 1e-12;
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private AgreementCheck() {
    }

    /** Empty when the peer's values agree with {@code p}'s; otherwise what disagrees, for the report. */
    public static Optional<String> compare(TestProblem p, double peerValue, double[] peerGradient) {
        double[] x0 = p.start();
        double[] g = new double[x0.length];
        double f = p.objective().valueAndGradient(x0.clone(), g);
        if (peerGradient.length != g.length) {
            return Optional.of(String.format(Locale.ROOT, "gradient has length %d, Fixpoint's has %d", peerGradient.length, g.length));
        }
        double df = relative(Math.abs(peerValue - f), Math.max(Math.abs(f), Math.abs(peerValue)));
        double tolerance = Math.max(TOLERANCE, x0.length * UNIT_ROUNDOFF);
        if (!(df <= tolerance)) {
            return Optional.of(String.format(Locale.ROOT, "f(x0) = %.17g but Fixpoint has %.17g (relative difference %.2g > %.2g)",
                    peerValue, f, df, tolerance));
        }
        double diff = 0;
        double scale = 0;
        int worst = 0;
        for (int i = 0; i < g.length; i++) {
            double d = Math.abs(peerGradient[i] - g[i]);
            if (Double.isNaN(d)) {
                return Optional.of(String.format(Locale.ROOT, "gradient at x0: component %d is %s but Fixpoint has %s", i, peerGradient[i], g[i]));
            }
            if (d > diff) {
                diff = d;
                worst = i;
            }
            scale = Math.max(scale, Math.max(Math.abs(g[i]), Math.abs(peerGradient[i])));
        }
        double dg = relative(diff, scale);
        if (!(dg <= tolerance)) {
            return Optional.of(String.format(Locale.ROOT,
                    "gradient at x0 differs: component %d is %.17g but Fixpoint has %.17g (relative difference %.2g > %.2g)", worst,
                    peerGradient[worst], g[worst], dg, tolerance));
        }
        return Optional.empty();
    }

    /**
     * Empty when the peer's vector {@code peer} agrees with Fixpoint's {@code fixpoint} to
     * {@link #TOLERANCE}, componentwise relative to the larger magnitude (absolute below 1);
     * otherwise what disagrees.
     */
    public static Optional<String> compare(String what, double[] fixpoint, double[] peer) {
        if (peer.length != fixpoint.length) {
            return Optional.of(String.format(Locale.ROOT, "%s has %d components, Fixpoint's has %d", what, peer.length, fixpoint.length));
        }
        for (int i = 0; i < fixpoint.length; i++) {
            double d = relative(Math.abs(peer[i] - fixpoint[i]), Math.max(1, Math.max(Math.abs(fixpoint[i]), Math.abs(peer[i]))));
            if (!(d <= TOLERANCE)) {
                return Optional.of(String.format(Locale.ROOT, "%s: component %d is %.17g but Fixpoint has %.17g (relative difference %.2g > %.0g)",
                        what, i, peer[i], fixpoint[i], d, TOLERANCE));
            }
        }
        return Optional.empty();
    }

    private static double relative(double difference, double scale) {
        if (Double.isNaN(difference)) {
            return Double.NaN;
        }
        return difference == 0 ? 0 : difference / scale;
    }
}
