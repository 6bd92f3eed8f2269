package io.fixpoint.cli;

import io.fixpoint.expr.CompiledExpression;
import io.fixpoint.expr.Expression;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.RootProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * n expressions in n named variables, as a vector function with its exact Jacobian (reverse-mode
 * derivatives of each component), seen as a fixed-point map or as a root problem. Every user mistake
 * (count mismatch, unknown or repeated names, a wrong start, a start where the function is not finite)
 * is a {@link UserError}.
 */
final class ExpressionSystem {
    private final List<String> names;
    private final CompiledExpression[] components;
    private final double[] gradient;

    private ExpressionSystem(List<String> names, CompiledExpression[] components) {
        this.names = names;
        this.components = components;
        this.gradient = new double[names.size()];
    }

    /**
     * Parses {@code "E1; E2; ..."} over the comma-separated {@code vars}.
     *
     * @param what what the expressions are, for messages ("--map", "--equations")
     */
    static ExpressionSystem parse(String what, String text, String vars) {
        List<String> names = parseNames(vars);
        List<Expression> list = Expression.parseList(text);
        if (list.size() != names.size()) {
            throw new UserError(what + " has " + list.size() + " expression" + (list.size() == 1 ? "" : "s") + " but --vars names "
                    + names.size() + " variable" + (names.size() == 1 ? "" : "s") + " (" + String.join(",", names) + "); they must match");
        }
        CompiledExpression[] compiled = new CompiledExpression[list.size()];
        for (int i = 0; i < compiled.length; i++) {
            Expression e = list.get(i);
            for (String v : e.variables()) {
                if (!names.contains(v)) {
                    throw new UserError(what + " expression " + (i + 1) + " '" + e.text() + "' uses unknown variable '" + v
                            + "'; --vars declares " + String.join(",", names));
                }
            }
            compiled[i] = e.compile(names);
        }
        return new ExpressionSystem(names, compiled);
    }

    static List<String> parseNames(String vars) {
        List<String> names = new ArrayList<>();
        for (String s : vars.split(",", -1)) {
            String t = s.strip();
            if (!t.matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw new UserError("--vars must be comma-separated names like x,y; got '" + vars + "'");
            }
            names.add(t);
        }
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new UserError("--vars repeats a name: " + vars);
        }
        return names;
    }

    /** Parses the start point, which must have one finite number per variable. */
    double[] start(String text) {
        return point(text, names);
    }

    /** A --start point: one finite number per name. */
    static double[] point(String text, List<String> names) {
        String[] parts = text.split(",", -1);
        if (parts.length != names.size()) {
            throw new UserError("--start has " + parts.length + " value" + (parts.length == 1 ? "" : "s") + " but there are "
                    + names.size() + " variables (" + String.join(",", names) + ")");
        }
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                x[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserError("--start value " + (i + 1) + " is not a number: '" + parts[i].strip() + "'");
            }
            if (!Double.isFinite(x[i])) {
                throw new UserError("--start value " + (i + 1) + " is not finite: " + parts[i].strip());
            }
        }
        return x;
    }

    /** Throws unless every component is finite at {@code x}. */
    void requireFiniteAt(String what, double[] x) {
        for (int i = 0; i < components.length; i++) {
            double v = components[i].evaluate(x);
            if (!Double.isFinite(v)) {
                throw new UserError(what + " expression " + (i + 1) + " is " + v + " at the start point " + Arrays.toString(x));
            }
        }
    }

    int dimension() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    void values(double[] x, double[] out) {
        for (int i = 0; i < components.length; i++) {
            out[i] = components[i].evaluate(x);
        }
    }

    void jacobian(double[] x, double[] jac) {
        int n = names.size();
        for (int i = 0; i < n; i++) {
            components[i].evaluate(x, gradient);
            System.arraycopy(gradient, 0, jac, i * n, n);
        }
    }

    FixedPointMap asMap() {
        ExpressionSystem self = this;
        return new FixedPointMap() {
            @Override
            public int dimension() {
                return self.dimension();
            }

            @Override
            public void apply(double[] x, double[] out) {
                self.values(x, out);
            }

            @Override
            public boolean hasJacobian() {
                return true;
            }

            @Override
            public void jacobian(double[] x, double[] jac) {
                self.jacobian(x, jac);
            }
        };
    }

    RootProblem asRootProblem() {
        return RootProblem.of(dimension(), this::values, this::jacobian);
    }
}
