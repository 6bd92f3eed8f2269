package io.fixpoint.expr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Reverse-mode gradients agree with central finite differences at random points. */
class ExpressionDerivativesTest {

    @Provide
    Arbitrary<String> expressions() {
        return SampleExpressions.arbitrary();
    }

    @Property(tries = 300)
    void gradientMatchesCentralDifferences(@ForAll("expressions") String text,
            @ForAll @DoubleRange(min = 0.2, max = 2) double b1, @ForAll @DoubleRange(min = -1.5, max = 1.5) double b2,
            @ForAll @DoubleRange(min = 0.3, max = 2) double b3, @ForAll @DoubleRange(min = 0.1, max = 3) double x) {
        CompiledExpression c = Expression.parse(text).compile("b1", "b2", "b3", "x");
        double[] p = {b1, b2, b3, x};
        double[] g = new double[4];
        double v = c.evaluate(p, g);
        assertThat(v).isEqualTo(c.evaluate(p));
        for (int i = 0; i < 4; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[i])); // small: sin(2πx/b3) at b3 = 0.3 has large third derivatives
            double[] q = p.clone();
            q[i] = p[i] + h;
            double up = c.evaluate(q);
            q[i] = p[i] - h;
            double down = c.evaluate(q);
            double fd = (up - down) / (2 * h);
            assertThat(g[i]).as("d(%s)/d%s at %s", text, c.names().get(i), java.util.Arrays.toString(p))
                    .isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }
}
