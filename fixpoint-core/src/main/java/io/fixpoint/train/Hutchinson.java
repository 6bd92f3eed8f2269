package io.fixpoint.train;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.ParameterLayout;
import java.util.Arrays;

/**
 * Hutchinson's estimator of the Hessian diagonal, diag(H) ≈ z ⊙ (H z) with a Rademacher probe z
 * (Hutchinson 1989; Bekas, Kokiopoulou and Saad 2007), restricted to the owned elements: the probe is
 * zero elsewhere, which keeps the estimate of every owned diagonal entry unbiased.
 */
final class Hutchinson {
    private Hutchinson() {
    }

    /** Fills {@code probe} (full length) with z for seed {@code seed} and writes H·z into {@code product}. */
    static void sample(ParameterLayout l, double[] params, StepOracle oracle, long seed, double[] probe, double[] product) {
        Arrays.fill(probe, 0);
        for (int s = 0; s < l.segmentCount(); s++) {
            int from = l.segmentStart(s);
            int to = from + l.segmentLength(s);
            for (int i = from; i < to; i++) {
                probe[i] = CounterRandom.rademacher(seed, i);
            }
        }
        oracle.hessianVector(params, probe, product);
    }
}
