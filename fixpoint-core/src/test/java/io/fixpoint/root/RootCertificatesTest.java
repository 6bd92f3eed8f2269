package io.fixpoint.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A root solve says CONVERGED only near a root, not where F merely flattens out below the tolerance. */
class RootCertificatesTest {

    static RootProblem scalar(DoubleUnaryOperator f, DoubleUnaryOperator df) {
        return RootProblem.of(1, (x, out) -> out[0] = f.applyAsDouble(x[0]), (x, j) -> j[0] = df.applyAsDouble(x[0]));
    }

    static Stream<String> methods() {
        return Catalog.builtIn().names(ProblemKind.ROOT).stream();
    }

    static Stream<Arguments> asymptotes() {
        return methods().flatMap(m -> Stream.of(Arguments.of(m, "exp(x)"), Arguments.of(m, "1/x")));
    }

    static RootProblem named(String f) {
        return f.equals("exp(x)") ? scalar(Math::exp, Math::exp) : scalar(x -> 1 / x, x -> -1 / (x * x));
    }

    /** exp(x) used to be a root at x = −23.1 (‖F‖ = 9e-11) and 1/x at x = 1.26e10. */
    @ParameterizedTest
    @MethodSource("asymptotes")
    void anAsymptoteIsNotARoot(String method, String f) {
        Solution s = Catalog.builtIn().root(method).solve(named(f), new double[] {1});
        assertThat(s.status()).as(s.toString()).isNotEqualTo(Status.CONVERGED);
        if (s.status() == Status.STALLED && s.optimality() <= 1e-10) {
            assertThat(s.message()).contains("no root is certified near x");
            assertThat((Double) s.details().get("newtonStep")).isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void simpleAndTripleRootsAreConfirmed(String method) {
        Solution simple = Catalog.builtIn().root(method).solve(scalar(x -> x * x - 2, x -> 2 * x), new double[] {1});
        assertThat(simple.status()).as(simple.toString()).isEqualTo(Status.CONVERGED);
        assertThat(simple.x()[0]).isCloseTo(Math.sqrt(2), within(1e-10));
        assertThat((Double) simple.details().get("newtonStep")).isLessThan(1e-9);
        assertThat(simple.evaluations().get(Evaluation.JACOBIAN)).as("the check evaluates J once").isPositive();

        Solution triple = Catalog.builtIn().root(method).solve(scalar(x -> x * x * x, x -> 3 * x * x), new double[] {1});
        assertThat(triple.status()).as(triple.toString()).isEqualTo(Status.CONVERGED);
        assertThat(triple.x()[0]).isCloseTo(0, within(1e-3));
    }
}
