package io.fixpoint.problem;

/**
 * A square system F(x) = 0 with F: Rⁿ → Rⁿ, optionally with its Jacobian (row-major n×n) or the
 * product J·v. Root solvers drive ½‖F‖² down and certify ‖F‖.
 */
public interface RootProblem extends Problem<RootProblem> {

    /** Writes F(x) into {@code f}. */
    void residuals(double[] x, double[] f);

    default boolean hasJacobian() {
        return false;
    }

    /** Writes the Jacobian of F at x into {@code jac}, row-major n×n: jac[i*n + j] = ∂F_i/∂x_j. */
    default void jacobian(double[] x, double[] jac) {
        throw new UnsupportedOperationException("this system has no Jacobian");
    }

    default boolean hasJacobianVector() {
        return hasJacobian();
    }

    /** Writes J(x)·v into {@code jv}; by default through the full Jacobian. */
    default void jacobianVector(double[] x, double[] v, double[] jv) {
        int n = dimension();
        double[] jac = new double[n * n];
        jacobian(x, jac);
        DenseProducts.multiply(jac, v, jv);
    }

    @Override
    default RootProblem counted(Counts counts) {
        return new CountedRootProblem(this, counts);
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
