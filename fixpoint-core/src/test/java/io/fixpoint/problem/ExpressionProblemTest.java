package io.fixpoint.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.expr.Expression;
import io.fixpoint.expr.ExpressionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionProblemTest {
    private static final List<String> XY = List.of("x", "y");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x + y <= 1      | LESS_EQUAL    | 2.5",
        "x*y >= 2*x      | GREATER_EQUAL | 0",
        "x*y >= x        | GREATER_EQUAL | -1.5",
        "x^2 = y         | EQUAL         | 0.25",
        "x^2 == y        | EQUAL         | 0.25",
    })
    void constraintsParseIntoTheirSignedFunction(String text, ExpressionProblem.Relation relation, double valueAtPoint) {
        ExpressionProblem.Constraint c = ExpressionProblem.Constraint.parse(text);
        assertThat(c.relation()).isEqualTo(relation);
        ConstrainedProblem p = ExpressionProblem.constrained(Expression.parse("0*x"), List.of(c), XY, Bounds.unbounded(2));
        double[] v = new double[1];
        p.constraints(new double[] {1.5, 2}, v);
        assertThat(v[0]).isEqualTo(valueAtPoint); // c = lhs − rhs, or rhs − lhs for >=, at (1.5, 2)
    }

    @Test
    void malformedConstraintsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ExpressionProblem.Constraint.parse("x + y")).hasMessageContaining("no relation");
        assertThatThrownBy(() -> ExpressionProblem.Constraint.parse("x < y")).hasMessageContaining("'<='");
        assertThatThrownBy(() -> ExpressionProblem.Constraint.parse("x <= y <= 2")).hasMessageContaining("more than one relation");
        assertThatThrownBy(() -> ExpressionProblem.Constraint.parse(" <= 2")).hasMessageContaining("both sides");
        assertThatThrownBy(() -> ExpressionProblem.Constraint.parse("x <= y +")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("column 9");
        List<ExpressionProblem.Constraint> unknown = List.of(ExpressionProblem.Constraint.parse("x + q <= 1"));
        assertThatThrownBy(() -> ExpressionProblem.constrained(Expression.parse("x"), unknown, XY, Bounds.unbounded(2)))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("unknown variable 'q'");
    }

    @Test
    void equalitiesComeFirstInTheGivenOrder() {
        List<ExpressionProblem.Constraint> cs = List.of(ExpressionProblem.Constraint.parse("x <= 1"), ExpressionProblem.Constraint.parse("y = 2"),
                ExpressionProblem.Constraint.parse("x >= -1"), ExpressionProblem.Constraint.parse("x = y"));
        assertThat(ExpressionProblem.equalitiesFirst(cs)).extracting(ExpressionProblem.Constraint::text)
                .containsExactly("y = 2", "x = y", "x <= 1", "x >= -1");
        ConstrainedProblem p = ExpressionProblem.constrained(Expression.parse("x"), cs, XY, Bounds.unbounded(2));
        assertThat(p.equalityCount()).isEqualTo(2);
        assertThat(p.inequalityCount()).isEqualTo(2);
    }

    @Test
    void jacobianAndLagrangianHessianMatchFiniteDifferences() {
        ConstrainedProblem p = ExpressionProblem.constrained(Expression.parse("exp(x*y) + x^4"),
                List.of(ExpressionProblem.Constraint.parse("sin(x) + y^3 >= x*y"), ExpressionProblem.Constraint.parse("x^2*y = log(1 + y^2)")),
                XY, Bounds.unbounded(2));
        double[] x = {0.3, -0.7};
        double[] y = {0.8, -1.3};
        double[] jac = new double[4];
        p.constraintJacobian(x, jac);
        double h = 1e-6;
        double[] up = new double[2];
        double[] down = new double[2];
        for (int j = 0; j < 2; j++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h;
            b[j] -= h;
            p.constraints(a, up);
            p.constraints(b, down);
            for (int i = 0; i < 2; i++) {
                assertThat(jac[i * 2 + j]).isCloseTo((up[i] - down[i]) / (2 * h), within(1e-8));
            }
        }
        // ∇²L by central differences of ∇L = ∇f + Jᵀy
        double[] hess = new double[4];
        p.lagrangianHessian(x, y, hess);
        for (int j = 0; j < 2; j++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h;
            b[j] -= h;
            double[] ga = lagrangianGradient(p, a, y);
            double[] gb = lagrangianGradient(p, b, y);
            for (int i = 0; i < 2; i++) {
                assertThat(hess[i * 2 + j]).isCloseTo((ga[i] - gb[i]) / (2 * h), within(1e-6));
            }
        }
    }

    private static double[] lagrangianGradient(ConstrainedProblem p, double[] x, double[] y) {
        double[] g = new double[2];
        double[] jac = new double[4];
        p.objective().gradient(x, g);
        p.constraintJacobian(x, jac);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                g[j] += y[i] * jac[i * 2 + j];
            }
        }
        return g;
    }

    @Test
    void countedViewCountsEachKind() {
        Counts counts = new Counts();
        ConstrainedProblem p = ExpressionProblem.constrained(Expression.parse("x*y"), List.of(ExpressionProblem.Constraint.parse("x + y <= 1")),
                XY, Bounds.unbounded(2)).counted(counts);
        double[] x = {1, 2};
        p.objective().valueAndGradient(x, new double[2]);
        p.constraints(x, new double[1]);
        p.constraints(x, new double[1]);
        p.constraintJacobian(x, new double[2]);
        p.lagrangianHessian(x, new double[1], new double[4]);
        assertThat(counts.get(Evaluation.VALUE)).isEqualTo(1);
        assertThat(counts.get(Evaluation.GRADIENT)).isEqualTo(1);
        assertThat(counts.get(Evaluation.CONSTRAINTS)).isEqualTo(2);
        assertThat(counts.get(Evaluation.CONSTRAINT_JACOBIAN)).isEqualTo(1);
        assertThat(counts.get(Evaluation.HESSIAN)).isEqualTo(1);
    }
}
