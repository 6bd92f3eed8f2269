package io.fixpoint.problem;

/** Input that no solver can start from: mismatched dimensions, a non-finite start point, a malformed definition. */
public class InvalidProblemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProblemException(String message) {
        super(message);
    }

    /** Throws unless {@code actual == expected}, naming both sizes. */
    public static void checkDimension(String what, int actual, int expected) {
        if (actual != expected) {
            throw new InvalidProblemException(what + " has length " + actual + " but the problem has dimension " + expected);
        }
    }

    /** Throws unless every entry of {@code x} is finite, naming the first offending index. */
    public static void checkFinite(String what, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new InvalidProblemException(what + " has a non-finite entry " + x[i] + " at index " + i);
            }
        }
    }
}
