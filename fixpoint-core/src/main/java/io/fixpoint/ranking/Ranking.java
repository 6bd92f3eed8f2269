package io.fixpoint.ranking;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fits a {@link BradleyTerryModel}: decides whether the estimate exists, solves with a ranking method
 * of the catalogue under the driver its {@link Settings} describe, centres the scores, recomputes
 * the certificate ‖∇f‖ at the reported parameters and derives standard errors from the observed
 * information.
 */
public final class Ranking {
    private Ranking() {
    }

    /**
     * The estimate of {@code model} by {@code method} under {@code settings}, the listeners told of
     * every step.
     *
     * @param standardErrors whether to form the observed information and its inverse (dense, up to
     *                       {@link BradleyTerryModel#DENSE_LIMIT} parameters) after a converged solve
     * @throws InvalidProblemException  when the estimate does not exist (the message names the items)
     * @throws IllegalArgumentException when the method does not apply to the model
     */
    public static RankingFit fit(BradleyTerryModel model, SolverSpec<RankingProblem> method, Settings settings, boolean standardErrors,
            IterationListener... listeners) {
        model.existenceProblem().ifPresent(p -> {
            throw new InvalidProblemException(p);
        });
        Solution s = settings.driver(listeners).solve(method.create(), model, model.start());
        return certify(model, method.name(), s, settings, standardErrors);
    }

    /** The fit with the method's default settings and standard errors. */
    public static RankingFit fit(BradleyTerryModel model, SolverSpec<RankingProblem> method) {
        return fit(model, method, method.defaults(), true);
    }

    /**
     * Reports a finished solve: centred scores, ‖∇f‖ recomputed at the reported parameters (the
     * status is CONVERGED only if it meets the settings' target there, the start's ‖∇f‖ taken at θ = 0
     * as the driver took it), standard errors for a converged solve of a model small enough for the
     * dense information matrix.
     */
    static RankingFit certify(BradleyTerryModel model, String method, Solution s, Settings settings, boolean standardErrors) {
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
        double tolerance = target(model, settings);
        Status status = s.status();
        String message = s.message();
        if (status == Status.CONVERGED && !(gradientNorm <= tolerance)) {
            status = Status.STALLED;
            message = s.message() + "; but ‖∇f‖ = " + String.format(Locale.ROOT, "%.3g", gradientNorm) + " at the reported scores exceeds the tolerance "
                    + String.format(Locale.ROOT, "%.3g", tolerance);
        }
        double[] covariance = standardErrors && status == Status.CONVERGED
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
                covariance, model.logLikelihood(at), gradientNorm, tolerance, s);
    }

    /** The optimality target of {@code settings} for this model (its relative part scaled by ‖∇f‖ at the start θ = 0). */
    private static double target(BradleyTerryModel model, Settings settings) {
        double initial = 0;
        if (settings.tolerances().relative() > 0) {
            double[] g = new double[model.dimension()];
            model.objective().gradient(model.start(), g);
            initial = Vectors.norm(g);
        }
        return settings.tolerances().target(initial, Double.NaN);
    }
}
