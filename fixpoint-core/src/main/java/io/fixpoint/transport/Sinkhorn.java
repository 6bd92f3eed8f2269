package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;

/**
 * Sinkhorn's matrix scaling (Cuturi 2013; POT's {@code sinkhorn_knopp}): with K = e^{−M/ε}, alternately
 * u ← a ./ (K v) and v ← b ./ (Kᵀ u), two kernel products per iteration and no exponential. The plan is
 * diag(u)·K·diag(v); the dual pair reported is (ε log u, ε log v).
 *
 * <p>Honest at small ε: the kernel's entries below the smallest normal double are zero here, so once the
 * scalings grow large enough that those entries could carry mass (their bound exceeds 10⁻¹⁵ of the mass),
 * or a product K v or Kᵀ u has a zero entry, or a scaling overflows, the solve ends NON_FINITE at the last
 * finite iterate and names the log-domain methods, which work at any ε.
 */
public record Sinkhorn() implements Solver<TransportProblem, Sinkhorn.State> {
    private static final double DROPPED_MASS = 1e-15;

    @Override
    public String name() {
        return "sinkhorn";
    }

    /** The scalings, their kernel products and what the kernel lost to underflow. */
    public static final class State extends TransportState {
        final double[] u;
        final double[] v;
        final double[] kv;
        final double[] ktu;
        final double[] b;
        int underflows;

        State(TransportProblem p, double[] x0) {
            super(p, x0);
            u = new double[n];
            v = new double[m];
            kv = new double[n];
            ktu = new double[m];
            b = p.targetWeights();
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("kernelUnderflows", underflows);
            return d;
        }
    }

    @Override
    public State init(TransportProblem p, double[] x0) {
        State s = new State(p, x0);
        s.underflows = p.kernelUnderflows();
        for (int i = 0; i < s.n; i++) {
            s.u[i] = Math.exp(x0[i] / s.eps);
        }
        fitColumns(p, s);
        return s;
    }

    @Override
    public State step(TransportProblem p, State s) {
        for (int i = 0; i < s.n; i++) {
            s.u[i] = s.a[i] / s.kv[i];
        }
        fitColumns(p, s);
        return s;
    }

    /** v ← b ./ (Kᵀu), then K v for the row error and the next u; the potentials follow unless a scaling broke. */
    private static void fitColumns(TransportProblem p, State s) {
        p.kernelTransposeTimes(s.u, s.ktu);
        for (int j = 0; j < s.m; j++) {
            s.v[j] = s.b[j] / s.ktu[j];
        }
        p.kernelTimes(s.v, s.kv);
        double maxU = 0;
        double maxV = 0;
        for (int i = 0; i < s.n; i++) {
            if (!(s.u[i] > 0 && s.u[i] < Double.POSITIVE_INFINITY && s.kv[i] > 0)) {
                s.verdict = broken(p, s, "u or K·v at source " + i + " is " + s.u[i] + ", " + s.kv[i]);
                return;
            }
            maxU = Math.max(maxU, s.u[i]);
        }
        for (int j = 0; j < s.m; j++) {
            if (!(s.v[j] > 0 && s.v[j] < Double.POSITIVE_INFINITY)) {
                s.verdict = broken(p, s, "v at target " + j + " is " + s.v[j]);
                return;
            }
            maxV = Math.max(maxV, s.v[j]);
        }
        double dropped = s.underflows * maxU * maxV * Double.MIN_NORMAL;
        if (dropped > DROPPED_MASS * s.mass) {
            s.verdict = broken(p, s, s.underflows + " kernel entries underflowed to zero and may carry mass up to " + (float) dropped);
            return;
        }
        double change = 0;
        double e = 0;
        for (int i = 0; i < s.n; i++) {
            double f = s.eps * Math.log(s.u[i]);
            change += (f - s.x[i]) * (f - s.x[i]);
            s.x[i] = f;
            e += Math.abs(s.u[i] * s.kv[i] - s.a[i]);
        }
        for (int j = 0; j < s.m; j++) {
            double g = s.eps * Math.log(s.v[j]);
            change += (g - s.x[s.n + j]) * (g - s.x[s.n + j]);
            s.x[s.n + j] = g;
        }
        s.stepNorm = Math.sqrt(change);
        s.error = e / s.mass;
    }

    /** The verdict; the certificate stays that of the last finite potentials (at the start, x₀'s, one pass). */
    private static Verdict broken(TransportProblem p, State s, String what) {
        if (Double.isNaN(s.error)) {
            s.error = p.marginalError(s.x);
        }
        return new Verdict(Status.NON_FINITE, "the scaling iteration broke down at ε = " + s.eps + " (" + what
                + "); the kernel e^(−M/ε) is not representable in double precision here: use sinkhorn-log, sinkhorn-eps-scaling or sns");
    }
}
