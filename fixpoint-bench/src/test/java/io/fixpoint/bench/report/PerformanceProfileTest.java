package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Costs (problems 1–4): A = 1, 10, 4, ∞; B = 2, 5, ∞, ∞; C = 4, 5, 2, NaN. Best per problem: 1, 5, 2, none.
     * Ratios: A = 1, 2, 2, ∞; B = 2, 1, ∞, ∞; C = 4, 1, 1, ∞.
     */
    private final PerformanceProfile pp = PerformanceProfile.of(List.of("A", "B", "C"),
            new double[][] {{1, 10, 4, INF}, {2, 5, INF, INF}, {4, 5, 2, Double.NaN}});

    @Test
    void ratiosToTheBestSolverPerProblem() {
        assertThat(pp.ratios(0)).containsExactly(1, 2, 2, INF);
        assertThat(pp.ratios(1)).containsExactly(1, 2, INF, INF);
        assertThat(pp.ratios(2)).containsExactly(1, 1, 4, INF);
        assertThat(pp.maxRatio()).isEqualTo(4);
    }

    @Test
    void profileValuesMatchTheHandComputation() {
        assertThat(pp.fraction(0, 1)).isEqualTo(0.25);
        assertThat(pp.fraction(0, 2)).isEqualTo(0.75);
        assertThat(pp.fraction(0, 1e9)).isEqualTo(0.75);
        assertThat(pp.fraction(1, 1)).isEqualTo(0.25);
        assertThat(pp.fraction(1, 1.99)).isEqualTo(0.25);
        assertThat(pp.fraction(1, 2)).isEqualTo(0.5);
        assertThat(pp.fraction(2, 1)).isEqualTo(0.5);
        assertThat(pp.fraction(2, 3.99)).isEqualTo(0.5);
        assertThat(pp.fraction(2, 4)).isEqualTo(0.75);
        // the problem nobody solved keeps every curve below 1
        assertThat(pp.problems()).isEqualTo(4);
    }

    @Test
    void rowsMustMatchSolversAndProblems() {
        assertThatThrownBy(() -> PerformanceProfile.of(List.of("A"), new double[][] {{1}, {2}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceProfile.of(List.of("A", "B"), new double[][] {{1, 2}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
