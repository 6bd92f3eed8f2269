package io.fixpoint.problem;

/** A map that records each evaluation: T as MAP, its Jacobian as JACOBIAN, J·v as JACOBIAN_VECTOR. */
final class CountedFixedPointMap implements FixedPointMap {
    private final FixedPointMap inner;
    private final Counts counts;

    CountedFixedPointMap(FixedPointMap inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void apply(double[] x, double[] out) {
        counts.add(Evaluation.MAP);
        inner.apply(x, out);
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
