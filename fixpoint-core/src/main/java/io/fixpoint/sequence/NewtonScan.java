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
 * the current largest one (see {@link TrajectorySolver#trimCandidate}), so a step that overflows
 * far from the solution still advances.
 */
abstract class NewtonScan extends TrajectorySolver {
    private final boolean diagonal;

    NewtonScan(ParallelExecutor executor, boolean diagonal) {
        super(executor);
        this.diagonal = diagonal;
    }

    @Override
    int jacobianKind() {
        return diagonal ? 2 : 1;
    }

    @Override
    void prepare(Recurrence p, TrajectoryState s) {
        int n = p.dimension();
        int d = p.stateDimension();
        s.jac = new double[diagonal ? n : n * d];
        s.jacAlt = new double[diagonal ? n : n * d];
        s.delta = new double[n];
        s.hAlt = new double[n];
        s.fxAlt = new double[n];
        s.scan = new AffineScan(d, diagonal, executor);
    }

    @Override
    public TrajectoryState step(Recurrence p, TrajectoryState s) {
        int k = s.exact;
        int d = s.d;
        int n = s.length;
        for (int r = k * d; r < n * d; r++) {
            s.delta[r] = s.fx[r] - s.h[r];
        }
        AffineScan scan = s.scan;
        scan.solve(s.jac, s.delta, null, 0, s.delta, k, n);
        s.depth += scan.depth(n - k);
        s.work += scan.flops(n - k) + 2L * (n - k) * d;
        double[] h = s.h;
        double[] cand = s.hAlt;
        System.arraycopy(h, 0, cand, 0, k * d);
        System.arraycopy(s.fx, k * d, cand, k * d, d);
        for (int r = (k + 1) * d; r < n * d; r++) {
            cand[r] = h[r] + s.delta[r];
        }
        System.arraycopy(s.fx, 0, s.fxAlt, 0, (k + 1) * d);
        evaluate(p, s, cand, s.fxAlt, s.jacAlt, k + 1, n);
        s.stepNorm = maxDifference(cand, h, d, k, n);
        trimCandidate(s, k);
        swap(s);
        return s;
    }
}
