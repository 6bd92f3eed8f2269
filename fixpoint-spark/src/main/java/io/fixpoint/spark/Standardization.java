package io.fixpoint.spark;

import java.io.Serializable;

/**
 * Feature scaling as MLlib's {@code LogisticRegression} does it: each feature is divided by its
 * sample standard deviation (the unbiased n−1 form of MLlib's {@code Summarizer}), features with zero
 * deviation are dropped (scaled to 0). The rows are not centred (that would fill sparse rows);
 * {@link GlmSum} centres the margin instead, with {@link #scaledMean}. {@link #coefficients} maps a
 * model on the scaled features z back to the original features.
 *
 * @param mean      per-feature mean
 * @param std       per-feature sample standard deviation
 * @param labelMean   the mean label, from which a model's starting intercept is set
 * @param classCounts examples per class of a multinomial model (empty for the others)
 */
public record Standardization(double[] mean, double[] std, double labelMean, double[] classCounts) implements Serializable {

    /** From the moments Σx, Σx², n, then Σy or the K class counts, of one pass ({@link Kernel#moments} layout). */
    static Standardization fromMoments(double[] sums, int d, int margins) {
        double n = sums[2 * d];
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sums[j] / n;
            double var = n > 1 ? (sums[d + j] - n * mean[j] * mean[j]) / (n - 1) : 0;
            std[j] = var > 0 ? Math.sqrt(var) : 0;
        }
        double[] counts = margins == 1 ? new double[0] : java.util.Arrays.copyOfRange(sums, 2 * d + 1, 2 * d + 1 + margins);
        return new Standardization(mean, std, margins == 1 ? sums[2 * d + 1] / n : Double.NaN, counts);
    }

    /** Width of the moments pass's sums for a model of {@code margins} margins. */
    static int momentsWidth(int d, int margins) {
        return 2 * d + 1 + margins;
    }

    public int features() {
        return std.length;
    }

    /** The row with every feature divided by its deviation (0 where the deviation is 0). */
    public LabeledRow scale(LabeledRow r) {
        double[] x = r.values();
        double[] z = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double s = std[r.index(k)];
            z[k] = s > 0 ? x[k] / s : 0;
        }
        return new LabeledRow(r.label(), r.indices(), z);
    }

    /** The mean of the scaled features, z̄ⱼ = x̄ⱼ/σⱼ (0 for a dropped feature). */
    public double[] scaledMean() {
        double[] z = new double[std.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = std[j] > 0 ? mean[j] / std[j] : 0;
        }
        return z;
    }

    /**
     * The weight of each coefficient in the L2 penalty on the scaled model: 1 when the penalty is on
     * standardised coefficients (MLlib's {@code standardization = true}), else 1/σⱼ², which penalises
     * the original coefficients βⱼ = wⱼ/σⱼ (0 for a dropped feature), as MLlib does.
     */
    double[] penaltyWeights(boolean standardized) {
        double[] p = new double[std.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = standardized ? 1 : std[j] > 0 ? 1 / (std[j] * std[j]) : 0;
        }
        return p;
    }

    /**
     * The weights of the L1 penalty l1·Σ|·| on the scaled model (intercept last, weight 0): l1 on the
     * standardised coefficients, else l1/σⱼ, which penalises the original coefficients βⱼ = wⱼ/σⱼ (0 for a
     * dropped feature), as MLlib's {@code LogisticRegression} does.
     */
    double[] l1Weights(double l1, boolean standardized) {
        double[] w = new double[std.length + 1];
        for (int j = 0; j < std.length; j++) {
            w[j] = standardized ? l1 : std[j] > 0 ? l1 / std[j] : 0;
        }
        return w;
    }

    /** Maps the scaled coefficients w[o .. o+d) in place to the original features' βⱼ = wⱼ/σⱼ (0 for a dropped feature). */
    void toOriginal(double[] w, int o) {
        for (int j = 0; j < std.length; j++) {
            w[o + j] = std[j] > 0 ? w[o + j] / std[j] : 0;
        }
    }

    /** Maps the original coefficients β[o .. o+d) in place to the scaled wⱼ = βⱼ·σⱼ; inverse of {@link #toOriginal}. */
    void toScaled(double[] beta, int o) {
        for (int j = 0; j < std.length; j++) {
            beta[o + j] *= std[j];
        }
    }
}
