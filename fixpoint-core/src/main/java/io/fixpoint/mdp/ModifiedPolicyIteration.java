package io.fixpoint.mdp;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;

/**
 * Modified policy iteration (Puterman and Shin 1978): take the greedy policy π of v, then evaluate it only
 * partially by m applications of T_π — v ← T_π^m v, the first of which is the certifying sweep T v itself.
 * m = 1 is value iteration, m → ∞ policy iteration. Under the average-reward criterion each application is
 * shifted so that v(0) = 0.
 *
 * @param sweeps m ≥ 1, applications of T_π per iteration
 */
public record ModifiedPolicyIteration(int sweeps) implements Solver<MarkovDecisionProcess, ModifiedPolicyIteration.State> {

    public ModifiedPolicyIteration {
        if (sweeps < 1) {
            throw new IllegalArgumentException("sweeps must be ≥ 1, got " + sweeps);
        }
    }

    /** m = 10. */
    public ModifiedPolicyIteration() {
        this(10);
    }

    @Override
    public String name() {
        return "modified-policy-iteration";
    }

    /** A workspace for the partial evaluation. */
    public static final class State extends MdpState {
        final int[] pi;
        final double[] work;

        State(MarkovDecisionProcess p, double[] x0) {
            super(p, x0);
            pi = new int[states];
            work = new double[states];
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
        System.arraycopy(s.policy, 0, s.pi, 0, s.states);
        System.arraycopy(s.v, 0, s.work, 0, s.states);
        s.moveTo(s.tv);
        for (int k = 1; k < sweeps; k++) {
            p.policyBellman(s.pi, s.v, s.tv);
            s.moveTo(s.tv);
        }
        s.stepNorm = Vectors.distance(s.v, s.work);
        s.certify(p);
        return s;
    }
}
