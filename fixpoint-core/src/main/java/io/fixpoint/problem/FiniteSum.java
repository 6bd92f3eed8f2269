package io.fixpoint.problem;

/**
 * A finite sum f(w) = (1/N) Σᵢ fᵢ(w) + r(w) over N examples, with a regulariser r (possibly zero): the
 * problem kind of stochastic training. Evaluations take a {@link Batch}, the terms to average over:
 * f_B(w) = (1/|B|) Σ_{i∈B} fᵢ(w) + r(w), an unbiased estimate of f(w) for a uniformly drawn B, and
 * {@link Batch#all()} for f itself.
 *
 * <p>The interface is deliberately small, so that it can be implemented over data that does not live
 * in this JVM: a distributed implementation computes the full-batch value and gradient as one
 * aggregation over the data's partitions and a Hessian–vector product as another; an index batch
 * names example positions 0..N−1 in a fixed order of the data. {@link #fullBatch()} turns any
 * finite sum into an ordinary {@link Objective}, so deterministic minimisers (L-BFGS, trust-region
 * Newton–CG) run on it unchanged.
 *
 * <p>Counted by construction: {@link #counted} records one {@link Evaluation#VALUE} and one
 * {@link Evaluation#GRADIENT} per {@link #valueAndGradient}, one {@code HESSIAN_VECTOR} per product, one
 * {@code HESSIAN} per Hessian (with a value and gradient when they come from the same pass),
 * one {@code GRADIENT} per sampled gradient, and for every call the examples it touched as
 * {@link Evaluation#EXAMPLE} (N for the full batch), so passes over the data = examples / N.
 *
 * <p>Optional capabilities, off by default: Hessian–vector products (Sophia with Hutchinson's
 * estimator, AdaHessian, Newton–CG on the full batch), the dense Hessian (for few parameters: Newton's
 * whole model from the pass that computes the gradient) and gradients at labels sampled from the model
 * (Sophia's Gauss–Newton–Bartlett estimator). {@link #layout()} names the tensors the parameter vector
 * is made of; by default one vector.
 */
public interface FiniteSum extends Problem<FiniteSum> {

    /** N, the number of terms. Index batches address terms 0..min(N, 2³¹−1)−1. */
    long size();

    /** f_B(w). */
    double value(double[] w, Batch batch);

    /** f_B(w), writing ∇f_B(w) into {@code g}. */
    double valueAndGradient(double[] w, Batch batch, double[] g);

    default boolean hasHessianVector() {
        return false;
    }

    /**
     * Whether the full batch's value comes with its gradient from one pass over the data, so that
     * {@link #value} costs what {@link #valueAndGradient} does (see {@link Objective#evaluatedInPasses}).
     */
    default boolean evaluatedInPasses() {
        return false;
    }

    /** Writes ∇²f_B(w)·v into {@code hv}. */
    default void hessianVector(double[] w, Batch batch, double[] v, double[] hv) {
        throw new UnsupportedOperationException("this finite sum has no Hessian-vector product");
    }

    /**
     * Whether the sum provides its Hessian ∇²f_B as a dense matrix ({@link #hessian}), and then also
     * {@link #valueGradientAndHessian}, all three from one pass over the batch's examples.
     */
    default boolean hasHessian() {
        return false;
    }

    /** Writes ∇²f_B(w) into {@code h}, row-major, in one pass over the batch's examples. */
    default void hessian(double[] w, Batch batch, double[] h) {
        throw new UnsupportedOperationException("this finite sum has no Hessian");
    }

    /** f_B(w), writing ∇f_B(w) into {@code g} and ∇²f_B(w) into {@code h}, in one pass over the batch's examples. */
    default double valueGradientAndHessian(double[] w, Batch batch, double[] g, double[] h) {
        throw new UnsupportedOperationException("this finite sum has no Hessian");
    }

    /** Whether every f_B is convex (see {@link Objective#convex}). */
    default boolean convex() {
        return false;
    }

    default boolean hasSampledGradient() {
        return false;
    }

    /**
     * Writes into {@code g} the gradient of f_B at w with every example's label replaced by a draw ŷᵢ
     * from the model's own predictive distribution at w (the Gauss–Newton–Bartlett estimator of Liu et
     * al., <i>Sophia</i>, 2023, Algorithm 2, uses B·g⊙g). The draw for example i is made with
     * {@link CounterRandom} from {@code seed} and i, so it does not depend on where it is computed.
     * The regulariser is left out: it has no labels.
     */
    default void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        throw new UnsupportedOperationException("this finite sum cannot sample labels from its model");
    }

    /** The named tensors of the parameter vector; one generic vector unless the sum says otherwise. */
    default ParameterLayout layout() {
        return ParameterLayout.vector(dimension());
    }

    /** The full sum f as an objective; counted through this sum, so examples are counted too. */
    default Objective fullBatch() {
        return new FullBatchObjective(this);
    }

    @Override
    default FiniteSum counted(Counts counts) {
        return new CountedFiniteSum(this, counts);
    }
}
