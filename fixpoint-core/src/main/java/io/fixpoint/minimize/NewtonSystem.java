package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Newton system (∇²f + τI)·d = b with the modified-Cholesky safeguard of Nocedal and Wright,
 * Numerical Optimization (2nd ed.), Algorithm 3.3: try Cholesky on H + τI, starting from τ = 0 when
 * the diagonal is positive and from β − min hᵢᵢ otherwise, and double τ (at least to β) until the
 * factorisation succeeds. β = 10⁻³·max(1, max |hᵢᵢ|) keeps the first shift in scale with H.
 * The workspaces are allocated once; a solve allocates nothing.
 */
final class NewtonSystem {
    /** Doublings of τ before giving up (τ would then exceed 2⁶⁰·β). */
    private static final int MAX_SHIFTS = 60;

    private final int n;
    /** ∇²f(x), row-major; the objective writes into it. */
    final double[] hessian;
    private final DMatrixRMaj shifted;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final LinearSolverDense<DMatrixRMaj> cholesky;
    private double shift;

    NewtonSystem(int n) {
        this.n = n;
        this.hessian = new double[n * n];
        this.shifted = new DMatrixRMaj(n, n);
        this.rhs = new DMatrixRMaj(n, 1);
        this.solution = new DMatrixRMaj(n, 1);
        this.cholesky = LinearSolverFactory_DDRM.chol(n);
    }

    /** Whether every Hessian entry is finite; a non-finite Hessian cannot be factorised honestly. */
    boolean hessianFinite() {
        return Vectors.allFinite(hessian);
    }

    /**
     * Factorises H + τI with the smallest τ of the sequence that makes it positive definite.
     *
     * @return whether a factorisation was found ({@link #shift()} is then the τ used)
     */
    boolean factor() {
        double minDiagonal = Double.POSITIVE_INFINITY;
        double maxAbsDiagonal = 0;
        for (int i = 0; i < n; i++) {
            double d = hessian[i * n + i];
            minDiagonal = Math.min(minDiagonal, d);
            maxAbsDiagonal = Math.max(maxAbsDiagonal, Math.abs(d));
        }
        double beta = 1e-3 * Math.max(1, maxAbsDiagonal);
        double tau = minDiagonal > 0 ? 0 : beta - minDiagonal;
        for (int attempt = 0; attempt <= MAX_SHIFTS; attempt++) {
            System.arraycopy(hessian, 0, shifted.data, 0, n * n);
            for (int i = 0; i < n; i++) {
                shifted.data[i * n + i] += tau;
            }
            if (cholesky.setA(shifted)) {
                shift = tau;
                return true;
            }
            tau = Math.max(2 * tau, beta);
        }
        shift = Double.NaN;
        return false;
    }

    /** The τ of the last successful {@link #factor()}. */
    double shift() {
        return shift;
    }

    /** out ← (H + τI)⁻¹·b with the last factorisation. */
    void solve(double[] b, double[] out) {
        System.arraycopy(b, 0, rhs.data, 0, n);
        cholesky.solve(rhs, solution);
        System.arraycopy(solution.data, 0, out, 0, n);
    }
}
