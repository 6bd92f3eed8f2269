package io.fixpoint.expr;

import java.util.List;

/** The parsed tree: constants, names and operations. Compiled to a flat tape before evaluation. */
sealed interface Node {

    record Constant(double value) implements Node {
    }

    record Name(String name, int column) implements Node {
    }

    /** An operation on one or two arguments ({@code args.size()} is the op's arity). */
    record Apply(Op op, List<Node> args) implements Node {
    }
}
