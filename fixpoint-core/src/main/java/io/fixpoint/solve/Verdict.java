package io.fixpoint.solve;

/**
 * A solver's own decision that the solve must end (a failed line search, a detected infeasibility,
 * a test of its own that certifies convergence).
 *
 * @param status    how the solve ends
 * @param message   why, in words
 * @param criterion for {@link Status#CONVERGED}, the name of the solver's own test that fired (e.g. {@code xtol});
 *                  a solver says CONVERGED only after checking that the point is stationary, and names the test
 */
public record Verdict(Status status, String message, String criterion) {

    public Verdict {
        if (status == Status.CONVERGED && (criterion == null || criterion.isBlank())) {
            throw new IllegalArgumentException("a CONVERGED verdict names the test that fired");
        }
    }

    /** A verdict that ends the solve without success. */
    public Verdict(Status status, String message) {
        this(status, message, null);
    }

    /** Convergence by the solver's own test {@code criterion}. */
    public static Verdict converged(String criterion, String message) {
        return new Verdict(Status.CONVERGED, message, criterion);
    }
}
