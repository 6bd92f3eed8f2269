package io.fixpoint.problem;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.parallel.ParallelExecutor;

/**
 * A linear program: minimise cᵀx + c₀ subject to l_c ≤ Ax ≤ u_c and l ≤ x ≤ u, with a sparse A
 * and bounds that may be infinite. Its dual is: maximise c₀ + Σ (l_c,i·y_i⁺ − u_c,i·y_i⁻) +
 * Σ (l_j·λ_j⁺ − u_j·λ_j⁻) subject to λ = c − Aᵀy, where a multiplier may be positive only against a
 * finite lower bound and negative only against a finite upper bound.
 *
 * <p>Solvers read the data through the accessors and multiply through {@link #multiply} and
 * {@link #multiplyTransposed}, which the counted view counts as {@link Evaluation#MATRIX_VECTOR}.
 * The arrays returned are the program's own: do not modify them.
 */
public interface LinearProgram extends Problem<LinearProgram> {

    /** Number of variables n. */
    @Override
    int dimension();

    /** Number of constraint rows m. */
    int constraints();

    /** The constraint matrix A (m × n). */
    SparseMatrix matrix();

    /** The objective vector c. */
    double[] objective();

    /** The constant c₀ added to the objective. */
    double objectiveOffset();

    double[] variableLower();

    double[] variableUpper();

    double[] constraintLower();

    double[] constraintUpper();

    /**
     * ‖c‖₂ of the program as posed, the scale of the relative dual residual. A presolved program keeps
     * the figure of the program it came from, so that both are judged alike.
     */
    default double objectiveNorm() {
        return Norms.objective(objective());
    }

    /**
     * The Euclidean norm of the finite constraint bounds (an equality row counted once), the scale
     * of the relative primal residual; kept by presolve like {@link #objectiveNorm()}.
     */
    default double boundNorm() {
        return Norms.bounds(constraintLower(), constraintUpper());
    }

    /** out ← A·x. */
    default void multiply(double[] x, double[] out, ParallelExecutor executor) {
        matrix().multiply(x, out, executor);
    }

    /** out ← Aᵀ·y. */
    default void multiplyTransposed(double[] y, double[] out, ParallelExecutor executor) {
        matrix().multiplyTransposed(y, out, executor);
    }

    @Override
    default LinearProgram counted(Counts counts) {
        return new CountedLinearProgram(this, counts);
    }

    /**
     * A program from its data, checked: dimensions agree, c and finite bounds are finite numbers,
     * lower ≤ upper, no lower bound is +∞ and no upper bound −∞.
     *
     * @throws InvalidProblemException naming the offending vector and index
     */
    static LinearProgram of(SparseMatrix a, double[] c, double offset, double[] lower, double[] upper,
            double[] rowLower, double[] rowUpper) {
        return new LinearProgramData(a, c, offset, lower, upper, rowLower, rowUpper, Double.NaN, Double.NaN);
    }

    /** The same, judged against the norms of another program (the one a presolve started from). */
    static LinearProgram of(SparseMatrix a, double[] c, double offset, double[] lower, double[] upper,
            double[] rowLower, double[] rowUpper, double objectiveNorm, double boundNorm) {
        return new LinearProgramData(a, c, offset, lower, upper, rowLower, rowUpper, objectiveNorm, boundNorm);
    }
}
