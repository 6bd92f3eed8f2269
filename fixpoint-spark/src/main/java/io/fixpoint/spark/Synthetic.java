package io.fixpoint.spark;

import io.fixpoint.problem.CounterRandom;
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
 *
 * <p>{@link #rows} makes the same kind of problem row by row, each row from its own random stream (seeded
 * by {@link CounterRandom#bits} of the seed and the row's index, so rows are independent), so
 * that any range of rows can be made where it is used (a Spark partition on its executor, a slice in
 * this JVM) and every range gives the same rows; with fewer nonzeros than features it makes sparse rows.
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
        Model model = Model.draw(rnd, d, d);
        List<LabeledRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(denseRow(rnd, model));
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

    /**
     * Rows [from, to) of the seeded problem of d features with about k nonzeros per row. With k = d the
     * rows are dense and equicorrelated as in {@link #logistic}; with k < d each row holds the distinct
     * features among k uniform draws (so about k, never more), independent of each other, and the true
     * model is β ~ N(0, 9/k), which keeps the margin's spread as in the dense case.
     */
    public static List<LabeledRow> rows(long seed, int d, int k, long from, long to) {
        if (d < 1 || k < 1 || k > d || from < 0 || to < from) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ d and 0 ≤ from ≤ to, got d = " + d + ", k = " + k + ", rows [" + from + ", " + to + ")");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Model model = Model.draw(rnd, d, k);
        long streams = rnd.nextLong();
        List<LabeledRow> rows = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            // A well-mixed seed per row: seeds a multiple of SplittableRandom's own increment apart would give
            // streams that are one another shifted by a draw, and consecutive rows nearly alike.
            SplittableRandom row = new SplittableRandom(CounterRandom.bits(streams, i));
            rows.add(k == d ? denseRow(row, model) : sparseRow(row, k, model));
        }
        return rows;
    }

    /** Per-feature means and scales, and the true model on the standardised features, β ~ N(0, 9/k). */
    private record Model(double[] mean, double[] scale, double[] beta) {
        static Model draw(SplittableRandom rnd, int d, int k) {
            double[] mean = new double[d];
            double[] scale = new double[d];
            double[] beta = new double[d];
            for (int j = 0; j < d; j++) {
                mean[j] = rnd.nextDouble(-1, 1);
                scale[j] = Math.pow(10, rnd.nextDouble(-1, 1));
                beta[j] = 3 * gaussian(rnd) / Math.sqrt(k);
            }
            return new Model(mean, scale, beta);
        }
    }

    private static LabeledRow denseRow(SplittableRandom rnd, Model model) {
        double[] mean = model.mean();
        double[] scale = model.scale();
        double[] beta = model.beta();
        int d = mean.length;
        double[] x = new double[d];
        double m = 0.3;
        double u = gaussian(rnd);
        for (int j = 0; j < d; j++) {
            double z = Math.sqrt(1 - CORRELATION) * gaussian(rnd) + Math.sqrt(CORRELATION) * u;
            x[j] = mean[j] + scale[j] * z;
            m += beta[j] * z;
        }
        return LabeledRow.dense(rnd.nextDouble() < Loss.sigmoid(m) ? 1 : 0, x);
    }

    private static LabeledRow sparseRow(SplittableRandom rnd, int k, Model model) {
        double[] mean = model.mean();
        double[] scale = model.scale();
        double[] beta = model.beta();
        int[] draws = new int[k];
        for (int t = 0; t < k; t++) {
            draws[t] = rnd.nextInt(mean.length);
        }
        Arrays.sort(draws);
        int[] idx = new int[k];
        int nz = 0;
        for (int t = 0; t < k; t++) {
            if (nz == 0 || draws[t] != idx[nz - 1]) {
                idx[nz++] = draws[t];
            }
        }
        double[] x = new double[nz];
        double m = 0.3;
        for (int t = 0; t < nz; t++) {
            int j = idx[t];
            double z = gaussian(rnd);
            x[t] = mean[j] + scale[j] * z;
            m += beta[j] * z;
        }
        return LabeledRow.sparse(rnd.nextDouble() < Loss.sigmoid(m) ? 1 : 0, Arrays.copyOf(idx, nz), x);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
