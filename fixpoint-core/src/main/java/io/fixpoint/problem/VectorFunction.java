package io.fixpoint.problem;

/**
 * A function F: Rⁿ → Rᵐ with, optionally, its Jacobian J (row-major m×n, {@code jac[i*n + j] = ∂Fᵢ/∂xⱼ})
 * or the products J·v and Jᵀ·u. The shape shared by the problem kinds built on it, which say what F
 * means: a {@link FixedPointMap} T (x = T(x) is wanted), a {@link RootProblem} F (F(x) = 0 is wanted)
 * and the residuals r of a {@link LeastSquaresProblem} (min ½‖r‖²). Each kind names the evaluation in
 * its own terms ({@code apply}, {@code residuals}) and {@link #evaluate} is that same call.
 */
public interface VectorFunction {

    /** n, the length of x. */
    int dimension();

    /** m, the length of F(x): n unless the function says otherwise (least-squares residuals do). */
    default int outputDimension() {
        return dimension();
    }

    /** Writes F(x) into {@code out} (length m). */
    void evaluate(double[] x, double[] out);

    default boolean hasJacobian() {
        return false;
    }

    /** Writes J(x) into {@code jac}, row-major m×n. */
    default void jacobian(double[] x, double[] jac) {
        throw new UnsupportedOperationException("this function has no Jacobian");
    }

    default boolean hasJacobianVector() {
        return hasJacobian();
    }

    /** Writes J(x)·v into {@code jv} (length m); by default through the full Jacobian. */
    default void jacobianVector(double[] x, double[] v, double[] jv) {
        double[] jac = new double[outputDimension() * dimension()];
        jacobian(x, jac);
        DenseProducts.multiply(jac, v, jv);
    }

    /** Writes J(x)ᵀ·u into {@code jtu} (length n); by default through the full Jacobian. */
    default void jacobianTransposeVector(double[] x, double[] u, double[] jtu) {
        double[] jac = new double[outputDimension() * dimension()];
        jacobian(x, jac);
        DenseProducts.multiplyTransposed(jac, u, jtu);
    }
}
