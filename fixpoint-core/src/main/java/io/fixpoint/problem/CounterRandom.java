package io.fixpoint.problem;

/**
 * Random numbers that are a pure function of (seed, counter): the SplitMix64 finaliser (Steele, Lea and
 * Flood, <i>Fast splittable pseudorandom number generators</i>, OOPSLA 2014) applied to
 * seed·φ + counter, φ = 0x9E3779B97F4A7C15. No state, so draws do not depend on the order in which
 * they are made or on which machine makes them: a Hutchinson probe entry or a sampled label is the
 * same on one thread, many threads or a cluster, and a reference written in another language
 * reproduces it exactly.
 */
public final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private CounterRandom() {
    }

    /** 64 well-mixed bits for (seed, counter). */
    public static long bits(long seed, long counter) {
        long z = seed * GOLDEN + counter;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1): the top 53 bits. */
    public static double uniform(long seed, long counter) {
        return (bits(seed, counter) >>> 11) * 0x1.0p-53;
    }

    /** +1 or −1 with equal probability (the top bit). */
    public static double rademacher(long seed, long counter) {
        return bits(seed, counter) < 0 ? -1.0 : 1.0;
    }

    /** A standard normal draw by the Box–Muller transform of two uniforms (counters 2c and 2c+1). */
    public static double normal(long seed, long counter) {
        double u = 1 - uniform(seed, 2 * counter);
        double v = uniform(seed, 2 * counter + 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A seed derived from a seed and a stream number, so that separate uses of one seed do not share draws. */
    public static long derive(long seed, long stream) {
        return bits(seed, stream ^ 0x5851F42D4C957F2DL);
    }
}
