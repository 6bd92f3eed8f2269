package io.fixpoint.fixedpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NO_FIXED_POINT is a claim: maps whose fixed point is merely far away must never get it. */
class FixedPointCertificatesTest {

    static FixedPointMap map(DoubleUnaryOperator t) {
        return FixedPointMap.of(1, (x, out) -> out[0] = t.applyAsDouble(x[0]));
    }

    /**
     * Maps with a distant fixed point that drift at nearly unit speed for thousands of steps: the
     * displacement estimate barely moves between k = 8 and 16, which used to be taken for a certificate.
     */
    static Stream<Arguments> distantFixedPoints() {
        DoubleUnaryOperator slowContraction = x -> x + 1 - x / 1e6;     // x* = 10⁶, T' = 1 − 10⁻⁶
        DoubleUnaryOperator tanh = x -> x + 1 - 2 * Math.tanh(x / 1e6); // x* = 10⁶·atanh(½)
        DoubleUnaryOperator cubic = x -> x + 1 - x * x * x / 1e18;      // x* = 10⁶
        return Stream.of(Arguments.of("picard", slowContraction), Arguments.of("km", slowContraction), Arguments.of("halpern", slowContraction),
                Arguments.of("halpern-restart", slowContraction), Arguments.of("anderson", slowContraction),
                Arguments.of("picard", tanh), Arguments.of("km", tanh), Arguments.of("halpern", tanh), Arguments.of("anderson", tanh),
                Arguments.of("picard", cubic), Arguments.of("km", cubic), Arguments.of("halpern", cubic), Arguments.of("anderson", cubic));
    }

    @ParameterizedTest
    @MethodSource("distantFixedPoints")
    void aDistantFixedPointIsNotDeclaredMissing(String method, DoubleUnaryOperator t) {
        Solution s = Catalog.builtIn().fixedPoint(method).solve(map(t), new double[] {0});
        assertThat(s.status()).as(s.toString()).isNotEqualTo(Status.NO_FIXED_POINT);
        if (s.converged()) {
            assertThat(Math.abs(s.x()[0] - t.applyAsDouble(s.x()[0]))).isLessThanOrEqualTo(1e-12);
        }
    }

    /** A true detection says how far it has looked: no fixed point within ‖x_k − x₀‖/2 of the start, for a nonexpansive T. */
    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern", "halpern-restart"})
    void aDetectionStatesTheRadiusItRulesOut(String method) {
        Solution s = Catalog.builtIn().fixedPoint(method).solve(map(x -> x + 1), new double[] {0});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
        double radius = (Double) s.details().get("noFixedPointWithin");
        double scale = method.equals("km") ? 0.5 : 1; // KM moves α = ½ per step
        assertThat(radius).isCloseTo(scale * (method.startsWith("halpern") ? s.iterations() / 2.0 : s.iterations()) / 2, within(2.0));
        assertThat(s.message()).contains("no fixed point lies within");
    }
}
