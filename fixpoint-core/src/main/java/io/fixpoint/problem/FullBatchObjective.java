package io.fixpoint.problem;

/**
 * The full sum f of a {@link FiniteSum} as an {@link Objective}. Its gradient comes from the sum's
 * value-and-gradient pass (one aggregation where the data is distributed), so a gradient is counted
 * with its value; its counted view counts through the sum, examples included.
 */
final class FullBatchObjective implements Objective {
    private final FiniteSum sum;

    FullBatchObjective(FiniteSum sum) {
        this.sum = sum;
    }

    @Override
    public int dimension() {
        return sum.dimension();
    }

    @Override
    public double value(double[] x) {
        return sum.value(x, Batch.all());
    }

    @Override
    public void gradient(double[] x, double[] g) {
        sum.valueAndGradient(x, Batch.all(), g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return sum.valueAndGradient(x, Batch.all(), g);
    }

    @Override
    public boolean hasHessian() {
        return sum.hasHessian();
    }

    @Override
    public void hessian(double[] x, double[] h) {
        sum.hessian(x, Batch.all(), h);
    }

    @Override
    public double valueGradientAndHessian(double[] x, double[] g, double[] h) {
        return sum.valueGradientAndHessian(x, Batch.all(), g, h);
    }

    @Override
    public boolean convex() {
        return sum.convex();
    }

    @Override
    public boolean evaluatedInPasses() {
        return sum.evaluatedInPasses();
    }

    @Override
    public boolean hasHessianVector() {
        return sum.hasHessianVector();
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        sum.hessianVector(x, Batch.all(), v, hv);
    }

    @Override
    public Objective counted(Counts counts) {
        return new FullBatchObjective(sum.counted(counts));
    }
}
