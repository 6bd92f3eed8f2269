package io.fixpoint.problem;

/**
 * A view of a vector function that passes every call on and, when it has counters, records it:
 * F(x) as the kind the problem says it is ({@link Evaluation#MAP} for a fixed-point map,
 * {@link Evaluation#RESIDUAL} for residuals), J as {@link Evaluation#JACOBIAN}, J·v and Jᵀ·u as
 * {@link Evaluation#JACOBIAN_VECTOR}. This is the counted view of every problem kind built on
 * {@link VectorFunction}; the nested classes only give it its kind, naming the evaluation as that
 * kind does. The least-squares view also carries the bounds, so that attaching bounds is an
 * uncounted view.
 */
abstract class FunctionView implements VectorFunction {
    private final VectorFunction inner;
    /** Null for a view that counts nothing. */
    private final Counts counts;
    private final Evaluation valueKind;

    FunctionView(VectorFunction inner, Counts counts, Evaluation valueKind) {
        this.inner = inner;
        this.counts = counts;
        this.valueKind = valueKind;
    }

    private void count(Evaluation kind) {
        if (counts != null) {
            counts.add(kind);
        }
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public int outputDimension() {
        return inner.outputDimension();
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        count(valueKind);
        inner.evaluate(x, out);
    }

    @Override
    public boolean hasJacobian() {
        return inner.hasJacobian();
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        count(Evaluation.JACOBIAN);
        inner.jacobian(x, jac);
    }

    @Override
    public boolean hasJacobianVector() {
        return inner.hasJacobianVector();
    }

    @Override
    public void jacobianVector(double[] x, double[] v, double[] jv) {
        count(Evaluation.JACOBIAN_VECTOR);
        inner.jacobianVector(x, v, jv);
    }

    @Override
    public void jacobianTransposeVector(double[] x, double[] u, double[] jtu) {
        count(Evaluation.JACOBIAN_VECTOR);
        inner.jacobianTransposeVector(x, u, jtu);
    }

    static final class FixedPoint extends FunctionView implements FixedPointMap {
        FixedPoint(FixedPointMap map, Counts counts) {
            super(map, counts, Evaluation.MAP);
        }

        @Override
        public void apply(double[] x, double[] out) {
            evaluate(x, out);
        }
    }

    static final class Root extends FunctionView implements RootProblem {
        Root(RootProblem system, Counts counts) {
            super(system, counts, Evaluation.RESIDUAL);
        }

        @Override
        public void residuals(double[] x, double[] f) {
            evaluate(x, f);
        }
    }

    static final class LeastSquares extends FunctionView implements LeastSquaresProblem {
        private final LeastSquaresProblem problem;
        private final Bounds bounds;

        LeastSquares(LeastSquaresProblem problem, Counts counts, Bounds bounds) {
            super(problem, counts, Evaluation.RESIDUAL);
            this.problem = problem;
            this.bounds = bounds;
        }

        @Override
        public int residualCount() {
            return problem.residualCount();
        }

        @Override
        public void residuals(double[] x, double[] r) {
            evaluate(x, r);
        }

        @Override
        public Bounds bounds() {
            return bounds;
        }
    }
}
