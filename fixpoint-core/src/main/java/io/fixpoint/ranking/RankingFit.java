package io.fixpoint.ranking;

import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.List;

/**
 * A Bradley–Terry estimate with its certificate.
 *
 * @param model              what was estimated
 * @param method             the catalogue name of the method
 * @param status             how the solve ended; CONVERGED only when ‖∇f‖ ≤ tolerance holds at the
 *                           reported parameters, recomputed after the solve
 * @param message            why the solve ended
 * @param scores             log-strengths sᵢ, centred to sum to zero, in the data's item order
 * @param standardErrors     standard errors of the centred scores from the observed information;
 *                           NaN unless the solve converged and the model is at most
 *                           {@link BradleyTerryModel#DENSE_LIMIT} parameters
 * @param homeAdvantage      h, the home side's log-strength bonus (NaN without home advantage)
 * @param homeStandardError  its standard error (NaN when absent or not computed)
 * @param logTie             η = log ν of Davidson's model (NaN with ties as half wins)
 * @param logTieStandardError its standard error
 * @param covariance         covariance of (centred scores, h, η), row-major, or null when not computed
 * @param logLikelihood      ℓ at the estimate (without the prior)
 * @param gradientNorm       ‖∇f‖ at the reported parameters: ‖∇ℓ‖ for maximum likelihood, the
 *                           log posterior's gradient for MAP
 * @param tolerance          the target ‖∇f‖ had to meet there for CONVERGED
 * @param solution           the solve itself: method, iterations, evaluations, time, trace
 */
public record RankingFit(
        BradleyTerryModel model,
        String method,
        Status status,
        String message,
        double[] scores,
        double[] standardErrors,
        double homeAdvantage,
        double homeStandardError,
        double logTie,
        double logTieStandardError,
        double[] covariance,
        double logLikelihood,
        double gradientNorm,
        double tolerance,
        Solution solution) {

    public List<String> items() {
        return model.data().items();
    }

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    public int iterations() {
        return solution.iterations();
    }

    /**
     * The standard error of sᵢ − s_reference (the contrast BradleyTerry2 reports with a reference
     * item), or NaN when the covariance was not computed.
     */
    public double contrastStandardError(int item, int reference) {
        if (covariance == null) {
            return Double.NaN;
        }
        int d = model.dimension();
        double v = covariance[item * d + item] + covariance[reference * d + reference] - 2 * covariance[item * d + reference];
        return Math.sqrt(Math.max(0, v));
    }
}
