package io.fixpoint.model;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.train.ShuffledBatches;
import java.util.Arrays;

/**
 * A table of N examples with d numeric features, stored row-major, and optionally an integer class
 * label per example (0..K−1). Immutable.
 */
public final class Dataset {
    private final String name;
    private final double[] x;
    private final int rows;
    private final int features;
    private final int[] labels;
    private final int classes;

    private Dataset(String name, double[] x, int rows, int features, int[] labels, int classes) {
        this.name = name;
        this.x = x;
        this.rows = rows;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * Features {@code x} (rows × features, row-major) with class labels 0..K−1; K is one more than the
     * largest label.
     */
    public static Dataset classification(String name, double[] x, int features, int[] labels) {
        if (features < 1 || x.length % features != 0 || x.length / features != labels.length || labels.length == 0) {
            throw new IllegalArgumentException(name + ": " + x.length + " feature values do not make " + labels.length + " rows of " + features);
        }
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(name + ": row " + (i + 1) + " has a negative class label " + labels[i]);
            }
            k = Math.max(k, labels[i] + 1);
        }
        checkFinite(name, x, features);
        return new Dataset(name, x.clone(), labels.length, features, labels.clone(), k);
    }

    /** Features only, no labels (a matrix to factorise). */
    public static Dataset unlabelled(String name, double[] x, int features) {
        if (features < 1 || x.length == 0 || x.length % features != 0) {
            throw new IllegalArgumentException(name + ": " + x.length + " values do not make rows of " + features);
        }
        checkFinite(name, x, features);
        return new Dataset(name, x.clone(), x.length / features, features, null, 0);
    }

    private static void checkFinite(String name, double[] x, int features) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + ": row " + (i / features + 1) + ", feature " + (i % features + 1) + " is not finite");
            }
        }
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    public boolean labelled() {
        return labels != null;
    }

    /** K, the number of classes (0 without labels). */
    public int classes() {
        return classes;
    }

    public int label(int row) {
        return labels[row];
    }

    public double feature(int row, int j) {
        return x[row * features + j];
    }

    /** Copies row {@code row} into {@code out} at {@code offset}. */
    void copyRow(int row, double[] out, int offset) {
        System.arraycopy(x, row * features, out, offset, features);
    }

    /** The rows {@code idx}, in that order. */
    public Dataset subset(int[] idx) {
        double[] sx = new double[idx.length * features];
        int[] sl = labels == null ? null : new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(x, idx[k] * features, sx, k * features, features);
            if (sl != null) {
                sl[k] = labels[idx[k]];
            }
        }
        return new Dataset(name, sx, idx.length, features, sl, classes);
    }

    /** A training part and a held-out part. */
    public record Split(Dataset train, Dataset heldOut) {
    }

    /**
     * Holds out ⌈fraction·N⌉ rows chosen by a seeded permutation (the same for the same seed), and
     * standardises both parts with the training part's feature means and standard deviations.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must lie in (0, 1), got " + fraction);
        }
        int held = (int) Math.ceil(fraction * rows);
        if (held >= rows) {
            throw new IllegalArgumentException(name + " has " + rows + " rows, too few to hold out " + held);
        }
        int[] perm = new int[rows];
        ShuffledBatches.permutation(CounterRandom.derive(seed, 0x5EED), 0, perm);
        int[] heldIdx = Arrays.copyOfRange(perm, 0, held);
        int[] trainIdx = Arrays.copyOfRange(perm, held, rows);
        Arrays.sort(heldIdx);
        Arrays.sort(trainIdx);
        Dataset train = subset(trainIdx);
        double[] mean = new double[features];
        double[] scale = new double[features];
        for (int j = 0; j < features; j++) {
            double s = 0;
            for (int i = 0; i < train.rows; i++) {
                s += train.x[i * features + j];
            }
            mean[j] = s / train.rows;
            double v = 0;
            for (int i = 0; i < train.rows; i++) {
                double d = train.x[i * features + j] - mean[j];
                v += d * d;
            }
            double sd = Math.sqrt(v / train.rows);
            scale[j] = sd > 0 ? 1 / sd : 1;
        }
        return new Split(train.standardised(mean, scale), subset(heldIdx).standardised(mean, scale));
    }

    private Dataset standardised(double[] mean, double[] scale) {
        double[] y = x.clone();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                y[i * features + j] = (y[i * features + j] - mean[j]) * scale[j];
            }
        }
        return new Dataset(name, y, rows, features, labels, classes);
    }
}
