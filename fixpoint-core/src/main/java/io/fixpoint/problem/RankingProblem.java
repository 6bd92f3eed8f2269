package io.fixpoint.problem;

/**
 * A Bradley–Terry estimation problem: the objective f(θ) whose minimiser is the estimate, and the
 * score iterations whose fixed points are that minimiser, each a {@link GradientMap} returning ∇f with
 * the step. A ranking solver picks the view it runs on; the counted view counts through the views
 * (f and its derivatives as an {@link Objective}, each sweep of a map as one {@code MAP}).
 */
public interface RankingProblem extends Problem<RankingProblem> {

    /** f(θ) with ∇f, ∇²f and ∇²f·v. */
    Objective objective();

    /** Zermelo's iteration (Hunter's MM algorithm) on θ. */
    GradientMap zermelo();

    /** Newman's iteration on θ. */
    GradientMap newman();

    /**
     * Iterative Luce spectral ranking on θ.
     *
     * @throws IllegalArgumentException when the model is one the method does not cover
     */
    GradientMap ilsr();

    @Override
    default RankingProblem counted(Counts counts) {
        return new CountedRankingProblem(this, counts);
    }
}
