package io.fixpoint.bench.suite;

import io.fixpoint.expr.Expression;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.ExpressionProblem;
import java.util.List;

/**
 * A constrained problem with a published answer, defined by expressions so that every tool solves
 * the same text: the objective, constraints {@code lhs <= rhs}, {@code lhs >= rhs} or
 * {@code lhs = rhs}, and bounds on the variables.
 *
 * @param name         lower-case name, e.g. {@code hs71}
 * @param suite        the collection it comes from, e.g. {@code hock-schittkowski}
 * @param variables    the variable names, in the order of the start point
 * @param objective    f, in the expression language
 * @param constraints  the constraints, in the expression language
 * @param bounds       simple bounds on the variables
 * @param start        the standard starting point (which may lie outside the bounds; solvers start from its projection)
 * @param knownMinimum the published minimum value f*
 * @param reference    where the problem and f* come from
 */
public record ConstrainedTestProblem(String name, String suite, List<String> variables, String objective, List<String> constraints,
        Bounds bounds, double[] start, double knownMinimum, String reference) {
    /** Largest constraint or bound violation (max-norm) of a solved point. */
    public static final double FEASIBILITY = 1e-6;
    /** Relative excess of f over f* allowed at a solved point (f* is published to 7–10 digits). */
    public static final double VALUE_TOLERANCE = 1e-6;

    public ConstrainedTestProblem {
        variables = List.copyOf(variables);
        constraints = List.copyOf(constraints);
        start = start.clone();
    }

    public int dimension() {
        return variables.size();
    }

    /** A fresh problem with exact derivatives (its own workspaces: one per thread). */
    public ConstrainedProblem problem() {
        return ExpressionProblem.constrained(Expression.parse(objective), parsedConstraints(), variables, bounds);
    }

    /** The constraints in the order a {@link #problem()} holds them: equalities first. */
    public List<ExpressionProblem.Constraint> orderedConstraints() {
        return ExpressionProblem.equalitiesFirst(parsedConstraints());
    }

    private List<ExpressionProblem.Constraint> parsedConstraints() {
        return constraints.stream().map(ExpressionProblem.Constraint::parse).toList();
    }

    /** The start point projected onto the bounds: where every tool starts. */
    public double[] projectedStart() {
        double[] x = start.clone();
        bounds.project(x);
        return x;
    }

    /** f and the largest violation of the constraints and bounds at {@code x}, evaluated without counting. */
    public Judgement judge(double[] x) {
        ConstrainedProblem p = problem();
        double f = p.objective().value(x.clone());
        double[] c = new double[p.constraintCount()];
        p.constraints(x.clone(), c);
        double violation = 0;
        for (int i = 0; i < c.length; i++) {
            violation = Math.max(violation, i < p.equalityCount() ? Math.abs(c[i]) : Math.max(c[i], 0));
        }
        for (int j = 0; j < x.length; j++) {
            violation = Math.max(violation, Math.max(bounds.lower()[j] - x[j], x[j] - bounds.upper()[j]));
        }
        boolean solved = Double.isFinite(f) && violation <= FEASIBILITY
                && f - knownMinimum <= VALUE_TOLERANCE * Math.max(1, Math.abs(knownMinimum));
        return new Judgement(f, violation, solved);
    }

    /**
     * The one judge of a returned point, the same for every tool: <i>solved</i> when the point is
     * feasible to {@link #FEASIBILITY} and f ≤ f* + {@link #VALUE_TOLERANCE}·max(1, |f*|) (a lower
     * value at a feasible point counts: f* is the best published one).
     */
    public record Judgement(double value, double violation, boolean solved) {
    }
}
