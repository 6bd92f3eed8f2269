package io.fixpoint.solve;

/** A solver's own decision that the solve must end (a failed line search, a detected infeasibility). */
public record Verdict(Status status, String message) {
}
