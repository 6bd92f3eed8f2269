package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void warmupRisesLinearlyWithoutAZeroStep() {
        Schedule s = Schedules.warmupLinear(1, 4, 20);
        assertThat(s.at(0)).isEqualTo(0.25);
        assertThat(s.at(3)).isEqualTo(1);
        assertThat(s.at(12)).isEqualTo(0.5);
        assertThat(s.at(20)).isEqualTo(0);
    }

    @Test
    void cosineAndWarmupStableDecay() {
        Schedule cos = Schedules.warmupCosine(2, 1, 11, 0);
        assertThat(cos.at(1)).isEqualTo(2);
        assertThat(cos.at(6)).isCloseTo(1, offset(1e-15));
        assertThat(cos.at(11)).isCloseTo(0, offset(1e-15));
        Schedule wsd = Schedules.warmupStableDecay(1, 2, 100, 0.2);
        assertThat(wsd.at(50)).isEqualTo(1);
        assertThat(wsd.at(79)).isEqualTo(1);
        assertThat(wsd.at(90)).isCloseTo(0.5, offset(1e-15));
        assertThat(Schedules.byName("wsd", 1, 100).at(50)).isEqualTo(1);
        assertThatThrownBy(() -> Schedules.byName("exponential", 1, 10)).hasMessageContaining("warmup-cosine");
        assertThatThrownBy(() -> Schedules.byName("refined", 1, 10)).hasMessageContaining("previous run");
    }

    @Test
    void refinedScheduleOfConstantNormsIsLinearDecay() {
        double[] norms = new double[50];
        java.util.Arrays.fill(norms, 3);
        Schedule s = Schedules.refined(1, norms, 0.1);
        for (int t = 0; t < 50; t++) {
            assertThat(s.at(t)).isCloseTo((49.0 - t) / 49, offset(1e-14));
        }
    }

    @Test
    void refinedScheduleWarmsUpWhereNormsStartLargeAndAnnealsWhereTheyGrow() {
        int n = 200;
        double[] norms = new double[n];
        for (int t = 0; t < n; t++) {
            norms[t] = 1 + 9 * Math.exp(-t / 10.0) + (t > 180 ? 5 : 0);
        }
        Schedule s = Schedules.refined(1, norms, 0.05);
        assertThat(s.at(0)).isLessThan(0.2);
        int peak = 0;
        for (int t = 0; t < n; t++) {
            if (s.at(t) > s.at(peak)) {
                peak = t;
            }
        }
        assertThat(s.at(peak)).isCloseTo(1, offset(1e-15));
        assertThat(peak).isBetween(20, 120);
        // against linear decay from the peak, the large norms at the end anneal faster
        assertThat(s.at(185)).isLessThan((n - 1.0 - 185) / (n - 1 - peak));
    }

    @Test
    void medianFilterPadsWithTheNearestValue() {
        assertThat(Schedules.medianFilter(new double[] {5, 1, 9, 2, 7}, 3)).containsExactly(5, 5, 2, 7, 7);
        assertThatThrownBy(() -> Schedules.refined(1, new double[] {1, 0}, 0.1)).hasMessageContaining("> 0");
    }
}
