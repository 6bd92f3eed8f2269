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
 * @param labelMean the mean label, from which a model's starting intercept is set
 */
public record Standardization(double[] mean, double[] std, double labelMean) implements Serializable {

    /** From the moments Σx, Σx², n, Σy of one pass ({@link Kernel#moments} layout). */
    static Standardization fromMoments(double[] sums, int d) {
        double n = sums[2 * d];
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sums[j] / n;
            double var = n > 1 ? (sums[d + j] - n * mean[j] * mean[j]) / (n - 1) : 0;
            std[j] = var > 0 ? Math.sqrt(var) : 0;
        }
        return new Standardization(mean, std, sums[2 * d + 1] / n);
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

    /** The coefficients on the original features (intercept last, unchanged) of the scaled model w. */
    double[] coefficients(double[] w) {
        double[] beta = w.clone();
        for (int j = 0; j < std.length; j++) {
            beta[j] = std[j] > 0 ? w[j] / std[j] : 0;
        }
        return beta;
    }

    /** The scaled model whose original coefficients are β (intercept last): wⱼ = βⱼ·σⱼ. */
    double[] scaledCoefficients(double[] beta) {
        double[] w = beta.clone();
        for (int j = 0; j < std.length; j++) {
            w[j] = beta[j] * std[j];
        }
        return w;
    }
}
