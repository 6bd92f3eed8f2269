package io.fixpoint.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AffineScanPropertyTest {

    /** Random maps with ‖A_i‖∞ ≤ 0.95 and b_i in [−1, 1], so states stay O(1) and rounding stays comparable. */
    static double[][] randomSystem(int d, int n, boolean diagonal, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int m = diagonal ? d : d * d;
        double[] a = new double[n * m];
        double[] b = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                if (diagonal) {
                    a[i * d + r] = rnd.nextDouble(-0.95, 0.95);
                } else {
                    double scale = 0.95 / d;
                    for (int c = 0; c < d; c++) {
                        a[i * m + r * d + c] = rnd.nextDouble(-scale, scale);
                    }
                }
                b[i * d + r] = rnd.nextDouble(-1, 1);
            }
        }
        double[] init = new double[d];
        for (int r = 0; r < d; r++) {
            init[r] = rnd.nextDouble(-1, 1);
        }
        return new double[][] {a, b, init};
    }

    @Property(tries = 60)
    void blockedScanMatchesSequentialAndRepeatsBitForBit(@ForAll @IntRange(min = 1, max = 16) int d,
            @ForAll @IntRange(min = 1, max = 10_000) int n, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll boolean diagonal, @ForAll boolean zeroStart, @ForAll long seed) {
        double[][] s = randomSystem(d, n, diagonal, seed);
        double[] init = zeroStart ? null : s[2];
        double[] expected = new double[n * d];
        AffineScan.sequential(d, diagonal, s[0], s[1], init, 0, expected, 0, n);
        double[] first = new double[n * d];
        double[] second = s[1].clone();
        try (ParallelExecutor ex = ParallelExecutor.of(threads)) {
            AffineScan scan = new AffineScan(d, diagonal, ex, true);
            scan.solve(s[0], s[1], init, 0, first, 0, n);
            scan.solve(s[0], second, init, 0, second, 0, n); // in place, out == b
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(first[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(expected[i]))));
        }
        assertThat(second).isEqualTo(first);
    }

    @net.jqwik.api.Example
    void theLargestShapesAreCovered() {
        for (boolean diagonal : new boolean[] {false, true}) {
            for (int threads = 1; threads <= 4; threads++) {
                blockedScanMatchesSequentialAndRepeatsBitForBit(16, 10_000, threads, diagonal, false, 99);
            }
        }
    }

    @Property(tries = 30)
    void aSubrangeStartsFromTheGivenState(@ForAll @IntRange(min = 1, max = 8) int d, @ForAll @IntRange(min = 2, max = 3000) int n,
            @ForAll @IntRange(min = 2, max = 4) int threads, @ForAll boolean diagonal, @ForAll long seed) {
        double[][] s = randomSystem(d, n, diagonal, seed);
        int from = n / 3;
        double[] expected = new double[n * d];
        AffineScan.sequential(d, diagonal, s[0], s[1], s[2], 0, expected, 0, n);
        double[] out = new double[n * d];
        System.arraycopy(expected, 0, out, 0, from * d);
        try (ParallelExecutor ex = ParallelExecutor.of(threads)) {
            new AffineScan(d, diagonal, ex, true).solve(s[0], s[1], from == 0 ? s[2] : expected, from == 0 ? 0 : (from - 1) * d, out, from, n);
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(out[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(expected[i]))));
        }
    }

    @Property(tries = 20)
    void sameThreadCountGivesSameBitsAcrossExecutors(@ForAll @IntRange(min = 1, max = 16) int d,
            @ForAll @IntRange(min = 1, max = 10_000) int n, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll boolean diagonal, @ForAll long seed) {
        double[][] s = randomSystem(d, n, diagonal, seed);
        double[] x = new double[n * d];
        double[] y = new double[n * d];
        try (ParallelExecutor e1 = ParallelExecutor.of(threads); ParallelExecutor e2 = ParallelExecutor.of(threads)) {
            new AffineScan(d, diagonal, e1, true).solve(s[0], s[1], s[2], 0, x, 0, n);
            new AffineScan(d, diagonal, e2, true).solve(s[0], s[1], s[2], 0, y, 0, n);
        }
        assertThat(y).isEqualTo(x);
    }
}
