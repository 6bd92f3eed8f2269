package io.fixpoint.train;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Dataset;
import io.fixpoint.model.Mlp;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import io.fixpoint.solve.Settings;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Finite sums for the training tests. */
final class Problems {
    /** The catalogue's settings for training. */
    static final Settings TRAINING = Catalog.builtIn().training("adam").defaults();

    private Problems() {
    }

    /** The catalogue's optimiser {@code name} with its default hyperparameters. */
    static MinibatchSolver optimizer(String name, int batchSize, long seed) {
        return Catalog.builtIn().optimizer(name).solver(batchSize, seed);
    }

    /** Softmax regression on three Gaussian clusters in 4 dimensions (N = 120). */
    static Mlp clusters(long seed) {
        return Mlp.softmax(clusterData(seed), 0);
    }

    /** An MLP 4→8→3 (tanh) on the same clusters: a hidden matrix for Muon, Hessian-vector products for Sophia. */
    static Mlp network(long seed) {
        return Mlp.classifier(clusterData(seed), new int[] {8}, io.fixpoint.model.Activation.TANH, 0);
    }

    static Dataset clusterData(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 120;
        double[] x = new double[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = rnd.nextGaussian() + (j == y[i] ? 2 : 0);
            }
        }
        return Dataset.classification("clusters", x, 4, y);
    }

    /**
     * Least squares fᵢ(w) = ½(aᵢ·w − bᵢ)² over the given rows, laid out as a 2-vector "weight" and a
     * 1-vector "bias" (w = (w₀, w₁, b), aᵢ = (aᵢ₀, aᵢ₁, 1)). Once {@code nanAfter} evaluations have been
     * made, every value is NaN.
     */
    static final class LeastSquares implements FiniteSum {
        final double[][] a;
        final double[] b;
        final int nanAfter;
        int evaluations;

        LeastSquares(double[][] a, double[] b, int nanAfter) {
            this.a = a;
            this.b = b;
            this.nanAfter = nanAfter;
        }

        static LeastSquares random(int n, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[][] a = new double[n][3];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i][0] = rnd.nextGaussian();
                a[i][1] = rnd.nextGaussian();
                a[i][2] = 1;
                b[i] = 2 * a[i][0] - a[i][1] + 0.5 + 0.1 * rnd.nextGaussian();
            }
            return new LeastSquares(a, b, Integer.MAX_VALUE);
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public long size() {
            return b.length;
        }

        @Override
        public ParameterLayout layout() {
            return ParameterLayout.builder().vector("weight", 2, Tensor.Role.GENERIC).vector("bias", 1, Tensor.Role.BIAS).build();
        }

        @Override
        public double value(double[] w, Batch batch) {
            return valueAndGradient(w, batch, new double[3]);
        }

        @Override
        public double valueAndGradient(double[] w, Batch batch, double[] g) {
            Arrays.fill(g, 0);
            int m = batch.isAll() ? b.length : batch.size();
            double s = 0;
            for (int k = 0; k < m; k++) {
                int i = batch.isAll() ? k : batch.index(k);
                double r = a[i][0] * w[0] + a[i][1] * w[1] + a[i][2] * w[2] - b[i];
                s += 0.5 * r * r / m;
                for (int j = 0; j < 3; j++) {
                    g[j] += r * a[i][j] / m;
                }
            }
            return ++evaluations > nanAfter ? Double.NaN : s;
        }
    }
}
