package io.fixpoint.ranking;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fits a {@link BradleyTerryModel}: decides whether the estimate exists, solves with a
 * {@link RankingMethod} under the driver, centres the scores, recomputes the certificate ‖∇f‖ at
 * the reported parameters and derives standard errors from the observed information.
 */
public final class Ranking {
    private Ranking() {
    }

    /**
     * The estimate of {@code model} by {@code method}.
     *
     * @throws InvalidProblemException when the estimate does not exist (the message names the items)
     * @throws IllegalArgumentException when the method does not apply to the model
     */
    public static RankingFit fit(BradleyTerryModel model, RankingMethod method, RankingSettings settings) {
        model.existenceProblem().ifPresent(p -> {
            throw new InvalidProblemException(p);
        });
        Driver driver = Driver.builder().tolerance(settings.tolerance()).maxIterations(settings.maxIterations())
                .timeLimit(settings.timeLimit()).build();
        return certify(model, method, method.solve(model, driver), settings);
    }

    /** The fit with {@link RankingSettings#DEFAULT}. */
    public static RankingFit fit(BradleyTerryModel model, RankingMethod method) {
        return fit(model, method, RankingSettings.DEFAULT);
    }

    /**
     * Reports a finished solve: centred scores, ‖∇f‖ recomputed at the reported parameters (the
     * status is CONVERGED only if it is within the tolerance there), standard errors for a converged
     * solve of a model small enough for the dense information matrix.
     */
    static RankingFit certify(BradleyTerryModel model, RankingMethod method, Solution s, RankingSettings settings) {
        double tolerance = settings.tolerance();
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
            message = s.message() + "; but ‖∇f‖ = " + String.format(Locale.ROOT, "%.3g", gradientNorm) + " at the reported scores exceeds the tolerance "
                    + String.format(Locale.ROOT, "%.3g", tolerance);
        }
        double[] covariance = settings.standardErrors() && status == Status.CONVERGED
                && model.dimension() <= BradleyTerryModel.DENSE_LIMIT ? Covariance.at(model, theta) : null;
        double[] se = new double[model.dimension()];
        Arrays.fill(se, Double.NaN);
        if (covariance != null) {
            for (int k = 0; k < se.length; k++) {
                se[k] = Math.sqrt(Math.max(0, covariance[k * se.length + k]));
            }
        }
        int h = model.home;
        int e = model.tie;
        return new RankingFit(model, method, status, message, Arrays.copyOf(reported, items), Arrays.copyOf(se, items),
                h >= 0 ? theta[h] : Double.NaN, h >= 0 ? se[h] : Double.NaN,
                e >= 0 ? theta[e] : Double.NaN, e >= 0 ? se[e] : Double.NaN,
                covariance, model.logLikelihood(at), gradientNorm, s);
    }
}
