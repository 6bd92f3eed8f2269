package io.fixpoint.bench.nist;

/** Log relative error, the measure NIST StRD results are judged by. */
public final class Lre {
    /** The most digits a double can agree to; LRE is capped here. */
    public static final double MAX = 15;

    private Lre() {
    }

    /**
     * −log₁₀(|estimate − certified| / |certified|), capped at {@link #MAX}; 0 for a non-finite estimate
     * or one with no correct digit.
     */
    public static double of(double estimate, double certified) {
        if (!Double.isFinite(estimate)) {
            return 0;
        }
        double err = certified == 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        if (err == 0) {
            return MAX;
        }
        return Math.max(0, Math.min(MAX, -Math.log10(err)));
    }
}
