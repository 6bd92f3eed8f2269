package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;

/**
 * Policy iteration (Howard 1960): take the policy greedy for the current values, keeping the current action
 * wherever it is among the best, and solve its linear equations exactly (sparse LU); under the average-reward
 * criterion the equations h + g = r_π + P_π h with h(0) = 0 (Puterman, Markov Decision Processes, §8.6), for
 * unichain policies. A policy that repeats is optimal; once its values are certified to rounding no later
 * iteration can do better, so the solve then ends STALLED unless the tolerance was met.
 */
public record PolicyIteration() implements Solver<MarkovDecisionProcess, PolicyIteration.State> {

    @Override
    public String name() {
        return "policy-iteration";
    }

    /** The policy being evaluated and the image of the values under the previous one. */
    public static final class State extends MdpState {
        final int[] current;
        final double[] kept;
        boolean started;
        int changes;

        State(MarkovDecisionProcess p, double[] x0) {
            super(p, x0);
            current = new int[states];
            kept = new double[states];
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("lastPolicyChanges", changes);
            return d;
        }
    }

    @Override
    public State init(MarkovDecisionProcess p, double[] x0) {
        State s = new State(p, x0);
        s.certify(p);
        return s;
    }

    @Override
    public State step(MarkovDecisionProcess p, State s) {
        s.changes = improve(p, s);
        if (s.started && s.changes == 0) {
            s.verdict = new Verdict(Status.STALLED, "the policy repeats, so it is optimal; its values are exact up to rounding, "
                    + "Bellman residual " + (float) s.residual);
            return s;
        }
        s.started = true;
        System.arraycopy(s.v, 0, s.tv, 0, s.states);
        if (!p.solvePolicy(s.current, s.tv)) {
            s.verdict = new Verdict(Status.STALLED, "the equations of the current policy are singular"
                    + (s.average ? " (a policy with more than one recurrent class: average-reward policy iteration needs unichain policies)" : ""));
            return s;
        }
        s.moveTo(s.tv);
        s.certify(p);
        return s;
    }

    /** current ← the greedy policy, except where the current action is as good; returns the number of changes. */
    private static int improve(MarkovDecisionProcess p, State s) {
        if (!s.started) {
            System.arraycopy(s.policy, 0, s.current, 0, s.states);
            return s.states;
        }
        p.policyBellman(s.current, s.v, s.kept);
        int changes = 0;
        for (int i = 0; i < s.states; i++) {
            if (s.kept[i] < s.tv[i] - 1e-12 * (1 + Math.abs(s.tv[i]))) {
                s.current[i] = s.policy[i];
                changes++;
            }
        }
        return changes;
    }
}
