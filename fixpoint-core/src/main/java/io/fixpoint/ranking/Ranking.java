package io.fixpoint.ranking;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fits a {@link BradleyTerryModel}: decides whether the estimate exists, solves with a
 * {@link RankingMethod} under the driver, centres the scores, recomputes the certificate ‖∇f‖ at
 * the reported parameters and derives standard errors from the observed information.
 */
public final class Ranking {
    /** Gradient-norm tolerance of the certificate when none is given. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private Ranking() {
    }

    /**
     * The estimate of {@code model} by {@code method}.
     *
     * @param tolerance     the solve is CONVERGED only when ‖∇f‖ ≤ tolerance at the reported point
     * @param maxIterations iteration budget
     * @param timeLimit     wall-time budget, or null for none
     * @throws InvalidProblemException when the estimate does not exist (the message names the items)
     * @throws IllegalArgumentException when the method does not apply to the model, or for a bad setting
     */
    public static RankingFit fit(BradleyTerryModel model, RankingMethod method, double tolerance, int maxIterations, Duration timeLimit) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be finite and > 0, got " + tolerance);
        }
        model.existenceProblem().ifPresent(p -> {
            throw new InvalidProblemException(p);
        });
        Driver driver = Driver.builder().tolerance(tolerance).maxIterations(maxIterations).timeLimit(timeLimit).build();
        Solution s = method.solve(model, driver);
        return certify(model, s, tolerance);
    }

    /** The fit with the default tolerance, 10 000 iterations and no time limit. */
    public static RankingFit fit(BradleyTerryModel model, RankingMethod method) {
        return fit(model, method, DEFAULT_TOLERANCE, 10_000, null);
    }

    /**
     * Reports a finished solve: centred scores, ‖∇f‖ recomputed at the reported parameters (the
     * status is CONVERGED only if it is within {@code tolerance} there), standard errors for a
     * converged solve of a model small enough for the dense information matrix.
     */
    static RankingFit certify(BradleyTerryModel model, Solution s, double tolerance) {
        double[] theta = s.x().clone();
        int items = model.items;
        // Centring changes neither ℓ nor the ranking; for maximum likelihood it is the constraint the
        // solve already approaches, so the certificate is taken at the reported point.
        double[] reported = theta.clone();
        double mean = Arrays.stream(reported, 0, items).sum() / items;
        for (int i = 0; i < items; i++) {
            reported[i] -= mean;
        }
        double[] at = model.maximumAPosteriori() ? theta : reported;
        double[] g = new double[model.dimension()];
        model.objective().gradient(at, g);
        double gradientNorm = Vectors.norm(g);
        Status status = s.status();
        String message = s.message();
        if (status == Status.CONVERGED && !(gradientNorm <= tolerance)) {
            status = Status.STALLED;
            message = s.message() + "; but ‖∇f‖ = " + String.format("%.3g", gradientNorm) + " at the reported scores exceeds the tolerance "
                    + String.format("%.3g", tolerance);
        }
        double[] covariance = status == Status.CONVERGED && model.dimension() <= BradleyTerryModel.DENSE_LIMIT
                ? Covariance.at(model, theta) : null;
        double[] se = new double[model.dimension()];
        Arrays.fill(se, Double.NaN);
        if (covariance != null) {
            for (int k = 0; k < se.length; k++) {
                se[k] = Math.sqrt(Math.max(0, covariance[k * se.length + k]));
            }
        }
        int h = model.home;
        int e = model.tie;
        return new RankingFit(model, status, message, Arrays.copyOf(reported, items), Arrays.copyOf(se, items),
                h >= 0 ? theta[h] : Double.NaN, h >= 0 ? se[h] : Double.NaN,
                e >= 0 ? theta[e] : Double.NaN, e >= 0 ? se[e] : Double.NaN,
                covariance, model.logLikelihood(at), gradientNorm, s);
    }
}
