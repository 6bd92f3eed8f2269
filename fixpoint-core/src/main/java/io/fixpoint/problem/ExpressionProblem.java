package io.fixpoint.problem;

import io.fixpoint.expr.CompiledExpression;
import io.fixpoint.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Objectives and constrained problems written in the expression language, with exact gradients,
 * Jacobians and Hessians from its automatic differentiation (reverse mode, and forward-over-reverse
 * for second derivatives). Each problem owns its compiled expressions and their workspaces: one
 * solve, one thread.
 */
public final class ExpressionProblem {
    private ExpressionProblem() {
    }

    /** How the two sides of a constraint compare. */
    public enum Relation {
        LESS_EQUAL("<="), GREATER_EQUAL(">="), EQUAL("=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * One constraint {@code lhs REL rhs}; as a component of c(x) it is lhs − rhs (for {@code <=} and
     * {@code =}) or rhs − lhs (for {@code >=}).
     */
    public record Constraint(String text, Expression lhs, Relation relation, Expression rhs) {

        public Constraint {
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(rhs, "rhs");
        }

        /**
         * Parses {@code lhs <= rhs}, {@code lhs >= rhs} or {@code lhs = rhs} ({@code ==} also works), with
         * expressions on both sides; columns in syntax errors count from the start of {@code text}.
         *
         * @throws InvalidProblemException when there is not exactly one relation
         * @throws io.fixpoint.expr.ExpressionException for a malformed side
         */
        public static Constraint parse(String text) {
            Objects.requireNonNull(text, "text");
            int at = -1;
            int width = 0;
            Relation relation = null;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                Relation r = null;
                int w = 1;
                if ((ch == '<' || ch == '>') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                    r = ch == '<' ? Relation.LESS_EQUAL : Relation.GREATER_EQUAL;
                    w = 2;
                } else if (ch == '<' || ch == '>') {
                    throw new InvalidProblemException("constraint '" + text.strip() + "': write '" + ch + "=' (strict inequalities are "
                            + "not supported) at column " + (i + 1));
                } else if (ch == '=') {
                    r = Relation.EQUAL;
                    w = i + 1 < text.length() && text.charAt(i + 1) == '=' ? 2 : 1;
                }
                if (r != null) {
                    if (relation != null) {
                        throw new InvalidProblemException("constraint '" + text.strip() + "' has more than one relation (a second '"
                                + r.symbol() + "' at column " + (i + 1) + ")");
                    }
                    relation = r;
                    at = i;
                    width = w;
                    i += w - 1;
                }
            }
            if (relation == null) {
                throw new InvalidProblemException("constraint '" + text.strip() + "' has no relation: write lhs <= rhs, lhs >= rhs or lhs = rhs");
            }
            String left = text.substring(0, at);
            String right = text.substring(at + width);
            if (left.isBlank() || right.isBlank()) {
                throw new InvalidProblemException("constraint '" + text.strip() + "' needs an expression on both sides of '"
                        + relation.symbol() + "'");
            }
            return new Constraint(text.strip(), Expression.parse(left, 0), relation, Expression.parse(right, at + width));
        }

        public boolean isEquality() {
            return relation == Relation.EQUAL;
        }
    }

    /** f with exact gradient, Hessian and Hessian-vector products, bound to {@code variables} in that order. */
    public static Objective objective(Expression f, List<String> variables) {
        requireKnown("the objective", f, variables);
        return new ExpressionObjective(f.compile(variables));
    }

