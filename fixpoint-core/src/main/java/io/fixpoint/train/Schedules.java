package io.fixpoint.train;

import java.util.Arrays;
import java.util.List;

/**
 * The usual learning-rate schedules, as functions of the update count c = 0, 1, …, T−1. Warm-up rises
 * linearly from peak/W at c = 0 to the peak at c = W−1, so no update is wasted at a zero rate.
 */
public final class Schedules {
    /** Names accepted by {@link #byName}, and {@code refined} (which needs a previous run). */
    public static final List<String> NAMES = List.of("constant", "warmup-constant", "warmup-linear", "warmup-cosine", "wsd", "refined");
    /** Fraction of the steps spent warming up by the named schedules. */
    public static final double WARMUP_FRACTION = 0.05;
    /** Fraction of the steps the warmup–stable–decay schedule spends decaying. */
    public static final double DECAY_FRACTION = 0.2;

    private Schedules() {
    }

    public static Schedule constant(double value) {
        requireFinite("schedule value", value);
        return c -> value;
    }

    /** The named schedule for a run of {@code total} updates peaking at {@code peak}. */
    public static Schedule byName(String name, double peak, long total) {
        long warmup = Math.max(1, Math.round(WARMUP_FRACTION * total));
        return switch (name) {
            case "constant" -> constant(peak);
            case "warmup-constant" -> warmupConstant(peak, warmup);
            case "warmup-linear" -> warmupLinear(peak, warmup, total);
            case "warmup-cosine" -> warmupCosine(peak, warmup, total, 0);
            case "wsd" -> warmupStableDecay(peak, warmup, total, DECAY_FRACTION);
            case "refined" -> throw new IllegalArgumentException("the refined schedule is made from a previous run's gradient norms: use Schedules.refined");
            default -> throw new IllegalArgumentException("unknown schedule '" + name + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    /** Linear warm-up over {@code warmup} updates, then the peak for good (what Schedule-Free is run with). */
    public static Schedule warmupConstant(double peak, long warmup) {
        check(peak, warmup, Math.max(1, warmup));
        return c -> c < warmup ? peak * (c + 1) / warmup : peak;
    }

    /** Linear warm-up over {@code warmup} updates, then linear decay to zero at {@code total}. */
    public static Schedule warmupLinear(double peak, long warmup, long total) {
        check(peak, warmup, total);
        return c -> c < warmup ? peak * (c + 1) / warmup : peak * Math.max(0, total - c) / Math.max(1, total - warmup);
    }

    /** Linear warm-up, then cosine decay from the peak to {@code end} at {@code total} (Loshchilov and Hutter, <i>SGDR</i>, 2017). */
    public static Schedule warmupCosine(double peak, long warmup, long total, double end) {
        check(peak, warmup, total);
        requireFinite("end value", end);
        return c -> {
            if (c < warmup) {
                return peak * (c + 1) / warmup;
            }
            double progress = Math.min(1, (double) (c - warmup) / Math.max(1, total - warmup));
            return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    /**
     * Warmup–stable–decay (Hu et al., <i>MiniCPM</i>, 2024; Hägele et al., <i>Scaling Laws and
     * Compute-Optimal Training beyond Fixed Training Durations</i>, 2024): linear warm-up, the peak held,
     * then linear decay to zero over the last {@code decayFraction} of the updates.
     */
    public static Schedule warmupStableDecay(double peak, long warmup, long total, double decayFraction) {
        check(peak, warmup, total);
        if (!(decayFraction > 0 && decayFraction <= 1)) {
            throw new IllegalArgumentException("decay fraction must lie in (0, 1], got " + decayFraction);
        }
        long decay = Math.max(1, Math.round(decayFraction * total));
        long stableEnd = Math.max(warmup, total - decay);
        return c -> {
            if (c < warmup) {
                return peak * (c + 1) / warmup;
            }
            if (c < stableEnd) {
                return peak;
            }
            return peak * Math.max(0, total - c) / (double) Math.max(1, total - stableEnd);
        };
    }

    /**
     * The schedule refined from a previous run's gradient norms (Defazio, Cutkosky, Mehta and Mishchenko,
     * <i>When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement</i>, 2023, Algorithm 1):
     * smooth the norms ‖g_t‖ with a median filter of width τT (edges padded with the nearest value),
     * set w_t = ĝ_t⁻² and η_t = w_t Σ_{p&gt;t} w_p, and scale so the largest η_t is {@code peak}. With
     * constant norms it is linear decay; it warms up where the norms start large and anneals fast where
     * they grow at the end. The paper derives it for SGD's last iterate; here it is applied with the
     * ℓ₂ gradient norms whatever the optimiser.
     *
     * @param norms gradient norms of the previous run, one per update (T = length)
     * @param tau   filter width as a fraction of T (the paper's τ)
     */
    public static Schedule refined(double peak, double[] norms, double tau) {
        requireFinite("peak", peak);
        if (norms.length < 2) {
            throw new IllegalArgumentException("the refined schedule needs the norms of at least two updates, got " + norms.length);
        }
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must lie in [0, 1], got " + tau);
        }
        for (double g : norms) {
            if (!(g > 0) || Double.isInfinite(g)) {
                throw new IllegalArgumentException("gradient norms must be finite and > 0, got " + g);
            }
        }
        int n = norms.length;
        double[] smooth = medianFilter(norms, Math.max(1, (int) Math.round(tau * n)));
        double[] eta = new double[n];
        double tail = 0;
        for (int t = n - 1; t >= 0; t--) {
            double w = 1 / (smooth[t] * smooth[t]);
            eta[t] = w * tail;
            tail += w;
        }
        double max = Arrays.stream(eta).max().orElseThrow();
        for (int t = 0; t < n; t++) {
            eta[t] = peak * eta[t] / max;
        }
        return c -> c < n ? eta[(int) c] : 0;
    }

    /** Running median over a centred window of {@code width} values, padded at both ends with the nearest value. */
    static double[] medianFilter(double[] x, int width) {
        int n = x.length;
        int left = (width - 1) / 2;
        int right = width - 1 - left;
        double[] out = new double[n];
        double[] window = new double[width];
        for (int t = 0; t < n; t++) {
            for (int k = -left; k <= right; k++) {
                window[k + left] = x[Math.min(n - 1, Math.max(0, t + k))];
            }
            Arrays.sort(window);
            out[t] = width % 2 == 1 ? window[width / 2] : 0.5 * (window[width / 2 - 1] + window[width / 2]);
        }
        return out;
    }

    private static void check(double peak, long warmup, long total) {
        requireFinite("peak", peak);
        if (total < 1 || warmup < 0 || warmup > total) {
            throw new IllegalArgumentException("need 0 ≤ warmup ≤ total and total ≥ 1, got warmup " + warmup + ", total " + total);
        }
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
