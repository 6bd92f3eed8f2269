package io.fixpoint.train;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.CounterRandom;

/**
 * Minibatches of a finite sum in epochs, as a shuffling data loader draws them: each epoch is a fresh
 * permutation of 0..N−1 cut into ⌈N/B⌉ batches of B indices (the last one smaller when B does not
 * divide N). The permutation of epoch e is a Fisher–Yates shuffle of the identity with
 * j = ⌊U·(i+1)⌋, U = {@link CounterRandom#uniform}(seed_e, i), seed_e = derive(seed, e): a function of
 * (seed, e) alone, the same on every machine. Drawing a batch allocates nothing.
 */
public final class ShuffledBatches {
    private final int n;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private int position;
    private int epoch = -1;

    public ShuffledBatches(long n, int batchSize, long seed) {
        if (n < 1 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("minibatch sampling needs 1 ≤ N < 2³¹, got N = " + n);
        }
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size " + batchSize + " must lie between 1 and the " + n + " examples");
        }
        this.n = (int) n;
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = new int[this.n];
        this.position = this.n;
    }

    /** ⌈N/B⌉. */
    public int stepsPerEpoch() {
        return (n + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The epoch (0-based) of the last batch drawn; −1 before the first. */
    public int epoch() {
        return epoch;
    }

    /** Fills {@code out} with the next batch, starting a new epoch when the current one is used up. */
    public void next(Batch out) {
        if (position == n) {
            epoch++;
            permutation(seed, epoch, order);
            position = 0;
        }
        int count = Math.min(batchSize, n - position);
        out.set(order, position, count);
        position += count;
    }

    /** Writes the permutation of epoch {@code epoch} into {@code out} (length N). */
    public static void permutation(long seed, int epoch, int[] out) {
        long s = CounterRandom.derive(seed, epoch);
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = (int) (CounterRandom.uniform(s, i) * (i + 1));
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }
}
