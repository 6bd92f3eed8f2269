package io.fixpoint.problem;

import java.util.List;

/**
 * Minimise F(x) = f(x) + Σⱼ λⱼ|xⱼ|: a smooth f plus an L1 norm with a weight λⱼ ≥ 0 per coordinate (0
 * leaves the coordinate unpenalised, as an intercept). The lasso and the elastic net are of this form,
 * their L2 part inside f. The objective and its weights travel together, so the counted view a solver
 * receives keeps the weights; only f is evaluated (and counted), the penalty costs nothing.
 *
 * <p>F is not differentiable where a penalised coordinate is zero. First-order optimality is measured by
 * the norm of the minimum-norm subgradient of F, the pseudo-gradient of Andrew and Gao (2007)
 * ({@link #pseudoGradient}): zero exactly at the minimisers of F when f is convex.
 */
public interface L1Objective extends Problem<L1Objective> {

    /** The smooth part f, with its derivatives. */
    Objective objective();

    /** λⱼ for each coordinate; a copy the caller may keep. */
    double[] weights();

    @Override
    default int dimension() {
        return objective().dimension();
    }

    @Override
    default L1Objective counted(Counts counts) {
        return new WeightedL1Objective(objective().counted(counts), weights());
    }

    @Override
    default List<String> warnings() {
        return objective().warnings();
    }

    /** Σⱼ λⱼ|xⱼ| for the weights {@code lambda}. */
    static double penalty(double[] lambda, double[] x) {
        double p = 0;
        for (int j = 0; j < x.length; j++) {
            if (lambda[j] > 0) {
                p += lambda[j] * Math.abs(x[j]);
            }
        }
        return p;
    }

    /**
     * Writes into {@code out} the minimum-norm subgradient of f + Σ λⱼ|xⱼ| at x, given g = ∇f(x), and returns
     * its Euclidean norm. Coordinate j: gⱼ + λⱼ·sign(xⱼ) where xⱼ ≠ 0; where xⱼ = 0 the point of
     * [gⱼ − λⱼ, gⱼ + λⱼ] nearest 0 (Andrew and Gao 2007, eq. 4).
     */
    static double pseudoGradient(double[] lambda, double[] x, double[] g, double[] out) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            double l = lambda[j];
            double p;
            if (x[j] > 0) {
                p = g[j] + l;
            } else if (x[j] < 0) {
                p = g[j] - l;
            } else if (g[j] + l < 0) {
                p = g[j] + l;
            } else if (g[j] - l > 0) {
                p = g[j] - l;
            } else {
                p = 0;
            }
            out[j] = p;
            sum += p * p;
        }
        return Math.sqrt(sum);
    }

    /**
     * {@code objective} plus the L1 norm weighted by {@code weights}, which are copied.
     *
     * @throws InvalidProblemException if the weights do not have the objective's dimension, or one is
     *                                 negative, infinite or NaN (named by its index)
     */
    static L1Objective of(Objective objective, double[] weights) {
        InvalidProblemException.checkDimension("L1 weights", weights.length, objective.dimension());
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0) || Double.isInfinite(weights[j])) {
                throw new InvalidProblemException("L1 weight " + j + " must be finite and ≥ 0, got " + weights[j]);
            }
        }
        return new WeightedL1Objective(objective, weights.clone());
    }
}
