package io.fixpoint.sequence;

import io.fixpoint.parallel.AffineScan;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;

/**
 * Newton's method on the residual r_t = h_t − f(h_{t−1}, u_t) over the whole trajectory (DEER,
 * Lim et al. 2024; ParaRNN, Danieli et al. 2025). Linearising f about the current trajectory gives
 * the step Δ as an affine recurrence Δ_t = A_t Δ_{t−1} + (f(h_{t−1}, u_t) − h_t) with A_t = ∂f/∂h at
 * h_{t−1}, which {@link AffineScan} solves in parallel. With dense A_t this is DEER; with the
 * diagonal of A_t it is quasi-DEER (Gonzalez et al. 2024), cheaper per step but converging more slowly.
 * Converged leading states are skipped, and the first inexact state is set to its exact f-value, so
 * at most T iterations are needed. A step is kept up to its first state whose residual grows past
 * the current largest one (see {@link LinearisedSolver}), so a step that overflows
 * far from the solution still advances.
 */
abstract class NewtonScan extends LinearisedSolver<NewtonScan.State> {
    private final boolean diagonal;

    NewtonScan(ParallelExecutor executor, boolean diagonal) {
        super(executor);
        this.diagonal = diagonal;
    }

    @Override
    JacobianKind jacobianKind() {
        return diagonal ? JacobianKind.DIAGONAL : JacobianKind.DENSE;
    }

    /** The linearised trajectory and the parallel scan that solves for Δ. */
    public static final class State extends LinearisedState {
        final AffineScan scan;

        State(Recurrence p, double[] x0, ParallelExecutor executor, JacobianKind kind) {
            super(p, x0, executor.threads(), kind);
            scan = new AffineScan(p.stateDimension(), kind == JacobianKind.DIAGONAL, executor);
        }
    }

    @Override
    public long stateDoubles(int length, int d, int cellWorkspace) {
        return super.stateDoubles(length, d, cellWorkspace) + AffineScan.workspaceDoubles(d, diagonal, executor.threads());
    }

    @Override
    State newState(Recurrence p, double[] x0) {
        return new State(p, x0, executor, jacobianKind());
    }

    @Override
    public State step(Recurrence p, State s) {
        int k = s.exact;
        int d = s.d;
        int n = s.length;
        for (int r = k * d; r < n * d; r++) {
            s.delta[r] = s.fx[r] - s.x[r];
        }
        AffineScan scan = s.scan;
        scan.solve(s.jac, s.delta, null, 0, s.delta, k, n);
        s.depth += scan.depth(n - k);
        s.work += scan.flops(n - k) + 2L * (n - k) * d;
        advance(p, s, k);
        return s;
    }
}
