package io.fixpoint.search;

/**
 * The classical trust-region mechanism (Nocedal–Wright, Numerical Optimization, Algorithm 4.1): a
 * step p proposed inside the radius Δ is judged by ρ = actual / predicted reduction; it is accepted
 * when ρ > {@code acceptRatio}; the radius shrinks to {@code shrinkFactor}·‖p‖ when ρ < {@code lowRatio}
 * and grows to min({@code expandFactor}·Δ, {@code maxRadius}) when ρ > {@code highRatio} and the step
 * reached the boundary. Immutable; a solver keeps the current radius in its state.
 *
 * @param initialRadius Δ₀
 * @param maxRadius     upper bound on Δ
 * @param acceptRatio   η₀ in [0, lowRatio): accept the step when ρ exceeds it
 * @param lowRatio      η₁: shrink below it
 * @param highRatio     η₂: expand above it (on the boundary)
 * @param shrinkFactor  in (0, 1)
 * @param expandFactor  > 1
 */
public record TrustRegion(double initialRadius, double maxRadius, double acceptRatio, double lowRatio, double highRatio,
        double shrinkFactor, double expandFactor) {

    /** Steps within this relative distance of the radius count as on the boundary. */
    static final double BOUNDARY = 1 - 1e-6;

    public TrustRegion {
        if (!(initialRadius > 0 && initialRadius <= maxRadius) || Double.isInfinite(maxRadius)) {
            throw new IllegalArgumentException("need 0 < initialRadius ≤ maxRadius < ∞, got " + initialRadius + " and " + maxRadius);
        }
        if (!(acceptRatio >= 0 && acceptRatio < lowRatio && lowRatio < highRatio && highRatio < 1)) {
            throw new IllegalArgumentException("need 0 ≤ acceptRatio < lowRatio < highRatio < 1, got " + acceptRatio + ", " + lowRatio
                    + ", " + highRatio);
        }
        if (!(shrinkFactor > 0 && shrinkFactor < 1 && expandFactor > 1) || Double.isInfinite(expandFactor)) {
            throw new IllegalArgumentException("need 0 < shrinkFactor < 1 < expandFactor < ∞, got " + shrinkFactor + " and " + expandFactor);
        }
    }

    /**
     * Δ₀ = 1, Δmax = 10¹⁰, η₀ = 0.1, η₁ = 0.25, η₂ = 0.75, shrink 0.25, expand 2. The cap is far out so
     * that badly scaled problems, whose minimiser may lie 10⁶ away, are not walked in capped steps.
     */
    public TrustRegion() {
        this(1, 1e10, 0.1, 0.25, 0.75, 0.25, 2);
    }

    /** The same rules with another initial radius (clamped to the maximum). */
    public TrustRegion withInitialRadius(double radius) {
        return new TrustRegion(radius, Math.max(radius, maxRadius), acceptRatio, lowRatio, highRatio, shrinkFactor, expandFactor);
    }

    /**
     * ρ = actual / predicted reduction; −∞ when the trial value is not finite or the model predicts no
     * decrease, so that such a step is rejected and the radius shrinks.
     */
    public static double ratio(double actualReduction, double predictedReduction) {
        if (!Double.isFinite(actualReduction) || !(predictedReduction > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return actualReduction / predictedReduction;
    }

    public boolean accepts(double rho) {
        return rho > acceptRatio;
    }

    /** The radius after a step of norm {@code stepNorm} taken with radius {@code radius} had ratio {@code rho}. */
    public double update(double radius, double rho, double stepNorm) {
        if (rho < lowRatio) {
            return shrinkFactor * Math.min(radius, stepNorm);
        }
        if (rho > highRatio && stepNorm >= BOUNDARY * radius) {
            return Math.min(expandFactor * radius, maxRadius);
        }
        return radius;
    }
}
