package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * Greenkhorn (Altschuler, Weed and Rigollet 2017; POT's {@code greenkhorn}): instead of fitting every row
 * and then every column, fit only the one row or column whose marginal is furthest off (largest |r_i − a_i|
 * or |c_j − b_j|, POT's rule), updating the other marginal incrementally. One iteration here is n + m such
 * updates — the work of one Sinkhorn iteration — followed by one pass that recomputes the plan and both
 * marginals exactly from the potentials, so the certificate carries no accumulated rounding.
 *
 * <p>The start is one log-domain Sinkhorn iteration, so no row starts empty at small ε; should a row or
 * column of the plan still vanish, the solve ends NON_FINITE naming the log-domain methods.
 */
public record Greenkhorn() implements Solver<TransportProblem, Greenkhorn.State> {

    @Override
    public String name() {
        return "greenkhorn";
    }

    /** The plan itself and its marginals, updated in place. */
    public static final class State extends TransportState {
        final double[] plan;
        final double[] r;
        final double[] c;
        final double[] b;

        State(TransportProblem p, double[] x0) {
            super(p, x0);
            plan = new double[n * m];
            r = new double[n];
            c = new double[m];
            b = p.targetWeights();
        }
    }

    @Override
    public State init(TransportProblem p, double[] x0) {
        State s = new State(p, x0);
        s.fitColumnsThenMeasureRows(p, s.eps);
        s.fitRows(s.eps);
        refresh(p, s);
        return s;
    }

    @Override
    public State step(TransportProblem p, State s) {
        int n = s.n;
        int m = s.m;
        double change = 0;
        for (int k = 0; k < n + m; k++) {
            int i = argmaxViolation(s.r, s.a);
            int j = argmaxViolation(s.c, s.b);
            double rowViolation = Math.abs(s.r[i] - s.a[i]);
            double colViolation = Math.abs(s.c[j] - s.b[j]);
            if (rowViolation == 0 && colViolation == 0) {
                break;
            }
            boolean row = rowViolation > colViolation;
            double have = row ? s.r[i] : s.c[j];
            double factor = (row ? s.a[i] : s.b[j]) / have;
            if (!(have > 0 && factor < Double.POSITIVE_INFINITY)) {
                s.verdict = empty(p, s, row ? "row " + i : "column " + j);
                return s;
            }
            if (row) {
                scale(s.plan, i * m, 1, m, factor, s.c);
                s.r[i] = s.a[i];
            } else {
                scale(s.plan, j, m, n, factor, s.r);
                s.c[j] = s.b[j];
            }
            double d = s.eps * Math.log(factor);
            s.x[row ? i : n + j] += d;
            change += d * d;
        }
        s.stepNorm = Math.sqrt(change);
        refresh(p, s);
        return s;
    }

    /** Multiplies the line of the plan at first, first + stride, … by factor, moving the other marginal with it. */
    private static void scale(double[] plan, int first, int stride, int count, double factor, double[] otherSums) {
        for (int t = 0; t < count; t++) {
            double old = plan[first + t * stride];
            plan[first + t * stride] = old * factor;
            otherSums[t] += old * (factor - 1);
        }
    }

    /** The plan and marginals recomputed exactly from the potentials: one pass. */
    private static void refresh(TransportProblem p, State s) {
        p.marginals(s.x, s.eps, s.plan, s.r, s.c);
        s.error = p.marginalError(s.r, s.c);
    }

    private static int argmaxViolation(double[] sums, double[] target) {
        int arg = 0;
        double worst = -1;
        for (int i = 0; i < sums.length; i++) {
            double v = Math.abs(sums[i] - target[i]);
            if (v > worst) {
                worst = v;
                arg = i;
            }
        }
        return arg;
    }

    private static Verdict empty(TransportProblem p, State s, String line) {
        refresh(p, s);
        return new Verdict(Status.NON_FINITE, line + " of the plan underflowed to zero at ε = " + s.eps
                + ", so it cannot be scaled to its marginal: use sinkhorn-log, sinkhorn-eps-scaling or sns");
    }
}
