package io.fixpoint.derivativefree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nelder–Mead and the interpolation trust region on functions with known minimisers, using values only. */
class DerivativeFreeSolversTest {
    private static final Driver DRIVER = Driver.builder().tolerances(Tolerances.of(1e-6)).maxIterations(20_000).build();

    static Stream<String> methods() {
        return Catalog.builtIn().of(ProblemKind.MINIMIZATION).stream().filter(s -> s.family().equals(Catalog.DERIVATIVE_FREE))
                .map(SolverSpec::name);
    }

    /** f from values only: asking for a gradient fails the test. */
    static Objective valuesOnly(int n, java.util.function.ToDoubleFunction<double[]> f) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                return f.applyAsDouble(x);
            }

            @Override
            public void gradient(double[] x, double[] g) {
                throw new AssertionError("a derivative-free method asked for a gradient");
            }
        };
    }

    static final Objective ROSENBROCK = valuesOnly(2, x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2));

    @ParameterizedTest
    @MethodSource("methods")
    void rosenbrockFromTheStandardStart(String method) {
        Solution s = DRIVER.solve(Catalog.builtIn().minimizer(method).create(), ROSENBROCK, new double[] {-1.2, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-5));
        assertThat(s.evaluations().byName()).containsOnlyKeys("value");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void illConditionedQuadraticInFourDimensions(String method) {
        // f = Σ 10^i (x_i − i)²: minimiser (0, 1, 2, 3), f* = 0
        Objective f = valuesOnly(4, x -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += Math.pow(10, i) * (x[i] - i) * (x[i] - i);
            }
            return s;
        });
        Solution s = DRIVER.solve(Catalog.builtIn().minimizer(method).create(), f, new double[] {1, 1, 1, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {0, 1, 2, 3}, within(1e-4));
        assertThat(s.value()).isLessThan(1e-8);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void aSlopeNeverConvergesAndTheCertificateSaysWhy(String method) {
        // f = x₁ + x₂ has no minimiser: the sample set runs downhill and the certificate stays ≥ ‖∇f‖ = √2
        Objective slope = valuesOnly(2, x -> x[0] + x[1]);
        Solution s = Driver.builder().tolerances(Tolerances.of(1e-6)).maxIterations(300).build()
                .solve(Catalog.builtIn().minimizer(method).create(), slope, new double[] {0, 0});
        assertThat(s.status()).isNotEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isGreaterThan(1);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void aNanRegionIsAvoidedOrReported(String method) {
        // √(x − 1) + (y − 2)² is NaN left of x = 1: minimiser (1, 2) on the edge of the domain
        Objective f = valuesOnly(2, x -> Math.sqrt(x[0] - 1) + (x[1] - 2) * (x[1] - 2));
        Solution s = DRIVER.solve(Catalog.builtIn().minimizer(method).create(), f, new double[] {3, 0});
        assertThat(s.value()).isFinite();
        assertThat(s.value()).isLessThan(0.1);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void sameStartSameBits(String method) {
        Solution a = DRIVER.solve(Catalog.builtIn().minimizer(method).create(), ROSENBROCK, new double[] {-1.2, 1});
        Solution b = DRIVER.solve(Catalog.builtIn().minimizer(method).create(), ROSENBROCK, new double[] {-1.2, 1});
        assertThat(b.x()).containsExactly(a.x());
        assertThat(b.evaluations()).isEqualTo(a.evaluations());
    }

    @Test
    void nelderMeadUsesGaoHanCoefficientsInOneIterationOnAPlane() {
        // on f = x₁ (n = 2) the first reflection is followed by an expansion of factor β = 1 + 2/n = 2
        Solution s = Driver.builder().maxIterations(1).build().solve(new NelderMead(), valuesOnly(2, x -> x[0]), new double[] {1, 1});
        // initial simplex (1,1), (1.05,1), (1,1.05); worst (1.05, 1); centroid (1, 1.025); reflected (0.95, 1.05); expanded (0.9, 1.075)
        assertThat(s.x()).containsExactly(new double[] {0.9, 1.075}, within(1e-15));
        assertThat(s.evaluations().byName().get("value")).isEqualTo(5L);
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatThrownBy(() -> new ModelTrustRegion(0)).hasMessageContaining("initialRadius");
        assertThatThrownBy(() -> Catalog.builtIn().minimizer("simplex")).hasMessageContaining("nelder-mead");
    }
}
