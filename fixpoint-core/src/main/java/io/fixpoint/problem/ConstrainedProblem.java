package io.fixpoint.problem;

import java.util.Objects;

/**
 * A smooth problem with general constraints:
 *
 * <pre>
 *   minimise f(x)  subject to  gᵢ(x) = 0 (i &lt; p),  hⱼ(x) ≤ 0 (j &lt; q),  lower ≤ x ≤ upper.
 * </pre>
 *
 * The constraint functions are one vector c(x) = (g(x), h(x)) of length m = p + q, equalities
 * first, with its Jacobian (row-major m×n). Optionally the Hessian of the Lagrangian
 * ∇²f(x) + Σ yᵢ∇²cᵢ(x) for given multipliers y. The bounds belong to the problem, not to a solver.
 */
public interface ConstrainedProblem extends Problem<ConstrainedProblem> {

    /** The objective f, with its gradient. */
    Objective objective();

    /** p, the number of equality constraints g(x) = 0 (the first entries of c). */
    int equalityCount();

    /** q, the number of inequality constraints h(x) ≤ 0 (the last entries of c). */
    int inequalityCount();

    /** m = p + q. */
    default int constraintCount() {
        return equalityCount() + inequalityCount();
    }

    /** Writes c(x) = (g(x), h(x)) into {@code c}. */
    void constraints(double[] x, double[] c);

    /** Writes the Jacobian of c at x into {@code jac}, row-major m×n: jac[i*n + j] = ∂cᵢ/∂xⱼ. */
    void constraintJacobian(double[] x, double[] jac);

    /** The simple bounds on x (unbounded entries are infinite). */
    Bounds bounds();

    default boolean hasLagrangianHessian() {
        return false;
    }

    /** Writes ∇²f(x) + Σ yᵢ∇²cᵢ(x) into {@code h}, row-major n×n. */
    default void lagrangianHessian(double[] x, double[] y, double[] h) {
        throw new UnsupportedOperationException("this problem has no Hessian of the Lagrangian");
    }

    @Override
    default int dimension() {
        return objective().dimension();
    }

    @Override
    default ConstrainedProblem counted(Counts counts) {
        return new CountedConstrainedProblem(this, counts);
    }

    /** c(x) = (g(x), h(x)). */
    @FunctionalInterface
    interface Constraints {
        void constraints(double[] x, double[] c);
    }

    /** The Jacobian of c, row-major m×n. */
    @FunctionalInterface
    interface ConstraintJacobian {
        void jacobian(double[] x, double[] jac);
    }

    /** ∇²f(x) + Σ yᵢ∇²cᵢ(x), row-major n×n. */
    @FunctionalInterface
    interface LagrangianHessian {
        void hessian(double[] x, double[] y, double[] h);
    }

    /**
     * A problem from its parts; {@code hessian} may be null.
     *
     * @throws InvalidProblemException on negative counts or bounds of the wrong dimension
     */
    static ConstrainedProblem of(Objective objective, int equalities, int inequalities, Constraints constraints,
            ConstraintJacobian jacobian, Bounds bounds, LagrangianHessian hessian) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(jacobian, "jacobian");
        Objects.requireNonNull(bounds, "bounds");
        if (equalities < 0 || inequalities < 0) {
            throw new InvalidProblemException("constraint counts must be ≥ 0, got " + equalities + " equalities and "
                    + inequalities + " inequalities");
        }
        InvalidProblemException.checkDimension("bounds", bounds.dimension(), objective.dimension());
        return new ConstrainedProblem() {
            @Override
            public Objective objective() {
                return objective;
            }

            @Override
            public int equalityCount() {
                return equalities;
            }

            @Override
            public int inequalityCount() {
                return inequalities;
            }

            @Override
            public void constraints(double[] x, double[] c) {
                constraints.constraints(x, c);
            }

            @Override
            public void constraintJacobian(double[] x, double[] jac) {
                jacobian.jacobian(x, jac);
            }

            @Override
            public Bounds bounds() {
                return bounds;
            }

            @Override
            public boolean hasLagrangianHessian() {
                return hessian != null;
            }

            @Override
            public void lagrangianHessian(double[] x, double[] y, double[] h) {
                if (hessian == null) {
                    ConstrainedProblem.super.lagrangianHessian(x, y, h);
                } else {
                    hessian.hessian(x, y, h);
                }
            }
        };
    }
}
