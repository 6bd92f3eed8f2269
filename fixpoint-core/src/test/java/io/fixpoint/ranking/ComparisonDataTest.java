package io.fixpoint.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.ranking.ComparisonData.Home;
import org.junit.jupiter.api.Test;

class ComparisonDataTest {

    @Test
    void resultsOfOnePairingAreSummedWithTheHomeSideFirst() {
        ComparisonData d = ComparisonData.builder()
                .game("A", "B", 1, Home.NEUTRAL)
                .game("B", "A", 1, Home.NEUTRAL)
                .game("B", "A", 0.5, Home.NEUTRAL)
                .game("B", "A", 0, Home.FIRST)
                .game("A", "B", 1, Home.SECOND)
                .counts("C", "A", 2, 3, 0, Home.NEUTRAL)
                .build();
        assertThat(d.items()).containsExactly("A", "B", "C");
        assertThat(d.recordCount()).isEqualTo(3);
        assertThat(d.comparisons()).isEqualTo(10);
        assertThat(d.tieCount()).isEqualTo(1);
        assertThat(d.homeCount()).isEqualTo(2);
        // Neutral A–B: A won 1, B won 1, one tie.
        assertThat(d.first[0]).isZero();
        assertThat(d.winsFirst[0]).isEqualTo(1);
        assertThat(d.winsSecond[0]).isEqualTo(1);
        assertThat(d.ties[0]).isEqualTo(1);
        // B at home lost twice to A.
        assertThat(d.first[1]).isEqualTo(1);
        assertThat(d.homeFirst[1]).isTrue();
        assertThat(d.winsSecond[1]).isEqualTo(2);
        // C–A stored in item order: A won 3, C won 2.
        assertThat(d.first[2]).isZero();
        assertThat(d.winsFirst[2]).isEqualTo(3);
        assertThat(d.winsSecond[2]).isEqualTo(2);
    }

    @Test
    void badEntriesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ComparisonData.builder().game("A", "A", 1, Home.NEUTRAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("item 'A' is compared with itself");
        assertThatThrownBy(() -> ComparisonData.builder().counts("A", "B", -1, 2, 0, Home.NEUTRAL))
                .hasMessage("the wins of 'A' in 'A' vs 'B' must be a finite count ≥ 0, got -1.0");
        assertThatThrownBy(() -> ComparisonData.builder().counts("A", "B", 1, Double.NaN, 0, Home.NEUTRAL))
                .hasMessageContaining("wins of 'B'");
        assertThatThrownBy(() -> ComparisonData.builder().game("A", "B", 2, Home.NEUTRAL))
                .hasMessage("the result of 'A' vs 'B' must be 1 (first won), 0 (first lost) or 0.5 (tie), got 2.0");
        assertThatThrownBy(() -> ComparisonData.builder().game(" ", "B", 1, Home.NEUTRAL)).hasMessageContaining("has no name");
        assertThatThrownBy(() -> ComparisonData.builder().build()).hasMessage("no comparisons were given");
    }
}
