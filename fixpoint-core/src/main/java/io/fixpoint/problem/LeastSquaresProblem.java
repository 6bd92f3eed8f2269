package io.fixpoint.problem;

import java.util.Objects;

/**
 * Nonlinear least squares: minimise ½‖r(x)‖² over x ∈ Rⁿ, for residuals r: Rⁿ → Rᵐ with Jacobian J
 * (m×n, row-major, {@code J[i*n + j] = ∂rᵢ/∂xⱼ}), optionally subject to simple {@link Bounds}.
 */
public interface LeastSquaresProblem extends Problem<LeastSquaresProblem> {

    /** m, the number of residuals. */
    int residualCount();

    /** Writes r(x) into {@code r} (length m). */
    void residuals(double[] x, double[] r);

    /** Writes J(x) into {@code jac}, row-major m×n. */
    void jacobian(double[] x, double[] jac);

    /** The bounds on x, or null when there are none. */
    default Bounds bounds() {
        return null;
    }

    /** Writes J(x)·v into {@code jv} (length m); by default through the full Jacobian. */
    default void jacobianVector(double[] x, double[] v, double[] jv) {
        int m = residualCount();
        int n = dimension();
        double[] jac = new double[m * n];
        jacobian(x, jac);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += jac[i * n + j] * v[j];
            }
            jv[i] = s;
        }
    }

    /** Writes J(x)ᵀ·u into {@code jtu} (length n); by default through the full Jacobian. */
    default void jacobianTransposeVector(double[] x, double[] u, double[] jtu) {
        int m = residualCount();
        int n = dimension();
        double[] jac = new double[m * n];
        jacobian(x, jac);
        java.util.Arrays.fill(jtu, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                jtu[j] += jac[i * n + j] * u[i];
            }
        }
    }

    @Override
    default LeastSquaresProblem counted(Counts counts) {
        return new CountedLeastSquares(this, counts);
    }

    /** The same problem restricted to {@code bounds}. */
    default LeastSquaresProblem withBounds(Bounds bounds) {
        InvalidProblemException.checkDimension("bounds", bounds.dimension(), dimension());
        return new BoundedLeastSquares(this, bounds);
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
