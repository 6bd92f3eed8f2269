package io.fixpoint.ranking;

import java.time.Duration;

/**
 * How a {@link Ranking#fit} runs.
 *
 * @param tolerance      the solve is CONVERGED only when ‖∇f‖ ≤ tolerance at the reported point
 * @param maxIterations  iteration budget
 * @param timeLimit      wall-time budget, or null for none
 * @param standardErrors whether to form the observed information and its inverse (dense, up to
 *                       {@link BradleyTerryModel#DENSE_LIMIT} parameters) after a converged solve
 */
public record RankingSettings(double tolerance, int maxIterations, Duration timeLimit, boolean standardErrors) {

    /** ‖∇f‖ ≤ 10⁻¹⁰, 10 000 iterations, no time limit, standard errors. */
    public static final RankingSettings DEFAULT = new RankingSettings(1e-10, 10_000, null, true);

    public RankingSettings {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be finite and > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be ≥ 1, got " + maxIterations);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
    }

    public RankingSettings withTolerance(double t) {
        return new RankingSettings(t, maxIterations, timeLimit, standardErrors);
    }

    public RankingSettings withMaxIterations(int n) {
        return new RankingSettings(tolerance, n, timeLimit, standardErrors);
    }

    public RankingSettings withTimeLimit(Duration d) {
        return new RankingSettings(tolerance, maxIterations, d, standardErrors);
    }

    public RankingSettings withStandardErrors(boolean on) {
        return new RankingSettings(tolerance, maxIterations, timeLimit, on);
    }
}
