package io.fixpoint.search;

/**
 * The outcome of one line search.
 *
 * @param success   whether the search's acceptance conditions hold at the returned step
 * @param step      the accepted step length (0 when nothing better than the start was found)
 * @param value     f at the accepted point
 * @param message   why the search failed, or empty
 * @param nonFinite whether the search failed because f or its slope was not finite at the trial points it ended on
 */
public record LineSearchResult(boolean success, double step, double value, String message, boolean nonFinite) {

    public static LineSearchResult accepted(double step, double value) {
        return new LineSearchResult(true, step, value, "", false);
    }

    public static LineSearchResult failed(double step, double value, String message) {
        return new LineSearchResult(false, step, value, message, false);
    }
}
