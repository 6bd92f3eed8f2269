package io.fixpoint.problem;

import java.util.Objects;

/**
 * Nonlinear least squares: minimise ½‖r(x)‖² over x ∈ Rⁿ, for residuals r: Rⁿ → Rᵐ with Jacobian J
 * (m×n, row-major, {@code J[i*n + j] = ∂rᵢ/∂xⱼ}; see {@link VectorFunction}), optionally subject to
 * simple {@link Bounds}.
 */
public interface LeastSquaresProblem extends VectorFunction, Problem<LeastSquaresProblem> {

    /** m, the number of residuals. */
    int residualCount();

    /** Writes r(x) into {@code r} (length m). */
    void residuals(double[] x, double[] r);

    /** Writes J(x) into {@code jac}, row-major m×n; every least-squares problem has one. */
    @Override
    void jacobian(double[] x, double[] jac);

    @Override
    default boolean hasJacobian() {
        return true;
    }

    /** r(x): the same as {@link #residuals}. */
    @Override
    default void evaluate(double[] x, double[] r) {
        residuals(x, r);
    }

    /** m, the number of residuals. */
    @Override
    default int outputDimension() {
        return residualCount();
    }

    /** The bounds on x, or null when there are none. */
    default Bounds bounds() {
        return null;
    }

    /** A view that counts r as {@link Evaluation#RESIDUAL}, J as JACOBIAN, and J·v and Jᵀ·u as JACOBIAN_VECTOR. */
    @Override
    default LeastSquaresProblem counted(Counts counts) {
        return new FunctionView.LeastSquares(this, counts, bounds());
    }

    /** The same problem restricted to {@code bounds}. */
    default LeastSquaresProblem withBounds(Bounds bounds) {
        InvalidProblemException.checkDimension("bounds", bounds.dimension(), dimension());
        return new FunctionView.LeastSquares(this, null, bounds);
    }

    /** The objective f(x) = ½‖r(x)‖² with gradient Jᵀr, for any minimiser. */
    default Objective asObjective() {
        return new SumOfSquares(this);
    }

    /** Residuals and Jacobian as functions. */
    interface Residuals {
        void residuals(double[] x, double[] r);
    }

    /** The Jacobian, row-major m×n. */
    interface Jacobian {
        void jacobian(double[] x, double[] jac);
    }

    /**
     * A problem from its residual and Jacobian functions.
     *
     * @throws InvalidProblemException if n or m is not positive
     */
    static LeastSquaresProblem of(int n, int m, Residuals residuals, Jacobian jacobian) {
        if (n <= 0 || m <= 0) {
            throw new InvalidProblemException("a least-squares problem needs n > 0 unknowns and m > 0 residuals, got n = " + n + ", m = " + m);
        }
        Objects.requireNonNull(residuals, "residuals");
        Objects.requireNonNull(jacobian, "jacobian");
        return new LeastSquaresProblem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public int residualCount() {
                return m;
            }

            @Override
            public void residuals(double[] x, double[] r) {
                residuals.residuals(x, r);
            }

            @Override
            public void jacobian(double[] x, double[] jac) {
                jacobian.jacobian(x, jac);
            }
        };
    }
}
