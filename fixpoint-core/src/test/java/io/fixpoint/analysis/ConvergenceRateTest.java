package io.fixpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.fixpoint.analysis.RateEstimate.Kind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ConvergenceRateTest {

    @Property(tries = 50)
    void recognisesLinearConvergence(@ForAll @DoubleRange(min = 0.05, max = 0.95) double rho) {
        double[] e = new double[40];
        for (int k = 0; k < e.length; k++) {
            e[k] = 3 * Math.pow(rho, k);
        }
        RateEstimate r = ConvergenceRate.estimate(e);
        assertThat(r.kind()).isEqualTo(Kind.LINEAR);
        assertThat(r.parameter()).isCloseTo(rho, offset(1e-6));
        assertThat(r.fitQuality()).isGreaterThan(0.999);
    }

    @Property(tries = 50)
    void recognisesSublinearConvergence(@ForAll @DoubleRange(min = 0.5, max = 3) double p) {
        double[] e = new double[2000];
        for (int k = 0; k < e.length; k++) {
            e[k] = 5 / Math.pow(k + 1, p);
        }
        RateEstimate r = ConvergenceRate.estimate(e);
        assertThat(r.kind()).isEqualTo(Kind.SUBLINEAR);
        assertThat(r.parameter()).isCloseTo(p, offset(0.01));
    }

    @Test
    void prefersTheLinearModelOverAnImplausiblySteepPowerLaw() {
        double[] e = new double[18];
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.pow(k + 1, -17); // over 18 steps a power 17 is a geometric decrease in disguise
        }
        RateEstimate r = ConvergenceRate.estimate(e);
        assertThat(r.kind()).isEqualTo(Kind.LINEAR);
        assertThat(r.parameter()).isBetween(0.1, 0.5);
    }

    @Test
    void recognisesQuadraticConvergence() {
        RateEstimate r = ConvergenceRate.estimate(new double[] {1, 0.5, 0.3, 1e-1, 1e-2, 1e-4, 1e-8, 1e-16});
        assertThat(r.kind()).isEqualTo(Kind.SUPERLINEAR);
        assertThat(r.parameter()).isCloseTo(2, offset(0.05));
    }

    @Test
    void saysUnknownWhenThereIsTooLittleOrNoProgress() {
        assertThat(ConvergenceRate.estimate(new double[] {1, 0.5}).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(ConvergenceRate.estimate(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(ConvergenceRate.estimate(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void ignoresAnExactZeroAtTheEnd() {
        double[] e = new double[30];
        for (int k = 0; k < 29; k++) {
            e[k] = Math.pow(0.5, k);
        }
        RateEstimate r = ConvergenceRate.estimate(e);
        assertThat(r.kind()).isEqualTo(Kind.LINEAR);
        assertThat(r.parameter()).isCloseTo(0.5, offset(1e-9));
    }
}
