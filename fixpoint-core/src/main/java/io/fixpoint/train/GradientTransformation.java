package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * An update rule as Optax builds them (Babuschkin et al., <i>The DeepMind JAX Ecosystem</i>, 2020):
 * {@code init} allocates explicit state for the tensors the transformation owns, and {@code update}
 * turns the incoming vector — the gradient, or what earlier transformations made of it — into the
 * update in place; the caller then adds the update to the parameters. Optimisers are chains of small
 * transformations ({@link Transforms#chain}); a transformation that owns only some tensors (a
 * {@link Transforms#partition partition} or a {@link Transforms#masked mask}) reads and writes only
 * those, at their offsets in the full vectors.
 *
 * <p>The transformation is an immutable configuration; everything that changes lives in its
 * {@link State}, allocated once in {@code init}, so an update allocates nothing.
 */
public interface GradientTransformation {

    /** The state of one transformation: its buffers and counters. */
    interface State {
        /** Doubles of state per owned parameter element, summed over buffers (Adam 2, Lion 1, SGD 0 or 1). */
        default double doublesPerParameter() {
            return 0;
        }
    }

    /** Allocates the state for the tensors of {@code layout}; {@code params} are the initial parameters. */
    State init(ParameterLayout layout, double[] params);

    /**
     * Transforms {@code updates} in place on the owned tensors.
     *
     * @param updates full-length vector: on entry the gradient (or an earlier transformation's output), on exit the update
     * @param state   this transformation's state, from {@link #init}
     * @param params  the current parameters (full length), read-only
     * @param oracle  curvature information at {@code params} on the current minibatch, for the methods that need it
     */
    void update(double[] updates, State state, double[] params, StepOracle oracle);

    /** True when the parameters the gradient is taken at differ from those to evaluate the model at (Schedule-Free). */
    default boolean hasEvaluationPoint() {
        return false;
    }

    /** Writes the evaluation-point parameters of the owned tensors into {@code out}; only when {@link #hasEvaluationPoint()}. */
    default void evaluationPoint(State state, double[] params, double[] out) {
        throw new UnsupportedOperationException("no separate evaluation point");
    }

    default boolean needsHessianVector() {
        return false;
    }

    default boolean needsSampledGradient() {
        return false;
    }
}
