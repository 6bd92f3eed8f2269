package io.fixpoint.solve;

import io.fixpoint.analysis.RateEstimate;
import java.util.Map;

/**
 * What a user keeps from a solve.
 *
 * @param solver      the solver's name
 * @param status      how the solve ended
 * @param message     a human explanation of the status
 * @param x           the final point (the last finite iterate if the solve met a non-finite value)
 * @param value       the value at {@code x}
 * @param optimality  the certificate: the solver's optimality measure at {@code x}
 * @param iterations  steps taken
 * @param evaluations counts of each kind of evaluation
 * @param seconds     wall time of the solve
 * @param trace       the per-iteration history
 * @param rate        the convergence rate observed on the trace
 * @param details     solver-specific figures
 */
public record Solution(
        String solver,
        Status status,
        String message,
        double[] x,
        double value,
        double optimality,
        int iterations,
        Evaluations evaluations,
        double seconds,
        Trace trace,
        RateEstimate rate,
        Map<String, Object> details) {

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    @Override
    public String toString() {
        return solver + ": " + status + " (" + message + ") after " + iterations + " iterations, value " + value
                + ", optimality " + optimality + ", " + evaluations + ", rate " + rate.describe();
    }
}
