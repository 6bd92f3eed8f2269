package io.fixpoint.cli;

import java.io.PrintWriter;

/** Exit codes shared by every sub-command. */
final class ExitCodes {
    static final int OK = 0;
    /** The input was fine but the solve did not converge, or something failed inside. */
    static final int FAILURE = 1;
    /** Bad input: unknown names, wrong dimensions, malformed files or expressions. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /**
     * {@code code}, or {@link #FAILURE} with one line on {@code err} when {@code out} could not be written (a closed
     * pipe, a full disk): a result that did not reach its reader is not a success.
     */
    static int written(PrintWriter out, PrintWriter err, int code) {
        if (out.checkError()) {
            err.println("error: the output could not be written");
            err.flush();
            return FAILURE;
        }
        return code;
    }
}
