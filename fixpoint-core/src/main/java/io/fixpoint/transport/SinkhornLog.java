package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;

/**
 * Sinkhorn's iteration in the log domain (POT's {@code sinkhorn_log}): alternately fit the rows and the
 * columns of P_ij = exp((f_i + g_j − M_ij)/ε) to their marginals, f ← f + ε(log a − log P1),
 * g ← g + ε(log b − log Pᵀ1), each log-sum-exp taken with its largest term factored out, so nothing over- or
 * underflows at any ε. Two passes per iteration; after each the columns are exact and the row error is the
 * certificate.
 */
public record SinkhornLog() implements Solver<TransportProblem, TransportState> {

    @Override
    public String name() {
        return "sinkhorn-log";
    }

    @Override
    public TransportState init(TransportProblem p, double[] x0) {
        TransportState s = new TransportState(p, x0);
        s.fitColumnsThenMeasureRows(p, s.eps);
        s.error = s.rowError();
        return s;
    }

    @Override
    public TransportState step(TransportProblem p, TransportState s) {
        double change = s.fitRows(s.eps) + s.fitColumnsThenMeasureRows(p, s.eps);
        s.stepNorm = Math.sqrt(change);
        s.error = s.rowError();
        return s;
    }
}
