package io.fixpoint.problem;

/** A least-squares problem with bounds attached. */
final class BoundedLeastSquares implements LeastSquaresProblem {
    private final LeastSquaresProblem inner;
    private final Bounds bounds;

    BoundedLeastSquares(LeastSquaresProblem inner, Bounds bounds) {
        this.inner = inner;
        this.bounds = bounds;
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
        inner.residuals(x, r);
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        inner.jacobian(x, jac);
    }

    @Override
    public void jacobianVector(double[] x, double[] v, double[] jv) {
        inner.jacobianVector(x, v, jv);
    }

    @Override
    public void jacobianTransposeVector(double[] x, double[] u, double[] jtu) {
        inner.jacobianTransposeVector(x, u, jtu);
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }
}
