package io.fixpoint.problem;

/**
 * A square system F(x) = 0 with F: Rⁿ → Rⁿ, optionally with its Jacobian (row-major n×n) or the
 * product J·v (see {@link VectorFunction}). Root solvers drive ½‖F‖² down and certify ‖F‖.
 */
public interface RootProblem extends VectorFunction, Problem<RootProblem> {

    /** Writes F(x) into {@code f}. */
    void residuals(double[] x, double[] f);

    /** F(x): the same as {@link #residuals}. */
    @Override
    default void evaluate(double[] x, double[] f) {
        residuals(x, f);
    }

    /** A view that counts F as {@link Evaluation#RESIDUAL}, J as JACOBIAN and J·v as JACOBIAN_VECTOR. */
    @Override
    default RootProblem counted(Counts counts) {
        return new FunctionView.Root(this, counts);
    }

    /** The residual function of a system without derivatives. */
    @FunctionalInterface
    interface Residuals {
        void residuals(double[] x, double[] f);
    }

    /** The residual function's Jacobian, row-major n×n. */
    @FunctionalInterface
    interface Jacobian {
        void jacobian(double[] x, double[] jac);
    }

    /** A system of dimension {@code n} without derivatives. */
    static RootProblem of(int n, Residuals f) {
        return of(n, f, null);
    }

    /** A system of dimension {@code n}; {@code jacobian} may be null. */
    static RootProblem of(int n, Residuals f, Jacobian jacobian) {
        if (n <= 0) {
            throw new InvalidProblemException("a system needs dimension ≥ 1, got " + n);
        }
        return new RootProblem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void residuals(double[] x, double[] out) {
                f.residuals(x, out);
            }

            @Override
            public boolean hasJacobian() {
                return jacobian != null;
            }

            @Override
            public void jacobian(double[] x, double[] jac) {
                if (jacobian == null) {
                    RootProblem.super.jacobian(x, jac);
                } else {
                    jacobian.jacobian(x, jac);
                }
            }
        };
    }
}
