package io.fixpoint.fixedpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.GradientMap;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;

class GradientCertifiedTest {
    /** Gradient descent x ← x − α∇f on f = ½Σ cᵢxᵢ², c = (1, 10), with ∇f returned alongside. */
    private static GradientMap descent(double alpha) {
        return new GradientMap() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void apply(double[] x, double[] out, double[] gradient) {
                gradient[0] = x[0];
                gradient[1] = 10 * x[1];
                out[0] = x[0] - alpha * gradient[0];
                out[1] = x[1] - alpha * gradient[1];
            }
        };
    }

    @Test
    void convergesOnTheGradientWithOneMapEvaluationPerStep() {
        Solution s = Driver.builder().tolerance(1e-10).build()
                .solve(new GradientCertified<>("descent", new Picard(DetectionSettings.OFF)), descent(0.1), new double[] {1, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-10);
        assertThat(s.x()[0]).isCloseTo(0, within(1e-9));
        assertThat(s.evaluations().get(Evaluation.MAP)).isEqualTo(s.iterations() + 1);
        assertThat(s.solver()).isEqualTo("descent");
        assertThat(s.details()).containsKey("gradientNorm");
    }

    @Test
    void andersonAndHalpernAreCertifiedTheSameWay() {
        for (Solution s : new Solution[] {certified(new Anderson()), certified(Halpern.restarted(0.5))}) {
            assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
            assertThat(Math.hypot(s.x()[0], 10 * s.x()[1])).isLessThanOrEqualTo(1e-10);
        }
    }

    private static <S extends IterationState> Solution certified(Solver<FixedPointMap, S> iteration) {
        return Driver.builder().tolerance(1e-10).maxIterations(5000).build()
                .solve(new GradientCertified<>("x", iteration), descent(0.1), new double[] {1, 1});
    }

    /** A map that barely moves has a tiny residual but a large gradient: not converged. */
    @Test
    void aSmallStepIsNotASmallGradient() {
        Solution s = Driver.builder().tolerance(1e-6).maxIterations(50).build()
                .solve(new GradientCertified<>("slow", new Picard(DetectionSettings.OFF)), descent(1e-9), new double[] {1, 1});
        assertThat(s.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(s.value()).isLessThan(1e-6);
        assertThat(s.optimality()).isGreaterThan(1);
    }

    @Test
    void needsANameAndASolver() {
        assertThatThrownBy(() -> new GradientCertified<>(" ", new Picard())).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new GradientCertified<>("x", null)).hasMessageContaining("needs a fixed-point solver");
    }
}
