package io.fixpoint.mdp;

import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;
import java.util.Map;

/**
 * Anderson-accelerated value iteration (Geist and Scherrer 2018): {@link Anderson} (type II, memory m, with its
 * residual-decrease safeguard) applied to the Bellman operator written as a map ({@link BellmanMap}). The
 * certificate ‖T v − v‖∞ is read off the accelerator's residual. Discounted only.
 *
 * @param anderson the accelerator (its watch for a missing fixed point is moot: a discounted T has one)
 */
public record AndersonValueIteration(Anderson anderson) implements Solver<MarkovDecisionProcess, AndersonValueIteration.State> {

    public AndersonValueIteration {
        java.util.Objects.requireNonNull(anderson, "anderson");
    }

    /** Anderson with memory 5, no damping, without the watch for a missing fixed point. */
    public AndersonValueIteration() {
        this(new Anderson().withoutDetection());
    }

    @Override
    public String name() {
        return "anderson-vi";
    }

    /** The accelerator's state and the map it runs. */
    public static final class State extends MdpState {
        final BellmanMap map;
        Anderson.State inner;

        State(MarkovDecisionProcess p, double[] x0) {
            super(p, x0);
            map = new BellmanMap(p);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("safeguardRejections", inner.details().get("safeguardRejections"));
            return d;
        }
    }

    @Override
    public State init(MarkovDecisionProcess p, double[] x0) {
        MdpState.requireDiscounted(p, "Anderson-accelerated value iteration");
        State s = new State(p, x0);
        s.inner = anderson.init(s.map, x0.clone());
        sync(s);
        return s;
    }

    @Override
    public State step(MarkovDecisionProcess p, State s) {
        s.inner = anderson.step(s.map, s.inner);
        sync(s);
        return s;
    }

    private static void sync(State s) {
        double[] v = s.inner.x();
        double[] r = s.inner.residual();
        double worst = 0;
        for (int i = 0; i < s.states; i++) {
            s.tv[i] = v[i] - r[i];
            worst = Math.max(worst, Math.abs(r[i]));
        }
        s.map.policy(v, s.policy, s.tv);
        System.arraycopy(v, 0, s.v, 0, s.states);
        s.residual = worst;
        s.stepNorm = s.inner.stepNorm();
        s.verdict = s.inner.verdict();
    }
}
