package io.fixpoint.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * A finite Markov decision process with sparse transitions: states 0..S−1, actions 0..A_s−1 in state s,
 * and for each pair (s, a) a distribution over next states with a reward per transition; the decision maker
 * maximises the expected discounted reward Σ γᵗ r_t (0 ≤ γ &lt; 1) or, under the average-reward criterion,
 * the long-run reward per step. The unknown is the value vector v ∈ Rˢ.
 *
 * <p>The Bellman optimality operator is (Tv)(s) = max_a [R(s, a) + γ Σ_{s'} p(s'|s, a) v(s')] with the
 * expected reward R(s, a) = Σ p·r; under the average-reward criterion γ = 1 and v holds relative values.
 * Each sweep of T over every state counts one {@link Evaluation#BELLMAN}, of a policy's operator T_π one
 * {@link Evaluation#POLICY_BELLMAN}, and each exact solve of a policy's equations one
 * {@link Evaluation#POLICY_SOLVE}. Ties in a maximum go to the lowest action.
 */
public final class MarkovDecisionProcess implements Problem<MarkovDecisionProcess> {
    /** Probabilities of one (s, a) must sum to 1 within this; they are then rescaled to sum to 1 exactly. */
    public static final double PROBABILITY_TOLERANCE = 1e-9;

    /** One row of a transition table: from {@code state} by {@code action} to {@code next} with its probability and reward. */
    public record Transition(int state, int action, int next, double probability, double reward) {
    }

    private final Data d;
    private final double discount;
    private final boolean averageReward;
    private final Counts counts;

    private MarkovDecisionProcess(Data d, double discount, boolean averageReward, Counts counts) {
        this.d = d;
        this.discount = discount;
        this.averageReward = averageReward;
        this.counts = counts;
    }

    /**
     * The discounted process defined by its transitions. States are 0..S−1 with S − 1 the largest state that
     * has an action; each state needs actions numbered 0..A_s−1, each next state must be one of them, and the
     * probabilities of each (s, a) must be non-negative and sum to 1.
     *
     * @throws InvalidProblemException naming the offending state, action or transition
     */
    public static MarkovDecisionProcess of(List<Transition> transitions, double discount) {
        return new Data(transitions).discounted(discount);
    }

    /** The same process discounted by γ ∈ [0, 1). */
    public MarkovDecisionProcess withDiscount(double gamma) {
        return d.discounted(gamma);
    }

    /** The same process under the average-reward criterion (γ = 1, relative values). */
    public MarkovDecisionProcess withAverageReward() {
        return new MarkovDecisionProcess(d, 1, true, null);
    }

    @Override
    public int dimension() {
        return d.states;
    }

    @Override
    public MarkovDecisionProcess counted(Counts c) {
        return new MarkovDecisionProcess(d, discount, averageReward, c);
    }

    public int states() {
        return d.states;
    }

    /** A_s. */
    public int actions(int s) {
        return d.actionStart[s + 1] - d.actionStart[s];
    }

    /** The number of state-action pairs. */
    public int pairs() {
        return d.actionStart[d.states];
    }

    /** γ; 1 under the average-reward criterion. */
    public double discount() {
        return discount;
    }

    public boolean isAverageReward() {
        return averageReward;
    }

    /** R(s, a) = Σ p·r. */
    public double expectedReward(int s, int a) {
        return d.reward[d.actionStart[s] + a];
    }

    /** The transitions, probabilities rescaled to sum to 1 per (s, a), in state and action order. */
    public List<Transition> transitions() {
        return d.rows;
    }

    /** Q(s, a) = R(s, a) + γ Σ p(s'|s, a) v(s'); not counted (the sweeps below are). */
    public double q(int s, int a, double[] v) {
        return backup(d.actionStart[s] + a, v);
    }

    /** out = T v, and the greedy policy into {@code greedy} when it is not null. One Bellman sweep. */
    public void bellman(double[] v, double[] out, int[] greedy) {
        count(Evaluation.BELLMAN);
        for (int s = 0; s < d.states; s++) {
            out[s] = best(s, v, greedy);
        }
    }

    /** One Gauss–Seidel sweep of T in place, states in increasing order, with the greedy policy. One Bellman sweep. */
    public void gaussSeidel(double[] v, int[] greedy) {
        count(Evaluation.BELLMAN);
        for (int s = 0; s < d.states; s++) {
            v[s] = best(s, v, greedy);
        }
    }

    /** out = T_π v for the policy π (an action per state). */
    public void policyBellman(int[] policy, double[] v, double[] out) {
        count(Evaluation.POLICY_BELLMAN);
        for (int s = 0; s < d.states; s++) {
            out[s] = backup(d.actionStart[s] + policy[s], v);
        }
    }

    /**
     * The exact values of a policy by a sparse LU solve (EJML): v = (I − γP_π)⁻¹ r_π when discounted; under
     * the average-reward criterion the relative values h with h(0) = 0 of h + g·1 = r_π + P_π h (the gain g is
     * then (T_π h)(0)). Returns false, leaving {@code values} unchanged, when the equations are singular
     * (under the average-reward criterion: a policy with more than one recurrent class).
     */
    public boolean solvePolicy(int[] policy, double[] values) {
        count(Evaluation.POLICY_SOLVE);
        int n = d.states;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, n + d.next.length);
        double[] row = new double[n];
        int[] touched = new int[n + 1];
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        for (int s = 0; s < n; s++) {
            int sa = d.actionStart[s] + policy[s];
            int k = 0;
            row[s] = 1;
            touched[k++] = s;
            for (int e = d.pairStart[sa]; e < d.pairStart[sa + 1]; e++) {
                int j = d.next[e];
                if (row[j] == 0) {
                    touched[k++] = j;
                }
                row[j] -= discount * d.probability[e];
            }
            for (int q = 0; q < k; q++) {
                int j = touched[q];
                // Under the average-reward criterion h(0) = 0 frees column 0 for the gain, whose coefficient is 1.
                if (!(averageReward && j == 0) && row[j] != 0) {
                    t.addItem(s, j, row[j]);
                }
                row[j] = 0;
            }
            if (averageReward) {
                t.addItem(s, 0, 1);
            }
            rhs.data[s] = d.reward[sa];
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(a)) {
            return false;
        }
        DMatrixRMaj sol = new DMatrixRMaj(n, 1);
        lu.solve(rhs, sol);
        for (double x : sol.data) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        System.arraycopy(sol.data, 0, values, 0, n);
        if (averageReward) {
            values[0] = 0;
        }
        return true;
    }

    private double best(int s, double[] v, int[] greedy) {
        double best = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int sa = d.actionStart[s]; sa < d.actionStart[s + 1]; sa++) {
            double q = backup(sa, v);
            if (q > best) {
                best = q;
                arg = sa - d.actionStart[s];
            }
        }
        if (greedy != null) {
            greedy[s] = arg;
        }
        return best;
    }

    private double backup(int sa, double[] v) {
        double s = 0;
        for (int e = d.pairStart[sa]; e < d.pairStart[sa + 1]; e++) {
            s += d.probability[e] * v[d.next[e]];
        }
        return d.reward[sa] + discount * s;
    }

    private void count(Evaluation e) {
        if (counts != null) {
            counts.add(e);
        }
    }

    /** The validated transitions in compressed form, shared by every criterion and counted view. */
    private static final class Data {
        final int states;
        /** Pairs of state s are actionStart[s] .. actionStart[s+1]−1. */
        final int[] actionStart;
        /** Transitions of pair sa are pairStart[sa] .. pairStart[sa+1]−1. */
        final int[] pairStart;
        final int[] next;
        final double[] probability;
        final double[] reward;
        final List<Transition> rows;

        Data(List<Transition> transitions) {
            if (transitions.isEmpty()) {
                throw new InvalidProblemException("a decision process needs at least one transition");
            }
            int maxState = -1;
            for (Transition t : transitions) {
                if (t.state() < 0 || t.action() < 0 || t.next() < 0) {
                    throw new InvalidProblemException(describe(t) + ": states and actions are numbered from 0");
                }
                if (!Double.isFinite(t.probability()) || t.probability() < 0 || t.probability() > 1) {
                    throw new InvalidProblemException(describe(t) + ": probability " + t.probability() + " is not in [0, 1]");
                }
                if (!Double.isFinite(t.reward())) {
                    throw new InvalidProblemException(describe(t) + ": reward " + t.reward() + " is not a finite number");
                }
                maxState = Math.max(maxState, t.state());
            }
            this.states = maxState + 1;
            List<Transition> sorted = new ArrayList<>(transitions);
            sorted.sort((x, y) -> x.state() != y.state() ? Integer.compare(x.state(), y.state())
                    : x.action() != y.action() ? Integer.compare(x.action(), y.action()) : Integer.compare(x.next(), y.next()));
            int[] actionCount = new int[states];
            for (Transition t : sorted) {
                if (t.next() >= states) {
                    throw new InvalidProblemException(describe(t) + ": next state " + t.next() + " is unknown (states with actions are 0.."
                            + (states - 1) + ")");
                }
                actionCount[t.state()] = Math.max(actionCount[t.state()], t.action() + 1);
            }
            actionStart = new int[states + 1];
            for (int s = 0; s < states; s++) {
                if (actionCount[s] == 0) {
                    throw new InvalidProblemException("state " + s + " has no actions (states are 0.." + (states - 1) + ", each needs at least one action)");
                }
                actionStart[s + 1] = actionStart[s] + actionCount[s];
            }
            int pairs = actionStart[states];
            pairStart = new int[pairs + 1];
            next = new int[sorted.size()];
            probability = new double[sorted.size()];
            reward = new double[pairs];
            double[] sums = new double[pairs];
            int[] perPair = new int[pairs];
            for (Transition t : sorted) {
                int sa = actionStart[t.state()] + t.action();
                sums[sa] += t.probability();
                perPair[sa]++;
            }
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actionCount[s]; a++) {
                    int sa = actionStart[s] + a;
                    if (perPair[sa] == 0) {
                        throw new InvalidProblemException("state " + s + " has no action " + a + " (actions are numbered 0.." + (actionCount[s] - 1) + ")");
                    }
                    if (Math.abs(sums[sa] - 1) > PROBABILITY_TOLERANCE) {
                        throw new InvalidProblemException("probabilities of state " + s + ", action " + a + " sum to " + sums[sa] + ", not 1");
                    }
                    pairStart[sa + 1] = pairStart[sa] + perPair[sa];
                }
            }
            List<Transition> normalised = new ArrayList<>(sorted.size());
            int e = 0;
            for (Transition t : sorted) {
                int sa = actionStart[t.state()] + t.action();
                double p = t.probability() / sums[sa];
                next[e] = t.next();
                probability[e] = p;
                reward[sa] += p * t.reward();
                normalised.add(new Transition(t.state(), t.action(), t.next(), p, t.reward()));
                e++;
            }
            this.rows = Collections.unmodifiableList(normalised);
        }

        MarkovDecisionProcess discounted(double gamma) {
            if (!(gamma >= 0 && gamma < 1)) {
                throw new InvalidProblemException("discount must lie in [0, 1), got " + gamma + " (use the average-reward criterion for γ = 1)");
            }
            return new MarkovDecisionProcess(this, gamma, false, null);
        }

        private static String describe(Transition t) {
            return "transition s=" + t.state() + ", a=" + t.action() + ", next=" + t.next();
        }
    }

    @Override
    public String toString() {
        return "MDP(" + d.states + " states, " + d.actionStart[d.states] + " state-action pairs, " + d.next.length + " transitions, "
                + (averageReward ? "average reward" : "γ = " + discount) + ")";
    }
}
