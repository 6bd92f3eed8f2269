package io.fixpoint.model;

/** The softmax cross-entropy head the classifiers and the language model share, on rows of a flat array. */
final class Softmax {
    private Softmax() {
    }

    /**
     * Replaces the logits z[o..o+k) by the probabilities softmax(z) and returns the cross-entropy
     * −log softmax(z)_label = log Σ exp(z − max) + max − z_label (no cancellation, no overflow).
     */
    static double normalise(double[] z, int o, int k, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, z[o + j]);
        }
        double zy = z[o + label];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(z[o + j] - max);
            z[o + j] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            z[o + j] /= sum;
        }
        return Math.log(sum) + max - zy;
    }

    /** The index of the largest of x[o..o+k), the first on ties. */
    static int argmax(double[] x, int o, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (x[o + j] > x[o + best]) {
                best = j;
            }
        }
        return best;
    }

    /** A draw from the probabilities p[o..o+k) by inverse transform: the first j with u &lt; p₀ + … + p_j (the last if rounding leaves none). */
    static int sample(double[] p, int o, int k, double u) {
        double cumulative = 0;
        for (int j = 0; j < k; j++) {
            cumulative += p[o + j];
            if (u < cumulative) {
                return j;
            }
        }
        return k - 1;
    }
}
