package io.fixpoint.problem;

/** A finite sum that records every evaluation and the examples it touched. */
final class CountedFiniteSum implements FiniteSum {
    private final FiniteSum inner;
    private final Counts counts;

    CountedFiniteSum(FiniteSum inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public double value(double[] w, Batch batch) {
        counts.add(Evaluation.VALUE);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        return inner.value(w, batch);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        counts.add(Evaluation.VALUE);
        counts.add(Evaluation.GRADIENT);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        return inner.valueAndGradient(w, batch, g);
    }

    @Override
    public boolean hasHessian() {
        return inner.hasHessian();
    }

    @Override
    public void hessian(double[] w, Batch batch, double[] h) {
        counts.add(Evaluation.HESSIAN);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        inner.hessian(w, batch, h);
    }

    @Override
    public double valueGradientAndHessian(double[] w, Batch batch, double[] g, double[] h) {
        counts.add(Evaluation.VALUE);
        counts.add(Evaluation.GRADIENT);
        counts.add(Evaluation.HESSIAN);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        return inner.valueGradientAndHessian(w, batch, g, h);
    }

    @Override
    public boolean convex() {
        return inner.convex();
    }

    @Override
    public boolean evaluatedInPasses() {
        return inner.evaluatedInPasses();
    }

    @Override
    public boolean hasHessianVector() {
        return inner.hasHessianVector();
    }

    @Override
    public void hessianVector(double[] w, Batch batch, double[] v, double[] hv) {
        counts.add(Evaluation.HESSIAN_VECTOR);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        inner.hessianVector(w, batch, v, hv);
    }

    @Override
    public boolean hasSampledGradient() {
        return inner.hasSampledGradient();
    }

    @Override
    public void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        counts.add(Evaluation.GRADIENT);
        counts.add(Evaluation.EXAMPLE, batch.examples(inner.size()));
        inner.sampledGradient(w, batch, seed, g);
    }

    @Override
    public ParameterLayout layout() {
        return inner.layout();
    }

    @Override
    public FiniteSum counted(Counts other) {
        return new CountedFiniteSum(this, other);
    }
}
