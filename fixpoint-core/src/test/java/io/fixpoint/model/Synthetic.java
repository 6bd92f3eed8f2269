package io.fixpoint.model;

import java.util.SplittableRandom;

/** Small random datasets for derivative tests. */
final class Synthetic {
    private Synthetic() {
    }

    static Dataset classification(int rows, int features, int classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i % classes;
        }
        return Dataset.classification("synthetic", x, features, y);
    }

    static double[] gaussian(int n, double scale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian();
        }
        return v;
    }
}
