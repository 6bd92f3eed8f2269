package io.fixpoint.sequence;

/** Scalar activations shared by the cells. */
final class Activations {
    private Activations() {
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
