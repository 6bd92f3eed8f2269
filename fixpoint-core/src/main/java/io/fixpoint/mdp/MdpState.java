package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every decision-process solver keeps: the values v, their image T v, the greedy policy, and the
 * certificate — the Bellman residual of v, ‖T v − v‖∞ when discounted (then ‖v − v*‖∞ ≤ ‖T v − v‖∞/(1 − γ)),
 * and the span max(T v − v) − min(T v − v) under the average-reward criterion (then the optimal gain lies
 * between min(T v − v) and max(T v − v)). It is both value and optimality.
 */
public class MdpState implements IterationState {
    final int states;
    final double gamma;
    final boolean average;
    final double[] v;
    final double[] tv;
    final int[] policy;
    double residual = Double.NaN;
    double gainLower = Double.NaN;
    double gainUpper = Double.NaN;
    double stepNorm = Double.NaN;
    Verdict verdict;

    MdpState(MarkovDecisionProcess p, double[] x0) {
        this.states = p.states();
        this.gamma = p.discount();
        this.average = p.isAverageReward();
        this.v = x0;
        this.tv = new double[states];
        this.policy = new int[states];
    }

    /** tv ← T v with the greedy policy, and the residual of v: one Bellman sweep. */
    final void certify(MarkovDecisionProcess p) {
        p.bellman(v, tv, policy);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < states; s++) {
            double d = tv[s] - v[s];
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        if (average) {
            residual = hi - lo;
            gainLower = lo;
            gainUpper = hi;
        } else {
            residual = Math.max(hi, -lo);
        }
    }

    /** v ← w, shifted so that v(0) = 0 under the average-reward criterion; records the step. */
    final void moveTo(double[] w) {
        double shift = average ? w[0] : 0;
        double step = 0;
        for (int s = 0; s < states; s++) {
            double next = w[s] - shift;
            step += (next - v[s]) * (next - v[s]);
            v[s] = next;
        }
        stepNorm = Math.sqrt(step);
    }

    /** The greedy policy of v, an action per state. */
    public int[] policy() {
        return policy.clone();
    }

    @Override
    public double[] x() {
        return v;
    }

    /** The Bellman residual. */
    @Override
    public double value() {
        return residual;
    }

    /** The Bellman residual: ‖T v − v‖∞, or its span under the average-reward criterion. */
    @Override
    public double optimality() {
        return residual;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("policy", policy.clone());
        d.put("bellmanResidual", residual);
        if (average) {
            d.put("gain", (gainLower + gainUpper) / 2);
            d.put("gainLower", gainLower);
            d.put("gainUpper", gainUpper);
        } else {
            d.put("valueErrorBound", residual / (1 - gamma));
            d.put("policyLossBound", 2 * gamma * residual / (1 - gamma));
        }
        return d;
    }

    /** Rejects the average-reward criterion for a method that needs a contraction. */
    static void requireDiscounted(MarkovDecisionProcess p, String method) {
        if (p.isAverageReward()) {
            throw new IllegalArgumentException(method + " needs a discount < 1; under the average-reward criterion use "
                    + "value-iteration, policy-iteration or modified-policy-iteration");
        }
    }
}
