package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Solver;

/**
 * A solver over a whole trajectory: the unknown is (h_1, ..., h_T) and the optimality measure is the
 * largest residual max_t ‖h_t − f(h_{t−1}, u_t)‖∞. Every solver here keeps the exactness guarantee
 * of Song et al. (2021): after k iterations at least the first k states equal the sequential ones
 * bit for bit, because the first state whose residual is non-zero is set to its f-value, which is
 * exact. So no solve takes more than T iterations, and a solve ending with residual 0 is the
 * sequential trajectory itself.
 */
public abstract class TrajectorySolver<S extends TrajectoryState> implements Solver<Recurrence, S> {
    /** A residual beyond this is taken as overflow: its square would swamp ½‖r‖², and an iterate like it is no guess. */
    static final double OVERFLOW = 1e100;
    final ParallelExecutor executor;

    TrajectorySolver(ParallelExecutor executor) {
        this.executor = executor;
    }

    public ParallelExecutor executor() {
        return executor;
    }

    /** Which Jacobians ∂f/∂h the solver evaluates along with f. */
    enum JacobianKind {
        NONE, DENSE, DIAGONAL
    }

    JacobianKind jacobianKind() {
        return JacobianKind.NONE;
    }

    /**
     * The doubles the state of this solver allocates for a trajectory of {@code length} states of
     * dimension {@code d} with a cell whose step needs {@code cellWorkspace}, beside the guess it takes
     * over: what a caller checks against the heap before it builds anything. Each state that adds
     * workspaces adds them here too.
     */
    public long stateDoubles(int length, int d, int cellWorkspace) {
        long chunks = executor.threads();
        return (long) length * d + chunks * cellWorkspace + 4 * chunks; // fx, the scratch and the residual statistics per chunk
    }

    /** The solver's state at the guess {@code x0}, nothing evaluated yet. */
    abstract S newState(Recurrence p, double[] x0);

    @Override
    public S init(Recurrence p, double[] x0) {
        return start(p, newState(p, x0), null);
    }

    /** Evaluates f (and the Jacobians into {@code jac}, when this solver uses them) along the whole guess and measures its residual. */
    final S start(Recurrence p, S s, double[] jac) {
        evaluate(p, s, s.x, s.fx, jac, 0, p.length());
        measure(s, s.x, s.fx, 0);
        return s;
    }

    /**
     * fx[i] = f(h[i−1], u_i) for i in [from, to), and the Jacobians into {@code jac} when this solver uses them,
     * in parallel chunks; counts, depth and work are recorded.
     */
    final void evaluate(Recurrence p, TrajectoryState s, double[] h, double[] fx, double[] jac, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int d = s.d;
        JacobianKind kind = jacobianKind();
        boolean cellDiagonal = p.cell().diagonalJacobian();
        int cellWork = p.cell().workspaceSize();
        int chunks = executor.chunks(n);
        executor.forEachChunk(chunks, c -> {
            int lo = from + ParallelExecutor.chunkStart(n, chunks, c);
            int hi = from + ParallelExecutor.chunkStart(n, chunks, c + 1);
            double[] w = s.scratch[c];
            for (int i = lo; i < hi; i++) {
                p.step(i + 1, h, fx, i * d, w);
                if (kind == JacobianKind.DENSE) {
                    if (cellDiagonal) {
                        // a diagonal Jacobian stored densely so the dense scan can use it
                        p.jacobian(i + 1, h, w, cellWork, w);
                        int o = i * d * d;
                        java.util.Arrays.fill(jac, o, o + d * d, 0);
                        for (int r = 0; r < d; r++) {
                            jac[o + r * d + r] = w[cellWork + r];
                        }
                    } else {
                        p.jacobian(i + 1, h, jac, i * d * d, w);
                    }
                } else if (kind == JacobianKind.DIAGONAL) {
                    if (cellDiagonal) {
                        p.jacobian(i + 1, h, jac, i * d, w);
                    } else {
                        p.jacobian(i + 1, h, w, cellWork, w);
                        for (int r = 0; r < d; r++) {
                            jac[i * d + r] = w[cellWork + r * d + r];
                        }
                    }
                }
            }
        });
        p.countSteps(n);
        s.work += n * p.cell().stepFlops();
        if (kind != JacobianKind.NONE) {
            p.countJacobians(n);
            s.work += n * p.cell().jacobianFlops();
        }
        s.depth += (n + chunks - 1) / chunks;
    }

    /**
     * Residual statistics over [from, T) — states before {@code from} must already have zero
     * residual: max and sum of squares of h − fx, the first index where they differ (the end of the
     * exact prefix) and the first index whose residual is non-finite or beyond {@link #OVERFLOW}.
     */
    final void measure(TrajectoryState s, double[] h, double[] fx, int from) {
        measure(s, h, fx, from, OVERFLOW);
    }

    /** As {@link #measure(TrajectoryState, double[], double[], int)}, with residuals beyond {@code limit} marked bad too. */
    final void measure(TrajectoryState s, double[] h, double[] fx, int from, double limit) {
        int n = s.length - from;
        int d = s.d;
        int chunks = executor.chunks(Math.max(n, 1));
        executor.forEachChunk(chunks, c -> {
            int lo = from + ParallelExecutor.chunkStart(n, chunks, c);
            int hi = from + ParallelExecutor.chunkStart(n, chunks, c + 1);
            double max = 0;
            double sq = 0;
            int mismatch = s.length;
            int bad = s.length;
            for (int i = lo; i < hi; i++) {
                for (int r = i * d; r < i * d + d; r++) {
                    double e = h[r] - fx[r];
                    if (!(Math.abs(e) <= limit)) {
                        bad = Math.min(bad, i);
                        if (!Double.isFinite(e)) {
                            e = Double.POSITIVE_INFINITY;
                        }
                    }
                    if (e != 0 && mismatch == s.length) {
                        mismatch = i;
                    }
                    max = Math.max(max, Math.abs(e));
                    sq += e * e;
                }
            }
            s.chunkMax[c] = max;
            s.chunkSquares[c] = sq;
            s.chunkFirstMismatch[c] = mismatch;
            s.chunkFirstBad[c] = bad;
        });
        double max = 0;
        double sq = 0;
        int mismatch = s.length;
        int bad = s.length;
        for (int c = 0; c < chunks; c++) {
            max = Math.max(max, s.chunkMax[c]);
            sq += s.chunkSquares[c];
            mismatch = Math.min(mismatch, s.chunkFirstMismatch[c]);
            bad = Math.min(bad, s.chunkFirstBad[c]);
        }
        s.optimality = max;
        s.value = 0.5 * sq;
        s.exact = n <= 0 ? s.length : mismatch;
        s.firstBad = bad;
    }

    /** Largest |a − b| over [from, to) states. */
    static double maxDifference(double[] a, double[] b, int d, int from, int to) {
        double m = 0;
        for (int r = from * d; r < to * d; r++) {
            m = Math.max(m, Math.abs(a[r] - b[r]));
        }
        return m;
    }
}
