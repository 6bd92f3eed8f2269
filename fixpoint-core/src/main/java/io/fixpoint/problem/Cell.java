package io.fixpoint.problem;

/**
 * One step h' = f(h, u) of a recurrence and its state Jacobian ∂f/∂h. Arrays are read and written
 * at offsets so a solver can work inside flat trajectories without copying. A cell is immutable and
 * may be called from several threads at once; per-call scratch space is passed in as {@code work}
 * ({@link #workspaceSize()} long), one per thread.
 */
public interface Cell {

    /** Short lower-case name used in reports and errors. */
    String name();

    /** D, the length of the state h. */
    int stateDimension();

    /** U, the length of one input u_t (may be 0). */
    int inputDimension();

    /** Doubles of scratch space one call needs. */
    default int workspaceSize() {
        return 0;
    }

    /** out = f(h, u). */
    void step(double[] h, int ho, double[] u, int uo, double[] out, int oo, double[] work);

    /** True when ∂f/∂h is diagonal: {@link #jacobian} then writes only its D diagonal entries. */
    default boolean diagonalJacobian() {
        return false;
    }

    /** jac = ∂f/∂h at (h, u): D×D row-major (jac[r·D + c] = ∂f_r/∂h_c), or its diagonal when {@link #diagonalJacobian()}. */
    void jacobian(double[] h, int ho, double[] u, int uo, double[] jac, int jo, double[] work);

    /** Floating-point operations of one {@link #step}, counted per operation (for work reports and cost models). */
    long stepFlops();

    /** Floating-point operations of one {@link #jacobian}. */
    long jacobianFlops();
}
