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
    private final double[] tangents;
    private final double[] adjointTangents;
    private final double[] gradient;
    private final double[] unit;
    private final double[] column;

    CompiledExpression(List<String> names, Tape tape) {
        this.names = names;
        this.tape = tape;
        this.values = new double[tape.length()];
        this.adjoints = new double[tape.length()];
        this.tangents = new double[tape.length()];
        this.adjointTangents = new double[tape.length()];
        this.gradient = new double[names.size()];
        this.unit = new double[names.size()];
        this.column = new double[names.size()];
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

    /**
     * The value at {@code x}, writing the exact Hessian-vector product ∇²f(x)·v into {@code hv}
     * (forward-over-reverse automatic differentiation: one forward and one reverse sweep, about
     * three times the cost of a gradient).
     */
    public double hessianVector(double[] x, double[] v, double[] hv) {
        check(x.length, "values");
        check(v.length, "direction");
        check(hv.length, "product");
        return tape.hessianVector(x, v, values, tangents, adjoints, adjointTangents, gradient, hv);
    }

    /**
     * The value at {@code x}, writing the exact Hessian into {@code h} (row-major n×n) from n
     * Hessian-vector products along the unit vectors, symmetrised by averaging h and hᵀ (they agree
     * to rounding). Meant for the small n of expressions typed by hand.
     */
    public double hessian(double[] x, double[] h) {
        int n = names.size();
        check(x.length, "values");
        if (h.length != n * n) {
            throw new IllegalArgumentException("Hessian has length " + h.length + " but needs " + n * n + " for " + n + " names");
        }
        double value = 0;
        for (int j = 0; j < n; j++) {
            unit[j] = 1;
            value = tape.hessianVector(x, unit, values, tangents, adjoints, adjointTangents, gradient, column);
            unit[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i * n + j] = column[i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = mean;
                h[j * n + i] = mean;
            }
        }
        return n == 0 ? evaluate(x) : value;
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
