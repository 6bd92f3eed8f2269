package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a minimiser's CONVERGED claims under the catalogue's defaults, tested where it used to be false. */
class MinimizerCertificatesTest {

    static Stream<Arguments> farStarts() {
        return Catalog.builtIn().names(ProblemKind.MINIMIZATION).stream()
                .flatMap(m -> Stream.of(Arguments.of(m, new double[] {1e4, 1}), Arguments.of(m, new double[] {1000, 1})));
    }

    /**
     * From a far start ‖∇f(x₀)‖ is huge (4·10¹⁴ at (10⁴, 1)) and 10⁻¹⁰ of it used to accept points
     * nowhere near stationary (Newton: f ≈ 10⁸ after one step; L-BFGS from (1000, 1): f = 1.89).
     * Rosenbrock's only stationary point is (1, 1): a solve either reaches it or says it did not.
     */
    @ParameterizedTest
    @MethodSource("farStarts")
    void aFarStartIsNeverCertifiedAwayFromTheStationaryPoint(String method, double[] x0) {
        SolverSpec<Objective> spec = Catalog.builtIn().minimizer(method);
        Objective f = TestObjectives.rosenbrock();
        Solution s = spec.solve(f, x0);
        double[] g = new double[2];
        double value = f.valueAndGradient(s.x(), g);
        if (s.converged()) {
            assertThat(Vectors.distance(s.x(), new double[] {1, 1})).as(s.toString()).isLessThan(1e-3);
            assertThat(Vectors.norm(g)).as(s.toString()).isLessThanOrEqualTo(1e-5 * Math.max(1, value));
        } else {
            assertThat(s.message()).as("a non-converged solve says why").isNotBlank();
            assertThat(value).isPositive();
        }
    }
}
