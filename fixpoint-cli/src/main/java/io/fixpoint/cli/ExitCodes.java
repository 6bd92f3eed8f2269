package io.fixpoint.cli;

/** Exit codes shared by every sub-command. */
final class ExitCodes {
    static final int OK = 0;
    /** The input was fine but the solve did not converge, or something failed inside. */
    static final int FAILURE = 1;
    /** Bad input: unknown names, wrong dimensions, malformed files or expressions. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
