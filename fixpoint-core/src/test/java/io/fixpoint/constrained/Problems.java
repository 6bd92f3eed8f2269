package io.fixpoint.constrained;

import io.fixpoint.expr.Expression;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.ExpressionProblem;
import java.util.Arrays;
import java.util.List;

/** Small constrained problems written as expressions, with published answers where they have one. */
final class Problems {
    private Problems() {
    }

    /** A problem in x1..xn with the given constraints and bounds lo/hi (null for none). */
    static ConstrainedProblem of(int n, String objective, double[] lo, double[] hi, String... constraints) {
        List<String> vars = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            vars.add("x" + i);
        }
        double[] l = lo == null ? fill(n, Double.NEGATIVE_INFINITY) : lo;
        double[] h = hi == null ? fill(n, Double.POSITIVE_INFINITY) : hi;
        return ExpressionProblem.constrained(Expression.parse(objective), Arrays.stream(constraints).map(ExpressionProblem.Constraint::parse).toList(),
                vars, new Bounds(l, h));
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Hock–Schittkowski 71: f* = 17.0140173 at (1, 4.7429994, 3.8211503, 1.3794082). */
    static ConstrainedProblem hs71() {
        return of(4, "x1*x4*(x1 + x2 + x3) + x3", fill(4, 1), fill(4, 5), "x1*x2*x3*x4 >= 25", "x1^2 + x2^2 + x3^2 + x4^2 = 40");
    }

    /** Hock–Schittkowski 35: f* = 1/9 at (4/3, 7/9, 4/9). */
    static ConstrainedProblem hs35() {
        return of(3, "9 - 8*x1 - 6*x2 - 4*x3 + 2*x1^2 + 2*x2^2 + x3^2 + 2*x1*x2 + 2*x1*x3", fill(3, 0), null, "x1 + x2 + 2*x3 <= 3");
    }

    /** Hock–Schittkowski 6: f* = 0 at (1, 1), from (−1.2, 1). */
    static ConstrainedProblem hs6() {
        return of(2, "(1 - x1)^2", null, null, "10*(x2 - x1^2) = 0");
    }

    /** Hock–Schittkowski 15: f* = 306.5 at (0.5, 2), from (−2, 1). */
    static ConstrainedProblem hs15() {
        return of(2, "100*(x2 - x1^2)^2 + (1 - x1)^2", null, new double[] {0.5, Double.POSITIVE_INFINITY}, "x1*x2 >= 1", "x1 + x2^2 >= 0");
    }
}
