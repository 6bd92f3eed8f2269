package io.fixpoint.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every constrained solver against published Hock–Schittkowski optima, with its KKT certificate checked at the returned point. */
class ConstrainedSolversTest {
    private static final Driver DRIVER = Driver.builder().tolerances(Tolerances.of(1e-8)).maxIterations(2000).build();

    static Stream<String> methods() {
        return Catalog.builtIn().names(ProblemKind.CONSTRAINED).stream();
    }

    static Stream<Arguments> cases() {
        return methods().flatMap(m -> Stream.of(
                Arguments.of(m, "hs71", Problems.hs71(), new double[] {1, 5, 5, 1}, 17.0140173, new double[] {1, 4.7429994, 3.8211503, 1.3794082}),
                Arguments.of(m, "hs35", Problems.hs35(), new double[] {0.5, 0.5, 0.5}, 1.0 / 9, new double[] {4.0 / 3, 7.0 / 9, 4.0 / 9}),
                Arguments.of(m, "hs6", Problems.hs6(), new double[] {-1.2, 1}, 0, new double[] {1, 1}),
                Arguments.of(m, "hs28", Problems.of(3, "(x1 + x2)^2 + (x2 + x3)^2", null, null, "x1 + 2*x2 + 3*x3 - 1 = 0"),
                        new double[] {-4, 1, 1}, 0, new double[] {0.5, -0.5, 0.5})));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void publishedOptimaWithVerifiedKkt(String method, String name, ConstrainedProblem p, double[] x0, double fStar, double[] xStar) {
        Solution s = DRIVER.solve(Catalog.builtIn().constrained(method).create(), p, x0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.value()).isCloseTo(fStar, within(1e-6 * Math.max(1, Math.abs(fStar))));
        assertThat(s.x()).containsExactly(xStar, within(1e-5));
        KktResiduals kkt = verify(p, s);
        assertThat(kkt.max()).isLessThanOrEqualTo(1e-8);
        assertThat(s.optimality()).isEqualTo(kkt.max(), within(1e-12));
    }

    @Test
    void inactiveConstraintAndActiveBoundHaveTheRightMultipliers() {
        // min (x1 − 2)² + (x2 − 1)² s.t. x1 + x2 ≤ 10 (inactive), x1 ≤ 1 (a bound, active): x* = (1, 1)
        ConstrainedProblem p = Problems.of(2, "(x1 - 2)^2 + (x2 - 1)^2", null, new double[] {1, Double.POSITIVE_INFINITY}, "x1 + x2 <= 10");
        for (String m : methods().toList()) {
            Solution s = DRIVER.solve(Catalog.builtIn().constrained(m).create(), p, new double[] {0, 0});
            assertThat(s.status()).isEqualTo(Status.CONVERGED);
            assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-7));
            assertThat(((double[]) s.details().get("multipliers"))[0]).isCloseTo(0, within(1e-7));
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void infeasibleSetsAreReportedAndNeverConverged(String method) {
        Solution disc = DRIVER.solve(Catalog.builtIn().constrained(method).create(), Problems.of(2, "x1 + x2", null, null, "x1^2 + x2^2 <= -1"),
                new double[] {3, 1});
        assertThat(disc.status()).as(disc.toString()).isEqualTo(Status.LOCALLY_INFEASIBLE);
        assertThat(verify(Problems.of(2, "x1 + x2", null, null, "x1^2 + x2^2 <= -1"), disc).feasibility()).isGreaterThanOrEqualTo(1);
        Solution lines = DRIVER.solve(Catalog.builtIn().constrained(method).create(),
                Problems.of(2, "x1^2 + x2^2", null, null, "x1 + x2 = 1", "x1 + x2 >= 3"), new double[] {0, 0});
        assertThat(lines.status()).as(lines.toString()).isEqualTo(Status.LOCALLY_INFEASIBLE);
        assertThat(lines.message()).contains("look infeasible");
        // the violation ½‖v‖² is smallest where x₁ + x₂ = 2: both constraints then miss by 1
        assertThat(lines.x()[0] + lines.x()[1]).isCloseTo(2, within(1e-4));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void boundsInfeasibleWithAConstraintAreReported(String method) {
        // 0 ≤ x ≤ 1 but x ≥ 2
        Solution s = DRIVER.solve(Catalog.builtIn().constrained(method).create(), Problems.of(1, "x1^2", new double[] {0}, new double[] {1}, "x1 >= 2"),
                new double[] {0.5});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.LOCALLY_INFEASIBLE);
        assertThat(s.x()[0]).isCloseTo(1, within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void aStartOutsideTheBoundsIsProjectedAndSaid(String method) {
        Solution s = DRIVER.solve(Catalog.builtIn().constrained(method).create(), Problems.hs35(), new double[] {-1, 0.5, 0.5});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.message()).contains("start point lay outside the bounds");
        assertThat(s.details().get("warnings")).asList().hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void sameStartSameBits(String method) {
        Solution a = DRIVER.solve(Catalog.builtIn().constrained(method).create(), Problems.hs71(), new double[] {1, 5, 5, 1});
        Solution b = DRIVER.solve(Catalog.builtIn().constrained(method).create(), Problems.hs71(), new double[] {1, 5, 5, 1});
        assertThat(b.x()).containsExactly(a.x());
        assertThat(b.evaluations()).isEqualTo(a.evaluations());
    }

    @Test
    void sqpUsesOneJacobianPerIterationAndNoHessian() {
        Solution s = DRIVER.solve(new Sqp(), Problems.hs71(), new double[] {1, 5, 5, 1});
        assertThat(s.evaluations().byName()).doesNotContainKey("hessian");
        assertThat(s.evaluations().byName().get("constraintJacobian")).isEqualTo(s.iterations() + 1L);
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThatThrownBy(() -> new Sqp(0, 1e-6)).hasMessageContaining("maxBacktracks");
        assertThatThrownBy(() -> new Sqp(10, 2)).hasMessageContaining("infeasibleRelative");
        assertThatThrownBy(() -> new AugmentedLagrangian(new io.fixpoint.bounded.Lbfgsb(), 10, 1.5, 10)).hasMessageContaining("tau");
        assertThatThrownBy(() -> new AugmentedLagrangian(new io.fixpoint.bounded.Lbfgsb(), 10, 0.5, 1)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> Catalog.builtIn().constrained("nope")).hasMessageContaining("sqp");
    }

    /** The KKT residuals recomputed from scratch at the returned point with the returned multipliers. */
    static KktResiduals verify(ConstrainedProblem p, Solution s) {
        int n = p.dimension();
        int m = p.constraintCount();
        double[] x = s.x().clone();
        double[] g = new double[n];
        double[] c = new double[m];
        double[] jac = new double[m * n];
        p.objective().gradient(x, g);
        p.constraints(x, c);
        p.constraintJacobian(x, jac);
        return KktResiduals.of(p.bounds(), p.equalityCount(), x, g, c, jac, (double[]) s.details().get("multipliers"), new double[n]);
    }
}
