package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;
import java.util.Map;

/**
 * Anchored value iteration, Anc-VI (Lee and Ryu, Accelerating Value Iteration with Anchoring, NeurIPS 2023):
 * v_k = β_k·v_0 + (1 − β_k)·T v_{k−1} with β_k = 1/Σ_{i=0}^{k} γ^{−2i} = (1 − γ²)γ^{2k}/(1 − γ^{2k+2}), a
 * Halpern iteration pulled towards the start. Its Bellman error obeys (their Theorems 1 and 2)
 * ‖T v_k − v_k‖∞ ≤ (γ⁻¹ − γ)(1 + 2γ − γ^{k+1}) / (γ^{−(k+1)} − γ^{k+1}) · ‖v_0 − v*‖∞, which tends to
 * 2‖v_0 − v*‖∞/(k + 1) as γ → 1, where plain value iteration guarantees only γᵏ·(1 + γ)‖v_0 − v*‖∞. One
 * Bellman sweep per iteration. Discounted only.
 */
public record AnchoredValueIteration() implements Solver<MarkovDecisionProcess, AnchoredValueIteration.State> {

    @Override
    public String name() {
        return "anchored-vi";
    }

    /** The anchor v_0 and the iteration count. */
    public static final class State extends MdpState {
        final double[] anchor;
        final double[] next;
        int k;

        State(MarkovDecisionProcess p, double[] x0) {
            super(p, x0);
            anchor = x0.clone();
            next = new double[states];
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("anchorWeight", beta(gamma, k));
            return d;
        }
    }

    /** β_k = (1 − γ²)γ^{2k}/(1 − γ^{2k+2}), in a form that neither overflows nor cancels. */
    static double beta(double gamma, int k) {
        if (k == 0) {
            return 1;
        }
        return (1 - gamma) * (1 + gamma) * Math.pow(gamma, 2.0 * k) / -Math.expm1(2.0 * (k + 1) * Math.log(gamma));
    }

    @Override
    public State init(MarkovDecisionProcess p, double[] x0) {
        MdpState.requireDiscounted(p, "anchored value iteration");
        State s = new State(p, x0);
        s.certify(p);
        return s;
    }

    @Override
    public State step(MarkovDecisionProcess p, State s) {
        s.k++;
        double b = beta(s.gamma, s.k);
        for (int i = 0; i < s.states; i++) {
            s.next[i] = b * s.anchor[i] + (1 - b) * s.tv[i];
        }
        s.moveTo(s.next);
        s.certify(p);
        return s;
    }
}
