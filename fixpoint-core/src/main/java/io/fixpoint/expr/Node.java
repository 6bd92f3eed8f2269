package io.fixpoint.expr;

/**
 * One instruction of a parsed expression in postfix order: a constant, a name, or an op applied to
 * the results of the instructions before it. A flat list, so nothing that reads an expression
 * recurses on its depth.
 */
sealed interface Node {

    record Constant(double value) implements Node {
    }

    /** A name: a variable, or the constant {@code pi} or {@code e} when no variable of that name is bound. */
    record Name(String name, int column) implements Node {
    }

    /** An operation on the last {@code op.arity} results. */
    record Apply(Op op) implements Node {
    }
}
