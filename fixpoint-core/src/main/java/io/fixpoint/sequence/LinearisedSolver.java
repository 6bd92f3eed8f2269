package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Recurrence;

/**
 * The solvers that linearise f about the current trajectory (DEER, quasi-DEER, ELK): each step
 * solves a linear recurrence for a correction Δ, tries the candidate h + Δ with its first inexact
 * state set to its exact f-value, keeps it only as far as it is no worse than the current trajectory
 * ({@link #trimCandidate}), and makes it the iterate. They differ in the Jacobians they keep and in
 * how they solve for Δ.
 *
 * @param <S> the solver's state
 */
abstract class LinearisedSolver<S extends LinearisedSolver.LinearisedState> extends TrajectorySolver<S> {

    LinearisedSolver(ParallelExecutor executor) {
        super(executor);
    }

    /**
     * The trajectory with its Jacobians A_i = ∂f/∂h at h[i−1] (D×D each, or D for the diagonal
     * approximation), the correction Δ, and a candidate trajectory with its f-values and Jacobians,
     * kept apart so that a rejected candidate leaves the current ones intact.
     */
    abstract static class LinearisedState extends TrajectoryState {
        double[] jac;
        final double[] delta;
        double[] xAlt;
        double[] fxAlt;
        double[] jacAlt;
        int rejected;

        LinearisedState(Recurrence p, double[] x0, int chunks, JacobianKind kind) {
            super(p, x0, chunks, p.stateDimension() * p.stateDimension());
            int n = p.dimension();
            int perState = kind == JacobianKind.DIAGONAL ? 1 : p.stateDimension();
            if ((long) n * perState > Integer.MAX_VALUE - 8) {
                throw new InvalidProblemException("the Jacobians of " + p.length() + " steps of " + perState + " × " + p.stateDimension()
                        + " do not fit one array");
            }
            jac = new double[n * perState];
            jacAlt = new double[n * perState];
            delta = new double[n];
            xAlt = new double[n];
            fxAlt = new double[n];
        }

        /** Makes the candidate the iterate; the old iterate's arrays become the next candidate's. */
        void acceptCandidate() {
            double[] t = x;
            x = xAlt;
            xAlt = t;
            t = fx;
            fx = fxAlt;
            fxAlt = t;
            t = jac;
            jac = jacAlt;
            jacAlt = t;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("rejectedSteps", rejected);
        }
    }

    @Override
    public long stateDoubles(int length, int d, int cellWorkspace) {
        long n = (long) length * d;
        long perState = jacobianKind() == JacobianKind.DIAGONAL ? 1 : d;
        // the Jacobian rows of each chunk's scratch, the Jacobians and their candidates, Δ and the candidate's x and f(x)
        return super.stateDoubles(length, d, cellWorkspace) + (long) executor.threads() * d * d + 2 * n * perState + 3 * n;
    }

    @Override
    public S init(Recurrence p, double[] x0) {
        S s = newState(p, x0);
        return start(p, s, s.jac);
    }

    /**
     * Moves to h + Δ, Δ in {@code s.delta} on the states after the first inexact one k, which is set
     * to its f-value; evaluates f and the Jacobians there, keeps the candidate as far as it is no
     * worse (its value and optimality are then the iterate's) and accepts it.
     */
    final void advance(Recurrence p, S s, int k) {
        int d = s.d;
        int n = s.length;
        double[] h = s.x;
        double[] cand = s.xAlt;
        System.arraycopy(h, 0, cand, 0, k * d);
        System.arraycopy(s.fx, k * d, cand, k * d, d);
        for (int r = (k + 1) * d; r < n * d; r++) {
            cand[r] = h[r] + s.delta[r];
        }
        System.arraycopy(s.fx, 0, s.fxAlt, 0, (k + 1) * d);
        evaluate(p, s, cand, s.fxAlt, s.jacAlt, k + 1, n);
        s.stepNorm = maxDifference(cand, h, d, k, n);
        trimCandidate(s, k);
        s.acceptCandidate();
    }

    /**
     * Keeps the candidate in the Alt arrays only where it is no worse than the current iterate: up to
     * its first state whose residual exceeds the current largest residual (or is not finite); from
     * there on the current trajectory is kept. No evaluation is needed: f at the junction is the
     * candidate's own f-value, f after it the current one. A Newton step far from the solution
     * (a chaotic recurrence from a poor guess) can overflow; this keeps its good leading part, and
     * since the first inexact state is set exactly, at least one more state becomes exact.
     */
    private void trimCandidate(S s, int k) {
        double limit = Math.min(OVERFLOW, Math.max(s.optimality, Double.MIN_NORMAL));
        measure(s, s.xAlt, s.fxAlt, k, limit);
        int n = s.length;
        if (s.firstBad == n) {
            return;
        }
        int d = s.d;
        int m = s.firstBad;
        if (!(maxValue(s.fxAlt, m * d, (m + 1) * d) <= OVERFLOW)) { // f at the junction overflows: keep one state less
            m = Math.max(k + 1, m - 1);
        }
        s.rejected++;
        System.arraycopy(s.x, m * d, s.xAlt, m * d, (n - m) * d);
        if (m + 1 < n) {
            System.arraycopy(s.fx, (m + 1) * d, s.fxAlt, (m + 1) * d, (n - m - 1) * d);
            int per = s.jac.length / n;
            System.arraycopy(s.jac, (m + 1) * per, s.jacAlt, (m + 1) * per, (n - m - 1) * per);
        }
        measure(s, s.xAlt, s.fxAlt, k);
    }

    private static double maxValue(double[] a, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }
}
