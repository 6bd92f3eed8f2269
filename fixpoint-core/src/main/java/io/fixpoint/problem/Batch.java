package io.fixpoint.problem;

import java.util.Arrays;

/**
 * Which terms of a {@link FiniteSum} an evaluation averages over: all N of them, or a list of example
 * indices (a minibatch). An index batch is a reusable buffer, refilled in place by a sampler so that
 * drawing a minibatch allocates nothing. Indices may repeat; the average counts each occurrence.
 */
public final class Batch {
    private static final Batch ALL = new Batch(null);

    private final int[] indices;
    private int size;

    private Batch(int[] indices) {
        this.indices = indices;
    }

    /** The whole sum. */
    public static Batch all() {
        return ALL;
    }

    /** A batch of the given indices (copied). */
    public static Batch of(int... indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        Batch b = new Batch(indices.clone());
        b.size = indices.length;
        return b;
    }

    /** An empty index batch that {@link #set} can fill with up to {@code capacity} indices. */
    public static Batch withCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be ≥ 1, got " + capacity);
        }
        return new Batch(new int[capacity]);
    }

    public boolean isAll() {
        return indices == null;
    }

    /** Number of indices of an index batch. */
    public int size() {
        requireIndices();
        return size;
    }

    /** The k-th index of an index batch. */
    public int index(int k) {
        requireIndices();
        if (k >= size) {
            throw new IndexOutOfBoundsException("index " + k + " of a batch of " + size);
        }
        return indices[k];
    }

    /** Terms this batch averages over, for a sum of n terms. */
    public long examples(long n) {
        return indices == null ? n : size;
    }

    /** Terms this batch averages over, for an in-memory sum of n terms: n for all, else {@link #size()}. */
    public int count(int n) {
        return indices == null ? n : size;
    }

    /** The k-th term: k itself for all terms, else {@link #index(int) index(k)}. */
    public int example(int k) {
        return indices == null ? k : indices[k];
    }

    /** Makes this batch {@code source[from .. from+count)}. */
    public void set(int[] source, int from, int count) {
        requireIndices();
        if (count < 1 || count > indices.length) {
            throw new IllegalArgumentException("batch of " + count + " indices does not fit capacity " + indices.length);
        }
        System.arraycopy(source, from, indices, 0, count);
        size = count;
    }

    /** Throws unless every index lies in [0, n). */
    public void checkRange(long n) {
        if (indices == null) {
            return;
        }
        for (int k = 0; k < size; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw new IndexOutOfBoundsException("batch index " + indices[k] + " outside [0, " + n + ")");
            }
        }
    }

    @Override
    public String toString() {
        return indices == null ? "all" : Arrays.toString(Arrays.copyOf(indices, size));
    }

    private void requireIndices() {
        if (indices == null) {
            throw new IllegalStateException("the batch of all terms has no index list");
        }
    }
}
