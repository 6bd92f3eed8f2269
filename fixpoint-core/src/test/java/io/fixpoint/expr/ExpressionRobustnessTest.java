package io.fixpoint.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Hostile sizes parse, compile, evaluate and differentiate without exhausting the call stack, and
 * declared variables shadow the constants pi and e.
 */
class ExpressionRobustnessTest {
    private static final int DEEP = 20_000; // the recursive parser overflowed at about 1,650

    @Test
    void deeplyNestedParenthesesWork() {
        String text = "(".repeat(DEEP) + "x+1" + ")".repeat(DEEP);
        CompiledExpression c = Expression.parse(text).compile("x");
        double[] g = new double[1];
        assertThat(c.evaluate(new double[] {2}, g)).isEqualTo(3);
        assertThat(g[0]).isEqualTo(1);
    }

    @Test
    void deeplyNestedCallsWork() {
        String text = "sin(".repeat(DEEP) + "x" + ")".repeat(DEEP);
        CompiledExpression c = Expression.parse(text).compile("x");
        double[] g = new double[1];
        double[] hv = new double[1];
        double x = 1e-3; // sin∘…∘sin stays close to the identity for small x
        double value = c.evaluate(new double[] {x}, g);
        assertThat(value).isBetween(0.0, x);
        assertThat(g[0]).isBetween(0.0, 1.0);
        assertThat(c.hessianVector(new double[] {x}, new double[] {1}, hv)).isEqualTo(value);
        assertThat(hv[0]).isFinite();
    }

    @Test
    void longFlatSumsWork() {
        StringBuilder b = new StringBuilder("x");
        for (int i = 1; i < DEEP; i++) {
            b.append(i % 2 == 0 ? " + x" : " - 0.5*x^2");
        }
        CompiledExpression c = Expression.parse(b.toString()).compile("x");
        double[] g = new double[1];
        int squares = DEEP / 2;
        assertThat(c.evaluate(new double[] {2}, g)).isEqualTo(2.0 * (DEEP - squares) - 2.0 * squares);
        assertThat(g[0]).isEqualTo((DEEP - squares) - 2.0 * squares);
    }

    @Test
    void longChainsOfSignsAndPowersWork() {
        String signs = "-".repeat(DEEP) + "x"; // an even number of minus signs
        assertThat(Expression.parse(signs).compile("x").evaluate(new double[] {3})).isEqualTo(3);
        String powers = "x" + "^1".repeat(DEEP); // right-associative: x^(1^(1^…))
        assertThat(Expression.parse(powers).compile("x").evaluate(new double[] {3})).isEqualTo(3);
    }

    @Test
    void deepErrorsStillNameTheColumn() {
        String text = "(".repeat(DEEP) + "x+";
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("unexpected end of expression at column " + (DEEP + 3));
        String open = "(".repeat(DEEP) + "x";
        assertThatThrownBy(() -> Expression.parse(open)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'(' is never closed at column " + DEEP);
    }

    @Test
    void declaredVariablesShadowTheConstants() {
        Expression half = Expression.parse("e/2");
        assertThat(half.compile("e").evaluate(new double[] {4})).isEqualTo(2);
        assertThat(half.compile("x").evaluate(new double[] {4})).isEqualTo(Math.E / 2);
        double[] g = new double[1];
        half.compile("e").evaluate(new double[] {4}, g);
        assertThat(g[0]).isEqualTo(0.5);
        Expression circle = Expression.parse("pi*r^2 + e");
        assertThat(circle.compile("pi", "r").evaluate(new double[] {3, 2})).isEqualTo(12 + Math.E);
        assertThat(circle.variables()).containsExactly("r");
        assertThat(circle.names()).containsExactly("pi", "r", "e");
    }
}
