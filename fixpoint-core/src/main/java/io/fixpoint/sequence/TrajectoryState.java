package io.fixpoint.sequence;

import io.fixpoint.parallel.AffineScan;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole-trajectory iterate and the workspaces of the solver that owns it. {@code h} is the current
 * trajectory and {@code fx[i] = f(h[i−1], u_i)} is kept in step with it, so the residual h − f(h₋)
 * and the exact prefix are known without extra evaluations. Indices are 0-based: state i is h_{i+1}.
 */
public final class TrajectoryState implements IterationState {
    final int length;
    final int d;
    double[] h;
    double[] fx;
    /** A candidate trajectory and its f-values (Newton-type solvers). */
    double[] hAlt;
    double[] fxAlt;
    /** Jacobians A_i = ∂f/∂h at h[i−1]: D×D each, or D for the diagonal approximation. */
    double[] jac;
    /** Jacobians at the candidate, when a rejected candidate must leave the current ones intact. */
    double[] jacAlt;
    /** The right-hand side and solution of the linear recurrence of a Newton step. */
    double[] delta;
    /** The parallel scan and its workspaces (Newton-type solvers). */
    AffineScan scan;
    /** Elimination gains and block solver (ELK). */
    double[] gain;
    Elk.Blocks blocks;
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
    double residual;
    double squares;
    double stepNorm = Double.NaN;
    long depth;
    long work;
    int rejected;
    double lambda;
    Verdict verdict;

    TrajectoryState(Recurrence p, double[] x0, int chunks, int extraWork) {
        this.length = p.length();
        this.d = p.stateDimension();
        this.h = x0;
        this.fx = new double[x0.length];
        this.scratch = new double[chunks][p.cell().workspaceSize() + extraWork];
        this.chunkMax = new double[chunks];
        this.chunkSquares = new double[chunks];
        this.chunkFirstMismatch = new int[chunks];
        this.chunkFirstBad = new int[chunks];
    }

    @Override
    public double[] x() {
        return h;
    }

    /** ½ Σ_t ‖h_t − f(h_{t−1}, u_t)‖². */
    @Override
    public double value() {
        return 0.5 * squares;
    }

    /** max_t ‖h_t − f(h_{t−1}, u_t)‖∞. */
    @Override
    public double optimality() {
        return residual;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
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
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", depth);
        m.put("work", work);
        m.put("exactPrefix", exact);
        m.put("rejectedSteps", rejected);
        if (lambda > 0) {
            m.put("lambda", lambda);
        }
        return m;
    }
}
