package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * ELK — Levenberg–Marquardt over the trajectory (Gonzalez, Warrington, Smith, Linderman, "Towards
 * Scalable and Stable Parallelization of Nonlinear RNNs", NeurIPS 2024). The step minimises the
 * damped linearised merit
 * <pre>  Σ_t ‖r_t + Δ_t − A_t Δ_{t−1}‖² + λ Σ_t ‖Δ_t‖²,   r_t = h_t − f(h_{t−1}, u_t),</pre>
 * which is the MAP problem of a linear-Gaussian state-space model (dynamics A_t with unit noise,
 * "observations" Δ_t = 0 with precision λ): the paper solves it with a Kalman smoother. Here its
 * normal equations, a symmetric positive definite block-tridiagonal system with blocks
 * (1+λ)I + A_{t+1}ᵀA_{t+1} on the diagonal and −A_{t+1}ᵀ beside it, are solved by block elimination
 * (EJML Cholesky per block): forward elimination then back substitution, the information form of
 * the Rauch–Tung–Striebel smoother. That elimination is sequential (depth 2T per iteration); the
 * paper's O(log T) parallel smoother (Särkkä and García-Fernández, 2021) is not implemented.
 * λ adapts as in Levenberg–Marquardt (÷3 when the step lowered ½‖r‖², ×10 when it did not); the
 * step itself is kept up to its first state whose residual exceeds the current largest one
 * ({@link LinearisedSolver}), which always advances the exact prefix. λ → 0 is DEER.
 */
public final class Elk extends LinearisedSolver<Elk.State> {
    private final double initialLambda;

    /**
     * Starts from λ = 1e-3. The smallest eigenvalue of JᵀJ is about 1/T² when the A_t are close to
     * rotations (a lightly damped oscillator), so a large λ damps the long-range modes heavily and
     * converges slowly; a small start lets λ rise only where steps fail.
     */
    public Elk(ParallelExecutor executor) {
        this(executor, 1e-3);
    }

    public Elk(ParallelExecutor executor, double initialLambda) {
        super(executor);
        if (!(initialLambda > 0) || Double.isInfinite(initialLambda)) {
            throw new IllegalArgumentException("initial damping λ must be finite and > 0, got " + initialLambda);
        }
        this.initialLambda = initialLambda;
    }

    @Override
    public String name() {
        return "elk";
    }

    @Override
    JacobianKind jacobianKind() {
        return JacobianKind.DENSE;
    }

    /** The linearised trajectory, the damping λ and the block elimination's gains and solver. */
    public static final class State extends LinearisedState {
        final double[] gain;
        final Blocks blocks;
        double lambda;

        State(Recurrence p, double[] x0, int chunks, double lambda) {
            super(p, x0, chunks, JacobianKind.DENSE);
            int d = p.stateDimension();
            gain = new double[p.dimension() * d];
            blocks = new Blocks(d);
            this.lambda = lambda;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("lambda", lambda);
        }
    }

    @Override
    public long stateDoubles(int length, int d, int cellWorkspace) {
        long dd = (long) d * d;
        return super.stateDoubles(length, d, cellWorkspace) + length * dd + 4 * dd + 3L * d; // the gains, one block's matrices and Cholesky
    }

    @Override
    State newState(Recurrence p, double[] x0) {
        return new State(p, x0, executor.threads(), initialLambda);
    }

    @Override
    public State step(Recurrence p, State s) {
        int k = s.exact;
        int d = s.d;
        int n = s.length;
        double lambda = s.lambda;
        solveDamped(s, k, lambda);
        s.depth += 2L * (n - k);
        long dd = (long) d * d;
        s.work += (n - k) * (4 * dd * d + dd * d / 3 + 2 * dd * (d + 1) + 6 * dd);
        double before = s.value;
        advance(p, s, k);
        s.lambda = s.value < before ? Math.max(lambda / 3, 1e-12) : Math.min(lambda * 10, 1e12);
        return s;
    }

    /** Δ on [k, T) into s.delta, by block elimination of the damped normal equations. */
    private static void solveDamped(State s, int k, double lambda) {
        int d = s.d;
        int n = s.length;
        int dd = d * d;
        Blocks b = s.blocks;
        double[] a = s.jac;
        double[] g = s.gain;
        double[] z = s.delta;
        double[] h = s.x;
        double[] fx = s.fx;
        double[] sm = b.s.data;
        double[] rhs = b.rhs.data;
        double[] x = b.x.data;
        int cols = d + 1;
        for (int i = k; i < n; i++) {
            boolean next = i + 1 < n;
            int an = (i + 1) * dd;
            // S = (1+λ)I + A_{i+1}ᵀA_{i+1} + A_i G_{i−1}
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    double v = r == c ? 1 + lambda : 0;
                    if (next) {
                        for (int q = 0; q < d; q++) {
                            v += a[an + q * d + r] * a[an + q * d + c];
                        }
                    }
                    if (i > k) {
                        for (int q = 0; q < d; q++) {
                            v += a[i * dd + r * d + q] * g[(i - 1) * dd + q * d + c];
                        }
                    }
                    sm[r * d + c] = v;
                }
            }
            // right-hand sides: [−A_{i+1}ᵀ | y], y = −r_i + A_{i+1}ᵀ r_{i+1} + A_i z_{i−1}
            for (int r = 0; r < d; r++) {
                double y = fx[i * d + r] - h[i * d + r];
                for (int q = 0; q < d; q++) {
                    if (next) {
                        double aqr = a[an + q * d + r];
                        rhs[r * cols + q] = -aqr;
                        y += aqr * (h[(i + 1) * d + q] - fx[(i + 1) * d + q]);
                    } else {
                        rhs[r * cols + q] = 0;
                    }
                    if (i > k) {
                        y += a[i * dd + r * d + q] * z[(i - 1) * d + q];
                    }
                }
                rhs[r * cols + d] = y;
            }
            if (!b.solver.setA(b.s)) {
                throw new IllegalStateException("damped normal equations are not positive definite at step " + (i + 1));
            }
            b.solver.solve(b.rhs, b.x);
            for (int r = 0; r < d; r++) {
                System.arraycopy(x, r * cols, g, i * dd + r * d, d);
                z[i * d + r] = x[r * cols + d];
            }
        }
        // back substitution: Δ_i = z_i − G_i Δ_{i+1}
        for (int i = n - 2; i >= k; i--) {
            for (int r = 0; r < d; r++) {
                double v = z[i * d + r];
                for (int c = 0; c < d; c++) {
                    v -= g[i * dd + r * d + c] * z[(i + 1) * d + c];
                }
                z[i * d + r] = v;
            }
        }
    }

    /** EJML matrices and the Cholesky solver of one D×D block, allocated once per solve. */
    static final class Blocks {
        final DMatrixRMaj s;
        final DMatrixRMaj rhs;
        final DMatrixRMaj x;
        final LinearSolverDense<DMatrixRMaj> solver;

        Blocks(int d) {
            s = new DMatrixRMaj(d, d);
            rhs = new DMatrixRMaj(d, d + 1);
            x = new DMatrixRMaj(d, d + 1);
            solver = LinearSolverFactory_DDRM.chol(d);
        }
    }
}
