package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import java.util.Map;

/**
 * Log-domain Sinkhorn with ε-scaling (Schmitzer 2019, §3.2; POT's {@code sinkhorn_epsilon_scaling}): start at
 * ε₀ = max(ε, max|M|), where the plan is nearly a product and Sinkhorn converges in a few iterations, and
 * multiply the regularisation by {@code decay} whenever the marginal error at the current stage falls below
 * {@code stageTolerance} (or after {@code stageIterations}), warm-starting each stage from the last
 * potentials, until ε is reached. The certificate is always the marginal error at the target ε: in the
 * earlier stages it costs one more pass per iteration.
 *
 * @param decay           factor in (0, 1) applied to the regularisation between stages
 * @param stageTolerance  stage marginal error at which the next stage starts (&gt; 0)
 * @param stageIterations most iterations spent in a stage before the target (≥ 1)
 */
public record EpsilonScaling(double decay, double stageTolerance, int stageIterations)
        implements Solver<TransportProblem, EpsilonScaling.State> {

    public EpsilonScaling {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must lie in (0, 1), got " + decay);
        }
        if (!(stageTolerance > 0) || Double.isInfinite(stageTolerance)) {
            throw new IllegalArgumentException("stageTolerance must be finite and > 0, got " + stageTolerance);
        }
        if (stageIterations < 1) {
            throw new IllegalArgumentException("stageIterations must be ≥ 1, got " + stageIterations);
        }
    }

    /** Halve ε per stage; next stage at 10⁻³ marginal error or after 100 iterations. */
    public EpsilonScaling() {
        this(0.5, 1e-3, 100);
    }

    @Override
    public String name() {
        return "sinkhorn-eps-scaling";
    }

    /** The current stage and the sums for the certificate at the target ε. */
    public static final class State extends TransportState {
        double stageEps;
        double fittedEps;
        int stage;
        int inStage;
        final double[] rowSums;
        final double[] columnSums;

        State(TransportProblem p, double[] x0) {
            super(p, x0);
            rowSums = new double[n];
            columnSums = new double[m];
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("stages", stage + 1);
            d.put("finalRegularization", stageEps);
            return d;
        }
    }

    @Override
    public State init(TransportProblem p, double[] x0) {
        State s = new State(p, x0);
        s.stageEps = Math.max(s.eps, p.costScale());
        s.fittedEps = s.stageEps;
        s.fitColumnsThenMeasureRows(p, s.stageEps);
        measure(p, s);
        return s;
    }

    @Override
    public State step(TransportProblem p, State s) {
        double change = s.fitRows(s.stageEps) + s.fitColumnsThenMeasureRows(p, s.stageEps);
        s.fittedEps = s.stageEps;
        s.stepNorm = Math.sqrt(change);
        s.inStage++;
        if (s.stageEps > s.eps && (s.rowError() <= stageTolerance || s.inStage >= stageIterations)) {
            s.stageEps = Math.max(s.eps, s.stageEps * decay);
            s.stage++;
            s.inStage = 0;
            p.logRowSums(s.x, s.stageEps, s.rowLog);
        }
        measure(p, s);
        return s;
    }

    /** The marginal error at the target ε: free when the columns were fitted at ε, one pass otherwise. */
    private static void measure(TransportProblem p, State s) {
        if (s.fittedEps == s.eps) {
            s.error = s.rowError();
        } else {
            p.marginals(s.x, s.eps, null, s.rowSums, s.columnSums);
            s.error = p.marginalError(s.rowSums, s.columnSums);
        }
    }
}
