package io.fixpoint.problem;

/** A system that records each evaluation: F as RESIDUAL, J as JACOBIAN, J·v as JACOBIAN_VECTOR. */
final class CountedRootProblem implements RootProblem {
    private final RootProblem inner;
    private final Counts counts;

    CountedRootProblem(RootProblem inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void residuals(double[] x, double[] f) {
        counts.add(Evaluation.RESIDUAL);
        inner.residuals(x, f);
    }

    @Override
    public boolean hasJacobian() {
        return inner.hasJacobian();
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        counts.add(Evaluation.JACOBIAN);
        inner.jacobian(x, jac);
    }

    @Override
    public boolean hasJacobianVector() {
        return inner.hasJacobianVector();
    }

    @Override
    public void jacobianVector(double[] x, double[] v, double[] jv) {
        counts.add(Evaluation.JACOBIAN_VECTOR);
        inner.jacobianVector(x, v, jv);
    }
}
