package io.fixpoint.problem;

/** A ranking problem whose views count their evaluations: the objective's by kind, each sweep of a map as one MAP. */
final class CountedRankingProblem implements RankingProblem {
    private final RankingProblem inner;
    private final Counts counts;

    CountedRankingProblem(RankingProblem inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public Objective objective() {
        return inner.objective().counted(counts);
    }

    @Override
    public GradientMap zermelo() {
        return inner.zermelo().counted(counts);
    }

    @Override
    public GradientMap newman() {
        return inner.newman().counted(counts);
    }

    @Override
    public GradientMap ilsr() {
        return inner.ilsr().counted(counts);
    }
}
