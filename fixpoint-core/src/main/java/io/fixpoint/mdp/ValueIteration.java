package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;

/**
 * Value iteration v ← T v (Bellman 1957), a γ-contraction in the sup norm; under the average-reward criterion
 * relative value iteration v ← T v − (T v)(0) (White 1963), which converges for unichain aperiodic processes.
 * One Bellman sweep per iteration: the image that certifies v is the next iterate.
 */
public record ValueIteration() implements Solver<MarkovDecisionProcess, MdpState> {

    @Override
    public String name() {
        return "value-iteration";
    }

    @Override
    public MdpState init(MarkovDecisionProcess p, double[] x0) {
        MdpState s = new MdpState(p, x0);
        s.certify(p);
        return s;
    }

    @Override
    public MdpState step(MarkovDecisionProcess p, MdpState s) {
        s.moveTo(s.tv);
        s.certify(p);
        return s;
    }
}
