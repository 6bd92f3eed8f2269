package io.fixpoint.bench.large;

import io.fixpoint.bench.compare.Timing;

/**
 * What an iteration of L-BFGS must move through memory, and how long moving it takes here.
 *
 * <p>The measure of speed is a three-stream pass a ← b + s·c over vectors of n doubles (two read, one
 * written), rotated through {@value #POOL} vectors so that, at n = 10⁶ and beyond, the data come from
 * memory and not from the last-level cache, as the solver's do. Its time divided by three is the time
 * of one <em>vector pass</em>: reading or writing n doubles once.
 *
 * <p>The passes an L-BFGS iteration with k stored pairs and t line-search trials cannot avoid, with
 * every loop fused as far as its data dependences allow: the two-loop recursion reads sᵢ and yᵢ and
 * reads and writes q once per pair in each loop, 8k (−∇f and the scaling γ fold into the first pair
 * of each loop); each trial forms x + t·d (3) and the slope ∇f(x + td)ᵀd (2); the new pair reads x⁺, x,
 * ∇f⁺, ∇f and writes s and y (6); the gradient norm reads ∇f⁺ (1). In all 8k + 5t + 7, evaluations of f
 * and ∇f excluded.
 */
final class MemoryTraffic {
    static final int POOL = 8;

    private MemoryTraffic() {
    }

    /** The vector passes of one L-BFGS iteration with {@code pairs} stored pairs and {@code trials} trial points. */
    static double lbfgsPasses(double pairs, double trials) {
        return 8 * pairs + 5 * trials + 7;
    }

    /** The average number of stored pairs over {@code iterations} iterations of memory m (k pairs at iteration k, at most m). */
    static double averagePairs(int iterations, int m) {
        if (iterations <= 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < iterations; k++) {
            sum += Math.min(k, m);
        }
        return sum / iterations;
    }

    /** Wall and CPU seconds of one vector pass at dimension n: medians over {@code repeats} rounds of the pool. */
    record Pass(int n, double wallSeconds, double cpuSeconds) {
        /** Bytes moved per second by the pass, from the CPU time. */
        double gigabytesPerSecond() {
            return 8.0 * n / cpuSeconds * 1e-9;
        }
    }

    static Pass measure(int n, int repeats) {
        double[][] pool = new double[POOL][n];
        for (double[] v : pool) {
            java.util.Arrays.fill(v, 1.0);
        }
        // a reading spans enough rounds to take milliseconds, so that reading the clocks (some 15 µs on a
        // virtual machine) does not count; the warm-up touches every page and lets the JIT compile the loop
        int rounds = Math.max(1, 2_000_000 / (POOL * n));
        for (int r = 0; r < 2 * rounds + 1; r++) {
            triad(pool, 0.5);
        }
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long w = System.nanoTime();
            long c = TimedObjective.cpuNow();
            for (int k = 0; k < rounds; k++) {
                triad(pool, 1e-3 * (r + 1));
            }
            cpu[r] = (TimedObjective.cpuNow() - c) * 1e-9 / (3.0 * POOL * rounds);
            wall[r] = (System.nanoTime() - w) * 1e-9 / (3.0 * POOL * rounds);
        }
        return new Pass(n, Timing.median(wall), Timing.median(cpu));
    }

    /** POOL passes a ← b + s·c, each vector of the pool written once, so no pass finds its inputs in cache. */
    private static void triad(double[][] pool, double s) {
        for (int k = 0; k < POOL; k++) {
            double[] a = pool[k];
            double[] b = pool[(k + 3) % POOL];
            double[] c = pool[(k + 6) % POOL];
            for (int i = 0; i < a.length; i++) {
                a[i] = b[i] + s * c[i];
            }
        }
    }
}
