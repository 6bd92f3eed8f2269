package io.fixpoint.transport;

import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import java.util.Map;

/**
 * Anderson-accelerated Sinkhorn: {@link Anderson} (type II, memory m) applied to the log-domain Sinkhorn
 * iteration written as a map on f ({@link SinkhornMap}). The certificate is the marginal error of the plan
 * of (f, g(f)), read off the map's residual: Σ_i a_i·|exp((f_i − T(f)_i)/ε) − 1| / Σa.
 *
 * @param anderson the accelerator (its watch for a missing fixed point is moot here: Sinkhorn's map has one)
 */
public record AndersonSinkhorn(Anderson anderson) implements Solver<TransportProblem, AndersonSinkhorn.State> {

    public AndersonSinkhorn {
        java.util.Objects.requireNonNull(anderson, "anderson");
    }

    /** Anderson with memory 5, no damping, without the watch for a missing fixed point. */
    public AndersonSinkhorn() {
        this(new Anderson().withoutDetection());
    }

    @Override
    public String name() {
        return "sinkhorn-anderson";
    }

    /** The accelerator's state on f and the map it runs. */
    public static final class State extends TransportState {
        final SinkhornMap map;
        final double[] scratch;
        Anderson.State inner;

        State(TransportProblem p, double[] x0) {
            super(p, x0);
            map = new SinkhornMap(p, this);
            scratch = new double[n];
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("safeguardRejections", inner.details().get("safeguardRejections"));
            return d;
        }
    }

    @Override
    public State init(TransportProblem p, double[] x0) {
        State s = new State(p, x0);
        s.inner = anderson.init(s.map, java.util.Arrays.copyOf(x0, s.n));
        sync(s);
        return s;
    }

    @Override
    public State step(TransportProblem p, State s) {
        s.inner = anderson.step(s.map, s.inner);
        sync(s);
        return s;
    }

    private static void sync(State s) {
        double[] f = s.inner.x();
        s.map.pair(f, s.x, s.scratch);
        double[] r = s.inner.residual();
        double e = 0;
        for (int i = 0; i < s.n; i++) {
            e += s.a[i] * Math.abs(Math.expm1(r[i] / s.eps));
        }
        s.error = e / s.mass;
        s.stepNorm = s.inner.stepNorm();
        s.verdict = s.inner.verdict();
    }
}
