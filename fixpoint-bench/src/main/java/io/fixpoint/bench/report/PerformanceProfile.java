package io.fixpoint.bench.report;

import java.util.Arrays;
import java.util.List;

/**
 * Dolan–Moré performance profiles (Math. Program. 91, 2002). With t(p,s) the cost of solver s on
 * problem p (∞ when it failed), the ratio r(p,s) = t(p,s) / min_s t(p,s) and the profile
 * ρ_s(τ) = |{p : r(p,s) ≤ τ}| / |P|. ρ_s(1) is the share of problems on which s is the cheapest;
 * ρ_s(τ→∞) the share it solves at all. Problems no solver solved stay in |P|.
 */
public final class PerformanceProfile {
    private final List<String> solvers;
    private final double[][] ratios; // [solver][problem], sorted ascending per solver

    private PerformanceProfile(List<String> solvers, double[][] ratios) {
        this.solvers = List.copyOf(solvers);
        this.ratios = ratios;
    }

    /**
     * @param solvers names, one per row of {@code costs}
     * @param costs   costs[s][p] &gt; 0; infinite or NaN when solver s failed on problem p
     */
    public static PerformanceProfile of(List<String> solvers, double[][] costs) {
        if (costs.length != solvers.size()) {
            throw new IllegalArgumentException(costs.length + " cost rows for " + solvers.size() + " solvers");
        }
        int problems = costs.length == 0 ? 0 : costs[0].length;
        double[] best = new double[problems];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (double[] row : costs) {
            if (row.length != problems) {
                throw new IllegalArgumentException("every solver needs a cost for each of the " + problems + " problems");
            }
            for (int p = 0; p < problems; p++) {
                best[p] = Math.min(best[p], cost(row[p]));
            }
        }
        double[][] ratios = new double[costs.length][problems];
        for (int s = 0; s < costs.length; s++) {
            for (int p = 0; p < problems; p++) {
                double c = cost(costs[s][p]);
                ratios[s][p] = Double.isInfinite(c) ? Double.POSITIVE_INFINITY : c / best[p];
            }
            Arrays.sort(ratios[s]);
        }
        return new PerformanceProfile(solvers, ratios);
    }

    private static double cost(double c) {
        return Double.isNaN(c) || Double.isInfinite(c) ? Double.POSITIVE_INFINITY : Math.max(c, Double.MIN_NORMAL);
    }

    public List<String> solvers() {
        return solvers;
    }

    public int problems() {
        return ratios.length == 0 ? 0 : ratios[0].length;
    }

    /** ρ_s(τ): the share of problems solver {@code s} solves within τ times the best cost. */
    public double fraction(int s, double tau) {
        int count = 0;
        for (double r : ratios[s]) {
            if (r <= tau) {
                count++;
            }
        }
        return problems() == 0 ? 0 : (double) count / problems();
    }

    /** The performance ratios of solver {@code s}, ascending, ∞ for failures. */
    public double[] ratios(int s) {
        return ratios[s].clone();
    }

    /** The largest finite ratio over all solvers (at least 1). */
    public double maxRatio() {
        double m = 1;
        for (double[] row : ratios) {
            for (double r : row) {
                if (Double.isFinite(r)) {
                    m = Math.max(m, r);
                }
            }
        }
        return m;
    }
}
