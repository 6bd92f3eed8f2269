package io.fixpoint.mdp;

import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.MarkovDecisionProcess;
import java.util.Arrays;

/**
 * The Bellman optimality operator as a fixed-point map, so that the fixed-point accelerators apply (a fixed-point
 * solver's certificate on it is the Euclidean ‖v − T v‖, not the sup norm the decision-process solvers report). It
 * remembers its last input with the greedy policy there, so the policy of an accepted iterate costs nothing
 * more.
 */
public final class BellmanMap implements FixedPointMap {
    private final MarkovDecisionProcess p;
    private final double[] lastInput;
    private final int[] lastPolicy;
    private boolean evaluated;

    BellmanMap(MarkovDecisionProcess p) {
        this.p = p;
        this.lastInput = new double[p.states()];
        this.lastPolicy = new int[p.states()];
    }

    /** T of {@code p} as a map (sweeps are counted on the process given). */
    public static BellmanMap of(MarkovDecisionProcess p) {
        return new BellmanMap(p);
    }

    /** The greedy policy of v (one sweep unless v was the last input). */
    public int[] policy(double[] v) {
        int[] pi = new int[v.length];
        policy(v, pi, new double[v.length]);
        return pi;
    }

    @Override
    public int dimension() {
        return p.states();
    }

    @Override
    public void apply(double[] v, double[] out) {
        p.bellman(v, out, lastPolicy);
        System.arraycopy(v, 0, lastInput, 0, v.length);
        evaluated = true;
    }

    /** The greedy policy of v into {@code policy}, from memory when v was the last input, else by one more sweep. */
    void policy(double[] v, int[] policy, double[] scratch) {
        if (!evaluated || !Arrays.equals(v, lastInput)) {
            apply(v, scratch);
        }
        System.arraycopy(lastPolicy, 0, policy, 0, policy.length);
    }
}
