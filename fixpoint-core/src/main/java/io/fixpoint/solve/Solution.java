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
 * @param criterion   for CONVERGED, the test that ended the solve: {@value #OPTIMALITY} when the
 *                    certificate met its tolerance, a solver's own test that checked stationarity
 *                    (e.g. {@code xtol}), or one of the driver's weaker tests ({@value #STEP},
 *                    {@value #VALUE_CHANGE}); null for every other status
 * @param certified   whether a CONVERGED solve is backed by a check of the returned point (the
 *                    optimality test, or a solver's own stationarity check); false after the driver's
 *                    step or value-change test, and for every other status
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
        Map<String, Object> details,
        String criterion,
        boolean certified) {

    /** The criterion of a solve whose optimality measure met its tolerance. */
    public static final String OPTIMALITY = "optimality";
    /** The driver's step test: ‖Δx‖ ≤ step·(1 + ‖x‖), weaker than the optimality test. */
    public static final String STEP = "step";
    /** The driver's value-change test: |Δf| ≤ valueChange·max(1, |f|), weaker than the optimality test. */
    public static final String VALUE_CHANGE = "value-change";

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** The status in words: its name, and for a CONVERGED solve that is not certified, the weaker test that ended it. */
    public String statusText() {
        return converged() && !certified ? status + " by the weaker " + criterion + " test (not certified)" : status.name();
    }

    @Override
    public String toString() {
        return solver + ": " + statusText() + " (" + message + ") after " + iterations + " iterations, value " + value
                + ", optimality " + optimality + ", " + evaluations + ", rate " + rate.describe();
    }
}
