package io.fixpoint.problem;

/** A least-squares problem that records each residual, Jacobian and Jacobian-vector evaluation. */
final class CountedLeastSquares implements LeastSquaresProblem {
    private final LeastSquaresProblem inner;
    private final Counts counts;

    CountedLeastSquares(LeastSquaresProblem inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public int residualCount() {
        return inner.residualCount();
    }

    @Override
    public void residuals(double[] x, double[] r) {
        counts.add(Evaluation.RESIDUAL);
        inner.residuals(x, r);
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        counts.add(Evaluation.JACOBIAN);
        inner.jacobian(x, jac);
    }

    @Override
    public void jacobianVector(double[] x, double[] v, double[] jv) {
        counts.add(Evaluation.JACOBIAN_VECTOR);
        inner.jacobianVector(x, v, jv);
    }

    @Override
    public void jacobianTransposeVector(double[] x, double[] u, double[] jtu) {
        counts.add(Evaluation.JACOBIAN_VECTOR);
        inner.jacobianTransposeVector(x, u, jtu);
    }

    @Override
    public Bounds bounds() {
        return inner.bounds();
    }
}
