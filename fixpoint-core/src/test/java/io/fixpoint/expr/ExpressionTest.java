package io.fixpoint.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static double eval(String text, double x) {
        return Expression.parse(text).compile("x").evaluate(new double[] {x});
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-x^2          | 3 | -9",
        "2^3^2         | 0 | 512",
        "-2^2          | 0 | -4",
        "(-2)^2        | 0 | 4",
        "2^-1          | 0 | 0.5",
        "1-2-3         | 0 | -4",
        "8/4/2         | 0 | 1",
        "2*3+4*5       | 0 | 26",
        "2+3*4^2       | 0 | 50",
        "-x*-x         | 3 | 9",
        "+x - -x       | 3 | 6",
        "x**2*3        | 2 | 12",
        ".5e1 + 1E-1   | 0 | 5.1",
        "pow(x, 3)     | 2 | 8",
        "2*pi          | 0 | 6.283185307179586",
        "log(e)        | 0 | 1",
        "abs(-x)       | 2 | 2",
        "atan(1)*4     | 0 | 3.141592653589793",
        "sqrt(x)       | 16 | 4",
    })
    void precedenceAndValues(String text, double x, double expected) {
        assertThat(eval(text, x)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void erfMatchesReferenceValues() {
        // reference values: erf(0.5), erf(1), erf(2), erf(3.5), erf(-1)
        assertThat(eval("erf(x)", 0.5)).isCloseTo(0.5204998778130465, within(1e-15));
        assertThat(eval("erf(x)", 1)).isCloseTo(0.8427007929497149, within(1e-15));
        assertThat(eval("erf(x)", 2)).isCloseTo(0.9953222650189527, within(1e-15));
        assertThat(eval("erf(x)", 3.5)).isCloseTo(0.9999992569016276, within(1e-15));
        assertThat(eval("erf(x)", -1)).isCloseTo(-0.8427007929497149, within(1e-15));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x + )         | unexpected ')' at column 5",
        "(x + 1        | '(' is never closed at column 1",
        "x +           | unexpected end of expression at column 4",
        "x $ 2         | unexpected '$' at column 3",
        "2x            | unexpected 'x' at column 2",
        "foo(x)        | unknown function 'foo'",
        "1 + foo(x)    | at column 5",
        "pow(x)        | function 'pow' takes 2 arguments but got 1 at column 1",
        "exp(x, 2)     | function 'exp' takes 1 argument but got 2",
        "exp + 1       | 'exp' is a function",
        "1e+           | malformed number '1e+' at column 1",
        "1.2.3         | malformed number '1.2.3' at column 1",
        "x*(y          | '(' is never closed at column 3",
    })
    void syntaxErrorsNameTheColumn(String text, String message) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(ExpressionException.class).hasMessageContaining(message);
    }

    @Test
    void emptyExpressionIsAnError() {
        assertThatThrownBy(() -> Expression.parse("   ")).isInstanceOf(ExpressionException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Expression.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnIsExposed() {
        ExpressionException e = (ExpressionException) catchThrowable("1 + * 2");
        assertThat(e.column()).isEqualTo(5);
    }

    private static Throwable catchThrowable(String text) {
        try {
            Expression.parse(text);
            return null;
        } catch (ExpressionException e) {
            return e;
        }
    }

    @Test
    void variablesInOrderOfFirstUseWithoutConstants() {
        assertThat(Expression.parse("b1*(1-exp(-b2*x)) + pi*e*b1").variables()).containsExactly("b1", "b2", "x");
    }

    @Test
    void unknownVariableIsNamedAtCompile() {
        Expression ex = Expression.parse("a*x + q");
        assertThatThrownBy(() -> ex.compile("a", "x")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("unknown variable 'q'").hasMessageContaining("column 7");
    }

    @Test
    void compiledFormRejectsWrongLength() {
        CompiledExpression c = Expression.parse("a*x").compile("a", "x");
        assertThatThrownBy(() -> c.evaluate(new double[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 1");
    }

    @Test
    void unusedNamesGetZeroGradient() {
        CompiledExpression c = Expression.parse("a*a").compile("a", "unused");
        double[] g = {7, 7};
        assertThat(c.evaluate(new double[] {3, 1}, g)).isEqualTo(9);
        assertThat(g).containsExactly(6, 0);
    }

    @Test
    void constantExpressionHasZeroGradient() {
        CompiledExpression c = Expression.parse("2*pi").compile("x");
        double[] g = {1};
        c.evaluate(new double[] {1}, g);
        assertThat(g).containsExactly(0);
    }

    @Test
    void squareOfNegativeBaseHasFiniteDerivative() {
        CompiledExpression c = Expression.parse("x^2 + x^3").compile("x");
        double[] g = new double[1];
        assertThat(c.evaluate(new double[] {-2}, g)).isEqualTo(-4);
        assertThat(g[0]).isEqualTo(-4 + 12);
    }

    @Test
    void listParsingWithColumnsRelativeToWholeText() {
        List<Expression> list = Expression.parseList("x*y - 1; x - y");
        assertThat(list).hasSize(2);
        assertThat(list.get(1).compile("x", "y").evaluate(new double[] {3, 1})).isEqualTo(2);
        assertThatThrownBy(() -> Expression.parseList("x + 1; x + )")).hasMessageContaining("column 12");
        assertThatThrownBy(() -> Expression.parseList("x;;y")).hasMessageContaining("empty expression");
    }
}
