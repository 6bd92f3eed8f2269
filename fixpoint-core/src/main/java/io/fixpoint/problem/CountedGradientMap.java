package io.fixpoint.problem;

/** A gradient map that records each evaluation as one MAP (T and ∇f come from the same pass). */
final class CountedGradientMap implements GradientMap {
    private final GradientMap inner;
    private final Counts counts;

    CountedGradientMap(GradientMap inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void apply(double[] x, double[] out, double[] gradient) {
        counts.add(Evaluation.MAP);
        inner.apply(x, out, gradient);
    }
}
