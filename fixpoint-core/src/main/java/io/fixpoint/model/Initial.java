package io.fixpoint.model;

import io.fixpoint.problem.CounterRandom;

/** Initial weights: entries i of a range uniform in ±bound, drawn with {@link CounterRandom#uniform}(seed, i) (PyTorch's default scheme). */
final class Initial {
    private Initial() {
    }

    static void uniform(double[] w, int from, int to, double bound, long seed) {
        for (int i = from; i < to; i++) {
            w[i] = bound * (2 * CounterRandom.uniform(seed, i) - 1);
        }
    }
}
