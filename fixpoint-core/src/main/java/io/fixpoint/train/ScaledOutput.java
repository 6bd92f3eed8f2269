package io.fixpoint.train;

/**
 * An element-wise transformation that can multiply its output by a factor in the same pass. A
 * {@link Transforms#chain chain} in which one is followed directly by {@code scaleByLearningRate} runs
 * the two as one loop — the same arithmetic, hence the same bits, with one pass over the vector
 * instead of two (the fusion a compiler such as XLA does for Optax).
 */
interface ScaledOutput extends GradientTransformation {

    /** {@link #update(double[], State, double[], StepOracle)}, with the output multiplied by {@code scale}. */
    void update(double[] updates, State state, double[] params, StepOracle oracle, double scale);

    @Override
    default void update(double[] updates, State state, double[] params, StepOracle oracle) {
        update(updates, state, params, oracle, 1);
    }
}
