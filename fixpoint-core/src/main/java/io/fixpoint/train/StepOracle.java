package io.fixpoint.train;

/**
 * What a transformation may ask about the current step beyond the gradient: curvature of the loss on
 * the step's minibatch, at parameters of its choice (normally the current ones). Evaluations go through
 * the counted problem, so they are counted like any other.
 */
public interface StepOracle {

    /** |B|, the number of examples in the step's minibatch. */
    int batchSize();

    /** Writes ∇²f_B(w)·v into {@code hv}. */
    void hessianVector(double[] w, double[] v, double[] hv);

    /** Writes the gradient of f_B at w with labels drawn from the model (see {@code FiniteSum.sampledGradient}). */
    void sampledGradient(double[] w, long seed, double[] g);

    /** An oracle for transformations that need nothing beyond the gradient. */
    static StepOracle none() {
        return new StepOracle() {
            @Override
            public int batchSize() {
                throw new UnsupportedOperationException("no minibatch");
            }

            @Override
            public void hessianVector(double[] w, double[] v, double[] hv) {
                throw new UnsupportedOperationException("no Hessian-vector products here");
            }

            @Override
            public void sampledGradient(double[] w, long seed, double[] g) {
                throw new UnsupportedOperationException("no sampled gradients here");
            }
        };
    }
}
