package io.fixpoint.constrained;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Bounds;
import org.junit.jupiter.api.Test;

class KktResidualsTest {
    private static final Bounds FREE = Bounds.unbounded(2);

    @Test
    void aKktPointHasZeroResiduals() {
        // min x₁ + x₂ s.t. x₁² + x₂² − 2 ≤ 0 at (−1, −1) with μ = ½
        double[] x = {-1, -1};
        KktResiduals r = KktResiduals.of(FREE, 0, x, new double[] {1, 1}, new double[] {0}, new double[] {-2, -2}, new double[] {0.5},
                new double[2]);
        assertThat(r.max()).isZero();
    }

    @Test
    void eachResidualMeasuresItsOwnCondition() {
        double[] x = {0, 0};
        // an equality violated by 0.3, an inequality violated by 0.2, one satisfied with slack 1 and multiplier 0.5
        KktResiduals r = KktResiduals.of(FREE, 1, x, new double[] {1, 0}, new double[] {0.3, 0.2, -1}, new double[] {0, 0, 0, 0, 0, 0},
                new double[] {0, 0, 0.5}, new double[2]);
        assertThat(r.stationarity()).isEqualTo(1);
        assertThat(r.feasibility()).isEqualTo(0.3);
        assertThat(r.complementarity()).isEqualTo(0.5); // min(μ, −h) = min(0.5, 1)
    }

    @Test
    void boundsAbsorbTheGradientOfTheRightSignOnly() {
        Bounds box = new Bounds(new double[] {0, 0}, new double[] {1, 1});
        // at the lower bound a positive gradient is balanced by a bound multiplier; a negative one is not
        assertThat(KktResiduals.of(box, 0, new double[] {0, 0.5}, new double[] {3, 0}, new double[0], new double[0], new double[0],
                new double[2]).stationarity()).isZero();
        assertThat(KktResiduals.of(box, 0, new double[] {0, 0.5}, new double[] {-0.25, 0}, new double[0], new double[0], new double[0],
                new double[2]).stationarity()).isEqualTo(0.25);
    }

    @Test
    void aNegativeInequalityMultiplierIsNotComplementary() {
        KktResiduals r = KktResiduals.of(FREE, 0, new double[] {0, 0}, new double[] {0, 0}, new double[] {0}, new double[] {0, 0},
                new double[] {-0.7}, new double[2]);
        assertThat(r.complementarity()).isEqualTo(0.7);
    }
}
