package io.fixpoint.problem;

import java.util.List;

/** An objective that records each evaluation; the counters see exactly what a solver asked for. */
final class CountedObjective implements Objective {
    private final Objective inner;
    private final Counts counts;

    CountedObjective(Objective inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double value(double[] x) {
        counts.add(Evaluation.VALUE);
        return inner.value(x);
    }

    @Override
    public void gradient(double[] x, double[] g) {
        counts.add(Evaluation.GRADIENT);
        inner.gradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        counts.add(Evaluation.VALUE);
        counts.add(Evaluation.GRADIENT);
        return inner.valueAndGradient(x, g);
    }

    @Override
    public boolean hasHessian() {
        return inner.hasHessian();
    }

    @Override
    public void hessian(double[] x, double[] h) {
        counts.add(Evaluation.HESSIAN);
        inner.hessian(x, h);
    }

    @Override
    public double valueGradientAndHessian(double[] x, double[] g, double[] h) {
        counts.add(Evaluation.VALUE);
        counts.add(Evaluation.GRADIENT);
        counts.add(Evaluation.HESSIAN);
        return inner.valueGradientAndHessian(x, g, h);
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
    public void hessianVector(double[] x, double[] v, double[] hv) {
        counts.add(Evaluation.HESSIAN_VECTOR);
        inner.hessianVector(x, v, hv);
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    @Override
    public Objective counted(Counts other) {
        return new CountedObjective(this, other);
    }
}
