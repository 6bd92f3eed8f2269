package io.fixpoint.sequence;

import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.SolverState;

/**
 * A whole-trajectory iterate: {@code x} is the trajectory (h_1, ..., h_T) and
 * {@code fx[i] = f(h[i−1], u_i)} is kept in step with it, so the residual h − f(h₋) and the exact
 * prefix are known without extra evaluations. Indices are 0-based: state i is h_{i+1}. The value is
 * ½ Σ_t ‖h_t − f(h_{t−1}, u_t)‖² and the optimality max_t ‖h_t − f(h_{t−1}, u_t)‖∞. The sweeps
 * (sequential, Jacobi, Gauss–Seidel) need nothing more; the linearised solvers extend it.
 */
public class TrajectoryState extends SolverState {
    final int length;
    final int d;
    double[] fx;
    /** One cell workspace per chunk, with room for a dense Jacobian when only its diagonal is kept. */
    final double[][] scratch;
    final double[] chunkMax;
    final double[] chunkSquares;
    final int[] chunkFirstMismatch;
    final int[] chunkFirstBad;

    /** Number of leading states equal, bit for bit, to the sequential ones. */
    int exact;
    /** Index of the first state whose residual is non-finite or overflowing (length if none). */
    int firstBad;
    long depth;
    long work;

    TrajectoryState(Recurrence p, double[] x0, int chunks, int extraWork) {
        super(x0);
        this.length = p.length();
        this.d = p.stateDimension();
        this.fx = new double[x0.length];
        this.scratch = new double[chunks][p.cell().workspaceSize() + extraWork];
        this.chunkMax = new double[chunks];
        this.chunkSquares = new double[chunks];
        this.chunkFirstMismatch = new int[chunks];
        this.chunkFirstBad = new int[chunks];
    }

    /** Sequential steps on the critical path so far (one cell evaluation or one scan element each). */
    public long depth() {
        return depth;
    }

    /** Floating-point operations so far, counted per operation. */
    public long work() {
        return work;
    }

    /** Leading states already equal to the sequential trajectory. */
    public int exactPrefix() {
        return exact;
    }

    @Override
    protected void describe(Details details) {
        details.put("depth", depth).put("work", work).put("exactPrefix", exact);
    }
}
