package io.fixpoint.problem;

/**
 * A constrained problem that records each evaluation: the objective through its own counted view,
 * c(x) as {@link Evaluation#CONSTRAINTS}, its Jacobian as {@link Evaluation#CONSTRAINT_JACOBIAN} and
 * the Hessian of the Lagrangian as {@link Evaluation#HESSIAN}.
 */
final class CountedConstrainedProblem implements ConstrainedProblem {
    private final ConstrainedProblem inner;
    private final Objective objective;
    private final Counts counts;

    CountedConstrainedProblem(ConstrainedProblem inner, Counts counts) {
        this.inner = inner;
        this.objective = inner.objective().counted(counts);
        this.counts = counts;
    }

    @Override
    public Objective objective() {
        return objective;
    }

    @Override
    public int equalityCount() {
        return inner.equalityCount();
    }

    @Override
    public int inequalityCount() {
        return inner.inequalityCount();
    }

    @Override
    public void constraints(double[] x, double[] c) {
        counts.add(Evaluation.CONSTRAINTS);
        inner.constraints(x, c);
    }

    @Override
    public void constraintJacobian(double[] x, double[] jac) {
        counts.add(Evaluation.CONSTRAINT_JACOBIAN);
        inner.constraintJacobian(x, jac);
    }

    @Override
    public Bounds bounds() {
        return inner.bounds();
    }

    @Override
    public boolean hasLagrangianHessian() {
        return inner.hasLagrangianHessian();
    }

    @Override
    public void lagrangianHessian(double[] x, double[] y, double[] h) {
        counts.add(Evaluation.HESSIAN);
        inner.lagrangianHessian(x, y, h);
    }
}
