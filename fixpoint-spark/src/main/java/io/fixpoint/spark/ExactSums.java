package io.fixpoint.spark;

import java.io.Serializable;

/**
 * A vector of sums kept exactly: each coordinate is a Shewchuk expansion of non-overlapping doubles
 * (Shewchuk, <i>Adaptive precision floating-point arithmetic</i>, 1997, Grow-Expansion), rounded once
 * at the end as Python's {@code math.fsum} does. The rounded result is the correctly rounded exact
 * sum, so it does not depend on the order the terms arrived in: partial sums of partitions merged in
 * any tree, on executors or in threads, give the same bits.
 *
 * <p>Terms that are not finite (or a sum that overflows) are kept in a plain sum beside the
 * expansion and win over it, so NaN and ±∞ propagate as in ordinary arithmetic.
 */
final class ExactSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[][] parts;
    private final int[] lengths;
    private final double[] special;

    ExactSums(int n) {
        parts = new double[n][];
        lengths = new int[n];
        special = new double[n];
    }

    int size() {
        return lengths.length;
    }

    /** Adds x to coordinate i exactly. */
    void add(int i, double x) {
        if (x == 0) {
            return;
        }
        if (!Double.isFinite(x)) {
            special[i] += x;
            return;
        }
        double[] p = parts[i];
        if (p == null) {
            p = parts[i] = new double[4];
        }
        int n = lengths[i];
        int k = 0;
        for (int j = 0; j < n; j++) {
            double y = p[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) {
                p[k++] = lo;
            }
            x = hi;
        }
        if (!Double.isFinite(x)) {
            special[i] += x;
            lengths[i] = k;
            return;
        }
        if (k == p.length) {
            p = parts[i] = java.util.Arrays.copyOf(p, 2 * k);
        }
        p[k++] = x;
        lengths[i] = k;
    }

    /** Adds {@code xs[i]} to coordinate i, for every i. */
    void addAll(double[] xs) {
        for (int i = 0; i < xs.length; i++) {
            add(i, xs[i]);
        }
    }

    /** Adds every coordinate of {@code other} exactly. */
    void addAll(ExactSums other) {
        for (int i = 0; i < lengths.length; i++) {
            double[] p = other.parts[i];
            for (int j = 0; j < other.lengths[i]; j++) {
                add(i, p[j]);
            }
            special[i] += other.special[i];
        }
    }

    /** The correctly rounded value of coordinate i (round-half-even, as {@code math.fsum}). */
    double rounded(int i) {
        if (special[i] != 0 || Double.isNaN(special[i])) {
            return special[i];
        }
        double[] p = parts[i];
        int n = lengths[i];
        if (n == 0) {
            return 0;
        }
        double hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) {
                break;
            }
        }
        // halfway cases: the rounding of hi + lo went the wrong way if the next part has lo's sign
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }

    /** Writes every rounded coordinate into {@code out}. */
    void roundInto(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rounded(i);
        }
    }

    void clear() {
        java.util.Arrays.fill(lengths, 0);
        java.util.Arrays.fill(special, 0);
    }
}
