package io.fixpoint.bench.compare;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Fair timing of a JVM solve: a first run kept as the result, JIT warm-up runs, then timed repeats
 * whose median is reported. Slow solves get fewer warm-ups and repeats so that one problem × method
 * stays within its time budget; a solve slower than the budget is timed by its first run alone.
 */
public final class Timing {

    /** The kept result, the median seconds of the timed repeats and how many there were. */
    public record Timed<T>(T result, double seconds, int repeats) {
    }

    private Timing() {
    }

    public static <T> Timed<T> measure(Supplier<T> solve, CompareSettings settings) {
        long t0 = System.nanoTime();
        T first = solve.get();
        double once = Math.max((System.nanoTime() - t0) * 1e-9, 1e-9);
        if (once >= settings.secondsPerMethod()) {
            return new Timed<>(first, once, 1); // a slow solve is timed once: the JIT has warmed up within it
        }
        int affordable = (int) Math.min(Integer.MAX_VALUE, settings.secondsPerMethod() / once);
        int warmups = Math.min(settings.warmups(), Math.max(0, affordable - settings.repeats()));
        int repeats = Math.max(1, Math.min(settings.repeats(), affordable));
        for (int i = 0; i < warmups; i++) {
            solve.get();
        }
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            solve.get();
            times[i] = (System.nanoTime() - t) * 1e-9;
        }
        return new Timed<>(first, median(times), repeats);
    }

    /** The median; NaN for no values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }
}
