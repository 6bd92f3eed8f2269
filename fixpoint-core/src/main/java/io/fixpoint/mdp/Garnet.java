package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Garnet processes (Archibald, McKinnon and Thomas 1995; Bhatnagar et al. 2009): S states, A actions in
 * each, and from each (s, a) B distinct next states drawn uniformly, with probabilities given by B − 1
 * uniform cut points of [0, 1] and a reward drawn uniformly from [0, 1] for the pair. The same seed gives the
 * same process.
 */
public final class Garnet {
    private Garnet() {
    }

    /**
     * @param states    S ≥ 1
     * @param actions   A ≥ 1
     * @param branching B, 1 ≤ B ≤ S
     * @param seed      the seed of {@link SplittableRandom}
     * @param discount  γ ∈ [0, 1)
     */
    public static MarkovDecisionProcess generate(int states, int actions, int branching, long seed, double discount) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("a Garnet process needs S ≥ 1 and A ≥ 1, got S = " + states + ", A = " + actions);
        }
        if (branching < 1 || branching > states) {
            throw new IllegalArgumentException("the branching factor B must lie in [1, S] = [1, " + states + "], got " + branching);
        }
        if ((long) states * actions * branching > 50_000_000L) {
            throw new IllegalArgumentException("S·A·B = " + (long) states * actions * branching + " transitions is more than 5·10⁷");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = new int[states];
        double[] cuts = new double[branching + 1];
        List<Transition> rows = new ArrayList<>(states * actions * branching);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                for (int i = 0; i < states; i++) {
                    order[i] = i;
                }
                for (int i = 0; i < branching; i++) {
                    int j = i + rnd.nextInt(states - i);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                cuts[0] = 0;
                cuts[branching] = 1;
                for (int i = 1; i < branching; i++) {
                    cuts[i] = rnd.nextDouble();
                }
                Arrays.sort(cuts, 1, branching);
                double reward = rnd.nextDouble();
                for (int i = 0; i < branching; i++) {
                    rows.add(new Transition(s, a, order[i], cuts[i + 1] - cuts[i], reward));
                }
            }
        }
        return MarkovDecisionProcess.of(rows, discount);
    }
}
