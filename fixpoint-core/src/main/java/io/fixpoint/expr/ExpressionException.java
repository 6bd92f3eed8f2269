package io.fixpoint.expr;

/**
 * A malformed expression or a name that cannot be bound. The message says what went wrong and, for
 * syntax errors, the 1-based column where it was found.
 */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    ExpressionException(String message, int column) {
        super(column > 0 ? message + " at column " + column : message);
        this.column = column;
    }

    /** The 1-based column of the offending text, or 0 when the error is not tied to one place. */
    public int column() {
        return column;
    }
}
