package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;

/**
 * Gauss–Seidel value iteration (Bertsekas and Tsitsiklis, Parallel and Distributed Computation, §2.6): one
 * sweep of T over the states in order, each backup using the values already updated in this sweep; still a
 * γ-contraction, usually a faster one. Certifying the new values takes a second, ordinary Bellman sweep, so
 * an iteration costs two. Discounted only.
 */
public record GaussSeidelValueIteration() implements Solver<MarkovDecisionProcess, MdpState> {

    @Override
    public String name() {
        return "gauss-seidel";
    }

    @Override
    public MdpState init(MarkovDecisionProcess p, double[] x0) {
        MdpState.requireDiscounted(p, "Gauss–Seidel value iteration");
        MdpState s = new MdpState(p, x0);
        s.certify(p);
        return s;
    }

    @Override
    public MdpState step(MarkovDecisionProcess p, MdpState s) {
        System.arraycopy(s.v, 0, s.tv, 0, s.states);
        p.gaussSeidel(s.tv, null);
        s.moveTo(s.tv);
        s.certify(p);
        return s;
    }
}