    /** The constraints reordered as a {@link ConstrainedProblem} holds them: the equalities, then the inequalities, each in the given order. */
    public static List<Constraint> equalitiesFirst(List<Constraint> constraints) {
        List<Constraint> out = new ArrayList<>();
        constraints.stream().filter(Constraint::isEquality).forEach(out::add);
        constraints.stream().filter(c -> !c.isEquality()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * min f subject to the {@code constraints} and the {@code bounds}, with the exact constraint
     * Jacobian and Hessian of the Lagrangian. Component i of c(x) is constraint i of
     * {@link #equalitiesFirst equalitiesFirst(constraints)}.
     *
     * @throws InvalidProblemException when an expression uses a name not in {@code variables}, or the bounds do not match
     */
    public static ConstrainedProblem constrained(Expression f, List<Constraint> constraints, List<String> variables, Bounds bounds) {
        Objective objective = objective(f, variables);
        List<Constraint> ordered = equalitiesFirst(constraints);
        int m = ordered.size();
        CompiledExpression[] lhs = new CompiledExpression[m];
        CompiledExpression[] rhs = new CompiledExpression[m];
        double[] sign = new double[m];
        int equalities = 0;
        for (int i = 0; i < m; i++) {
            Constraint c = ordered.get(i);
            String what = "constraint '" + c.text() + "'";
            requireKnown(what, c.lhs(), variables);
            requireKnown(what, c.rhs(), variables);
            lhs[i] = c.lhs().compile(variables);
            rhs[i] = c.rhs().compile(variables);
            sign[i] = c.relation() == Relation.GREATER_EQUAL ? -1 : 1;
            if (c.isEquality()) {
                equalities++;
            }
        }
        return new ExpressionConstraints((ExpressionObjective) objective, lhs, rhs, sign, equalities, bounds);
    }

    private static void requireKnown(String what, Expression e, List<String> variables) {
        for (String v : e.variables()) {
            if (!variables.contains(v)) {
                throw new InvalidProblemException(what + " uses unknown variable '" + v + "'; the variables are " + String.join(", ", variables));
            }
        }
    }

    private static final class ExpressionObjective implements Objective {
        final CompiledExpression f;

        ExpressionObjective(CompiledExpression f) {
            this.f = f;
        }

        @Override
        public int dimension() {
            return f.names().size();
        }

        @Override
        public double value(double[] x) {
            return f.evaluate(x);
        }

        @Override
        public void gradient(double[] x, double[] g) {
            f.evaluate(x, g);
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            return f.evaluate(x, g);
        }

        @Override
        public boolean hasHessian() {
            return true;
        }

        @Override
        public void hessian(double[] x, double[] h) {
            f.hessian(x, h);
        }

        @Override
        public void hessianVector(double[] x, double[] v, double[] hv) {
            f.hessianVector(x, v, hv);
        }
    }

    private static final class ExpressionConstraints implements ConstrainedProblem {
        private final ExpressionObjective f;
        private final CompiledExpression[] lhs;
        private final CompiledExpression[] rhs;
        private final double[] sign;
        private final int equalities;
        private final Bounds bounds;
        private final double[] gradient;
        private final double[] square;

        ExpressionConstraints(ExpressionObjective f, CompiledExpression[] lhs, CompiledExpression[] rhs, double[] sign, int equalities,
                Bounds bounds) {
            InvalidProblemException.checkDimension("bounds", bounds.dimension(), f.dimension());
            this.f = f;
            this.lhs = lhs;
            this.rhs = rhs;
            this.sign = sign;
            this.equalities = equalities;
            this.bounds = bounds;
            int n = f.dimension();
            this.gradient = new double[n];
            this.square = new double[n * n];
        }

        @Override
        public Objective objective() {
            return f;
        }

        @Override
        public int equalityCount() {
            return equalities;
        }

        @Override
        public int inequalityCount() {
            return lhs.length - equalities;
        }

        @Override
        public void constraints(double[] x, double[] c) {
            for (int i = 0; i < lhs.length; i++) {
                c[i] = sign[i] * (lhs[i].evaluate(x) - rhs[i].evaluate(x));
            }
        }

        @Override
        public void constraintJacobian(double[] x, double[] jac) {
            int n = gradient.length;
            for (int i = 0; i < lhs.length; i++) {
                lhs[i].evaluate(x, gradient);
                for (int j = 0; j < n; j++) {
                    jac[i * n + j] = sign[i] * gradient[j];
                }
                rhs[i].evaluate(x, gradient);
                for (int j = 0; j < n; j++) {
                    jac[i * n + j] -= sign[i] * gradient[j];
                }
            }
        }

        @Override
        public Bounds bounds() {
            return bounds;
        }

        @Override
        public boolean hasLagrangianHessian() {
            return true;
        }

        @Override
        public void lagrangianHessian(double[] x, double[] y, double[] h) {
            f.hessian(x, h);
            for (int i = 0; i < lhs.length; i++) {
                if (y[i] != 0) {
                    add(lhs[i], x, sign[i] * y[i], h);
                    add(rhs[i], x, -sign[i] * y[i], h);
                }
            }
        }

        private void add(CompiledExpression e, double[] x, double weight, double[] h) {
            e.hessian(x, square);
            for (int k = 0; k < h.length; k++) {
                h[k] += weight * square[k];
            }
        }
    }
}
