package io.fixpoint.expr;

import java.util.List;

/**
 * An expression compiled to a flat program over an ordered list of names. Evaluation allocates
 * nothing: the program keeps its own value and adjoint workspaces, so one instance must not be
 * shared between threads ({@link #copy()} gives an independent one).
 */
public final class CompiledExpression {
    private final List<String> names;
    private final Tape tape;
    private final double[] values;
    private final double[] adjoints;

    CompiledExpression(List<String> names, Tape tape) {
        this.names = names;
        this.tape = tape;
        this.values = new double[tape.length()];
        this.adjoints = new double[tape.length()];
    }

    /** The names bound to the positions of the argument vector. */
    public List<String> names() {
        return names;
    }

    /** The value at {@code x}, where {@code x[i]} is the value of {@code names().get(i)}. */
    public double evaluate(double[] x) {
        check(x.length, "values");
        return tape.forward(x, values);
    }

    /** The value at {@code x}, writing the exact gradient with respect to every name into {@code gradient}. */
    public double evaluate(double[] x, double[] gradient) {
        check(x.length, "values");
        check(gradient.length, "gradient");
        double v = tape.forward(x, values);
        tape.reverse(values, adjoints, gradient);
        return v;
    }

    /** An independent instance with its own workspaces, for use on another thread. */
    public CompiledExpression copy() {
        return new CompiledExpression(names, tape);
    }

    private void check(int length, String what) {
        if (length != names.size()) {
            throw new IllegalArgumentException(what + " has length " + length + " but the expression is bound to "
                    + names.size() + " names " + names);
        }
    }
}
