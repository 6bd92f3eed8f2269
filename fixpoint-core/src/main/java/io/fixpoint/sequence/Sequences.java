package io.fixpoint.sequence;

import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Settings;

/** What trajectory solves share: the route's budget cap, the constant initial guess and the deviation from the sequential loop. */
public final class Sequences {

    private Sequences() {
    }

    /**
     * {@code settings} with the iteration budget capped at T: the exactness guarantee (after k
     * iterations the first k states are exact) makes T iterations enough for every method.
     */
    public static Settings capped(Settings settings, Recurrence p) {
        return settings.withMaxIterations(Math.min(settings.maxIterations(), p.length()));
    }

    /** The initial state held constant over the trajectory: a guess that needs no evaluation. */
    public static double[] constantGuess(Recurrence p) {
        int d = p.stateDimension();
        double[] h0 = p.initialState();
        double[] x = new double[p.dimension()];
        for (int i = 0; i < p.length(); i++) {
            System.arraycopy(h0, 0, x, i * d, d);
        }
        return x;
    }

    /** max |a_i − b_i|. */
    public static double maxDeviation(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("trajectories have lengths " + a.length + " and " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double e = Math.abs(a[i] - b[i]);
            if (!(e <= m)) {
                m = e;
            }
        }
        return m;
    }
}
