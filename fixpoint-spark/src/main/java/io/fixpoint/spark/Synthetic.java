package io.fixpoint.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic logistic-regression data: features xᵢⱼ = μⱼ + sⱼ(√(1−ρ)·zᵢⱼ + √ρ·uᵢ) with
 * independent standard normal z and u (equicorrelated with ρ = {@value #CORRELATION}, which makes
 * the problem ill-conditioned), per-feature means and scales spread over two orders of magnitude
 * (so that standardisation matters), a true model β ~ N(0, 9/d) on the standardised features, and
 * labels yᵢ ~ Bernoulli(σ(βᵀzᵢ + 0.3)); {@link #multinomial} draws K classes from a softmax model.
 */
public final class Synthetic {
    static final double CORRELATION = 0.8;
    private Synthetic() {
    }

    /** n dense rows of d features from {@code seed}; the same seed gives the same rows. */
    public static List<LabeledRow> logistic(int n, int d, long seed) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need n ≥ 1 and d ≥ 1, got n = " + n + ", d = " + d);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = rnd.nextDouble(-1, 1);
            scale[j] = Math.pow(10, rnd.nextDouble(-1, 1));
            beta[j] = 3 * gaussian(rnd) / Math.sqrt(d);
        }
        List<LabeledRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            double m = 0.3;
            double u = gaussian(rnd);
            for (int j = 0; j < d; j++) {
                double z = Math.sqrt(1 - CORRELATION) * gaussian(rnd) + Math.sqrt(CORRELATION) * u;
                x[j] = mean[j] + scale[j] * z;
                m += beta[j] * z;
            }
            rows.add(LabeledRow.dense(rnd.nextDouble() < Loss.sigmoid(m) ? 1 : 0, x));
        }
        return rows;
    }

    /**
     * n dense rows of d features with labels 0 … classes − 1 drawn from a softmax model: features as
     * in {@link #logistic}, one true coefficient vector ~ N(0, 9/d) and intercept per class.
     */
    public static List<LabeledRow> multinomial(int n, int d, int classes, long seed) {
        if (n < 1 || d < 1 || classes < 2) {
            throw new IllegalArgumentException("need n ≥ 1, d ≥ 1 and classes ≥ 2, got n = " + n + ", d = " + d + ", classes = " + classes);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[][] beta = new double[classes][d + 1];
        for (int j = 0; j < d; j++) {
            mean[j] = rnd.nextDouble(-1, 1);
            scale[j] = Math.pow(10, rnd.nextDouble(-1, 1));
        }
        for (double[] b : beta) {
            for (int j = 0; j < d; j++) {
                b[j] = 3 * gaussian(rnd) / Math.sqrt(d);
            }
            b[d] = 0.5 * gaussian(rnd);
        }
        List<LabeledRow> rows = new ArrayList<>(n);
        double[] m = new double[classes];
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            double u = gaussian(rnd);
            for (int k = 0; k < classes; k++) {
                m[k] = beta[k][d];
            }
            for (int j = 0; j < d; j++) {
                double z = Math.sqrt(1 - CORRELATION) * gaussian(rnd) + Math.sqrt(CORRELATION) * u;
                x[j] = mean[j] + scale[j] * z;
                for (int k = 0; k < classes; k++) {
                    m[k] += beta[k][j] * z;
                }
            }
            double max = Arrays.stream(m).max().getAsDouble();
            double total = 0;
            for (int k = 0; k < classes; k++) {
                total += Math.exp(m[k] - max);
            }
            double draw = rnd.nextDouble() * total;
            int label = 0;
            double cumulative = Math.exp(m[0] - max);
            while (cumulative < draw && label < classes - 1) {
                label++;
                cumulative += Math.exp(m[label] - max);
            }
            rows.add(LabeledRow.dense(label, x));
        }
        return rows;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
