package io.fixpoint.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class TrustRegionTest {
    final TrustRegion tr = new TrustRegion();

    @Test
    void classicalRules() {
        assertThat(tr.update(1, 0.1, 1)).as("poor agreement shrinks").isEqualTo(0.25);
        assertThat(tr.update(1, 0.1, 0.4)).as("shrinks below a short step").isEqualTo(0.1);
        assertThat(tr.update(1, 0.5, 1)).as("fair agreement keeps").isEqualTo(1);
        assertThat(tr.update(1, 0.9, 1)).as("good agreement on the boundary expands").isEqualTo(2);
        assertThat(tr.update(1, 0.9, 0.5)).as("good agreement inside keeps").isEqualTo(1);
        assertThat(tr.update(0.8e10, 0.9, 0.8e10)).as("capped").isEqualTo(1e10);
    }

    @Test
    void acceptance() {
        assertThat(tr.accepts(0.05)).isFalse();
        assertThat(tr.accepts(0.2)).isTrue();
        assertThat(tr.accepts(TrustRegion.ratio(1, 0))).as("no predicted decrease").isFalse();
        assertThat(tr.accepts(TrustRegion.ratio(Double.NaN, 1))).as("non-finite trial").isFalse();
        assertThat(TrustRegion.ratio(-1, 1)).isEqualTo(-1);
    }

    @Test
    void rejectsInconsistentParameters() {
        assertThatThrownBy(() -> new TrustRegion(2, 1, 0.1, 0.25, 0.75, 0.25, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustRegion(1, 10, 0.3, 0.25, 0.75, 0.25, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustRegion(1, 10, 0.1, 0.25, 0.75, 1.5, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500, seed = "20261123")
    void radiusStaysPositiveAndBounded(@ForAll @DoubleRange(min = 1e-6, max = 1e10) @Scale(8) double radius,
            @ForAll @DoubleRange(min = -10, max = 10) double rho, @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(6) double fraction) {
        double next = tr.update(radius, rho, fraction * radius);
        assertThat(next).isGreaterThan(0).isLessThanOrEqualTo(tr.maxRadius());
        if (rho < tr.lowRatio()) {
            assertThat(next).isLessThan(radius);
        } else {
            assertThat(next).isGreaterThanOrEqualTo(radius);
        }
    }
}
