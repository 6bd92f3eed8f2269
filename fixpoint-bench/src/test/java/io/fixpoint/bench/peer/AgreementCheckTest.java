package io.fixpoint.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.mgh.Rosenbrock;
import org.junit.jupiter.api.Test;

class AgreementCheckTest {
    private static final TestProblem ROSENBROCK = new TestProblem("rosenbrock", "mgh", new Rosenbrock().asObjective(),
            new double[] {-1.2, 1}, 0, "MGH (1)");

    @Test
    void theExactValuesAgree() {
        // f(-1.2, 1) = 100·0.44² + 2.2² = 24.2, ∇f = (-215.6, -88)
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2, new double[] {-215.6, -88})).isEmpty();
    }

    @Test
    void roundingDifferencesAgree() {
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2 * (1 + 2e-16), new double[] {-215.6 * (1 - 4e-16), -88})).isEmpty();
    }

    @Test
    void aValueOffByOneInABillionIsReported() {
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2 * (1 + 1e-9), new double[] {-215.6, -88}))
                .hasValueSatisfying(m -> assertThat(m).contains("f(x0)").contains("24.2"));
    }

    /** f = Σ xᵢ² at x = 1 for n = 10⁶: two summation orders may differ by n·u relative; a wrong value may not. */
    @Test
    void aSumOfAMillionTermsMayDifferByItsRoundingOnly() {
        int n = 1_000_000;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        TestProblem squares = new TestProblem("squares", "large", io.fixpoint.problem.Objective.of(n, x -> {
            double f = 0;
            for (double v : x) {
                f += v * v;
            }
            return f;
        }, (x, g) -> {
            for (int i = 0; i < n; i++) {
                g[i] = 2 * x[i];
            }
        }), ones, 0, "test");
        double[] g = new double[n];
        java.util.Arrays.fill(g, 2);
        assertThat(AgreementCheck.compare(squares, n * (1 + 5e-11), g)).isEmpty();
        assertThat(AgreementCheck.compare(squares, n * (1 + 1e-8), g)).hasValueSatisfying(m -> assertThat(m).contains("f(x0)"));
        // a gradient component holding such a sum may differ as much; by more, it is named
        g[7] = 2 * (1 + 5e-11);
        assertThat(AgreementCheck.compare(squares, n, g)).isEmpty();
        g[7] = 2 * (1 + 1e-8);
        assertThat(AgreementCheck.compare(squares, n, g)).hasValueSatisfying(m -> assertThat(m).contains("component 7"));
    }

    @Test
    void aWrongGradientComponentIsNamed() {
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2, new double[] {-215.6, -88.0000001}))
                .hasValueSatisfying(m -> assertThat(m).contains("component 1"));
    }

    @Test
    void nanAndWrongLengthAreReported() {
        assertThat(AgreementCheck.compare(ROSENBROCK, Double.NaN, new double[] {-215.6, -88})).isPresent();
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2, new double[] {Double.NaN, -88})).isPresent();
        assertThat(AgreementCheck.compare(ROSENBROCK, 24.2, new double[] {-215.6})).hasValueSatisfying(m -> assertThat(m).contains("length"));
    }
}
