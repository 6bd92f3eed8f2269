package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgPlotTest {

    @Test
    void linearTicksAreRoundNumbers() {
        assertThat(SvgPlot.ticks(0, 1, false)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(SvgPlot.ticks(0, 10_000, false)).containsExactly(0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0);
    }

    @Test
    void logTicksAreDecadesWithTwosAndFivesOnShortRanges() {
        assertThat(SvgPlot.ticks(1, 10, true)).containsExactly(1.0, 2.0, 5.0, 10.0);
        assertThat(SvgPlot.ticks(1e-12, 1e4, true)).hasSizeLessThanOrEqualTo(9).contains(1e-12, 1.0);
    }

    @Test
    void pointsOutsideALogAxisAreLeftOut() {
        String svg = new SvgPlot("t", "x", "y", 200, 100, false, true).line(new double[] {0, 1, 2}, new double[] {1, 0, Double.NaN}, "#000", "",
                false, "l").render();
        assertThat(svg).contains("points=\"58.0,");
        assertThat(svg.split("points=\"")[1].split("\"")[0].trim().split(" ")).hasSize(1);
        assertThat(svg).contains("<text x=\"54\"").doesNotContain("NaN");
    }
}
