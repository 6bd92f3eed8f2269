package io.fixpoint.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One example: a label and a feature vector, dense ({@code indices == null}, {@code values} of length d)
 * or sparse (strictly increasing 0-based {@code indices} with their {@code values}).
 */
public record LabeledRow(double label, int[] indices, double[] values) implements Serializable {

    public LabeledRow {
        if (values == null) {
            throw new IllegalArgumentException("a row needs its feature values");
        }
        if (indices != null && indices.length != values.length) {
            throw new IllegalArgumentException("a sparse row has " + indices.length + " indices but " + values.length + " values");
        }
    }

    public static LabeledRow dense(double label, double... values) {
        return new LabeledRow(label, null, values);
    }

    public static LabeledRow sparse(double label, int[] indices, double[] values) {
        return new LabeledRow(label, indices, values);
    }

    public boolean isDense() {
        return indices == null;
    }

    /** Number of stored entries. */
    public int entries() {
        return values.length;
    }

    /** The feature index of the k-th stored entry. */
    public int index(int k) {
        return indices == null ? k : indices[k];
    }

    /** Largest feature index + 1 (the dimension a dense row has). */
    public int width() {
        return indices == null ? values.length : indices.length == 0 ? 0 : indices[indices.length - 1] + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledRow r && Double.compare(label, r.label) == 0 && Arrays.equals(indices, r.indices)
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(label) + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return label + (indices == null ? " " + Arrays.toString(values) : " " + Arrays.toString(indices) + "→" + Arrays.toString(values));
    }
}
