package io.fixpoint.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Forward-over-reverse Hessian-vector products agree with central differences of the reverse-mode gradient. */
class ExpressionHessianTest {

    @Provide
    Arbitrary<String> expressions() {
        return SampleExpressions.arbitrary();
    }

    @Property(tries = 300)
    void hessianVectorMatchesDifferencesOfTheGradient(@ForAll("expressions") String text,
            @ForAll @DoubleRange(min = 0.2, max = 2) double b1, @ForAll @DoubleRange(min = -1.5, max = 1.5) double b2,
            @ForAll @DoubleRange(min = 0.3, max = 2) double b3, @ForAll @DoubleRange(min = 0.1, max = 3) double x,
            @ForAll @DoubleRange(min = -1, max = 1) double u) {
        CompiledExpression c = Expression.parse(text).compile("b1", "b2", "b3", "x");
        double[] p = {b1, b2, b3, x};
        double[] v = {u, 1 - u, 0.5, -0.25 * u};
        double[] hv = new double[4];
        assertThat(c.hessianVector(p, v, hv)).isEqualTo(c.evaluate(p));
        double h = 1e-6;
        double[] up = new double[4];
        double[] down = new double[4];
        double[] q = p.clone();
        for (int i = 0; i < 4; i++) {
            q[i] = p[i] + h * v[i];
        }
        c.evaluate(q, up);
        for (int i = 0; i < 4; i++) {
            q[i] = p[i] - h * v[i];
        }
        c.evaluate(q, down);
        for (int i = 0; i < 4; i++) {
            double fd = (up[i] - down[i]) / (2 * h);
            assertThat(hv[i]).as("(∇²f·v)_%d of %s at %s", i, text, java.util.Arrays.toString(p))
                    .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void fullHessianOfRosenbrockIsExactAndSymmetric() {
        CompiledExpression c = Expression.parse("(1-x)^2 + 100*(y-x^2)^2").compile("x", "y");
        double[] h = new double[4];
        assertThat(c.hessian(new double[] {-1.2, 1}, h)).isCloseTo(24.2, within(1e-12));
        // ∇²f = [[2 − 400(y − 3x²), −400x], [−400x, 200]]
        assertThat(h).containsExactly(new double[] {2 - 400 * (1 - 3 * 1.44), 480, 480, 200}, within(1e-9));
    }

    @Test
    void secondDerivativesAtAwkwardPointsStayFinite() {
        // x^2 and x^1 at 0 (pow with constant exponents), sqrt away from 0, abs at 0
        CompiledExpression c = Expression.parse("x^2 + x^1 + y^3 + abs(x)").compile("x", "y");
        double[] h = new double[4];
        c.hessian(new double[] {0, 0}, h);
        assertThat(h).containsExactly(2, 0, 0, 0);
        CompiledExpression constant = Expression.parse("2*pi").compile("x");
        double[] one = new double[1];
        constant.hessian(new double[] {1}, one);
        assertThat(one[0]).isZero();
    }
}
