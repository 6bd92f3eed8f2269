package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Tolerances;
import java.util.List;

/** Entry points for parallel-in-time evaluation: the solvers by name and a driver set up for whole trajectories. */
public final class Sequences {
    /** Method names accepted by {@link #solver}. */
    public static final List<String> METHODS = List.of("sequential", "jacobi", "gauss-seidel", "deer", "quasi-deer", "elk");
    /**
     * Default tolerance on the largest residual ‖h_t − f(h_{t−1}, u_t)‖∞. On a contracting
     * recurrence the distance to the sequential trajectory is at most the residual over (1 − contraction);
     * on an expanding one it can be far larger (see the README), and tolerance 0 asks for the sequential bits.
     */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    private Sequences() {
    }

    public static TrajectorySolver<?> solver(String method, ParallelExecutor executor) {
        return switch (method) {
            case "sequential" -> new Sequential();
            case "jacobi" -> new Jacobi(executor);
            case "gauss-seidel" -> new GaussSeidel(executor);
            case "deer" -> new Deer(executor);
            case "quasi-deer" -> new QuasiDeer(executor);
            case "elk" -> new Elk(executor);
            default -> throw new IllegalArgumentException("unknown method '" + method + "'; expected one of " + String.join(", ", METHODS));
        };
    }

    /**
     * A driver for trajectory solvers: the residual tolerance, at most T iterations (the exactness
     * guarantee makes T enough), and no stall rule, since a non-contracting recurrence may make
     * progress only through its exact prefix for a long time.
     */
    public static Driver driver(Recurrence p, double tolerance) {
        return Driver.builder().tolerances(Tolerances.of(tolerance)).maxIterations(p.length())
                .stallIterations(Integer.MAX_VALUE).build();
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

    /** Solves from {@code guess} (e.g. a previous solve's trajectory) to {@code tolerance}. */
    public static Solution solve(TrajectorySolver<?> solver, Recurrence p, double[] guess, double tolerance) {
        return driver(p, tolerance).solve(solver, p, guess);
    }

    /** Solves from the constant guess to the default tolerance. */
    public static Solution solve(TrajectorySolver<?> solver, Recurrence p) {
        return solve(solver, p, constantGuess(p), DEFAULT_TOLERANCE);
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
