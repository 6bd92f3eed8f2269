package io.fixpoint.bench.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.ComparisonData.Home;
import org.junit.jupiter.api.Test;

class ComparisonCsvTest {
    private static final ComparisonCsv COUNTS = ComparisonCsv.counts("a", "b", "wa", "wb");
    private static final ComparisonCsv GAMES = ComparisonCsv.games("a", "b", "r");

    @Test
    void theShippedDataSetsReadAsDocumented() {
        ComparisonData baseball = ComparisonDataset.BASEBALL.data();
        assertThat(baseball.itemCount()).isEqualTo(7);
        assertThat(baseball.recordCount()).isEqualTo(42);
        assertThat(baseball.homeCount()).isEqualTo(baseball.comparisons());
        ComparisonData hockey = ComparisonDataset.ICEHOCKEY.data();
        assertThat(hockey.itemCount()).isEqualTo(58);
        assertThat(hockey.comparisons()).isEqualTo(1083);
        assertThat(hockey.tieCount()).isEqualTo(125);
        assertThat(hockey.homeCount()).isEqualTo(1014);
        assertThat(ComparisonDataset.byName("icehockey")).isSameAs(ComparisonDataset.ICEHOCKEY);
        assertThatThrownBy(() -> ComparisonDataset.byName("chess")).hasMessageContaining("known: baseball, icehockey");
    }

    @Test
    void quotedFieldsAndHomeFlagsAreRead() {
        ComparisonData d = GAMES.withHome("h", Home.SECOND).parse("t.csv", "\"a\",\"b\",\"r\",\"h\"\n\"X, Jr.\",Y,1,TRUE\nY,\"X, Jr.\",0.5,false\n");
        assertThat(d.items()).containsExactly("X, Jr.", "Y");
        assertThat(d.homeCount()).isEqualTo(1);
        assertThat(d.tieCount()).isEqualTo(1);
    }

    @Test
    void badFilesAreOneClearLine() {
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "")).hasMessage("t.csv is empty");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wa,wb\n")).hasMessage("t.csv has a header but no data rows");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wins,wb\nX,Y,1,2\n"))
                .hasMessage("no column 'wa' in t.csv (columns: a, b, wins, wb)");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wa,wb\nX,Y,one,2\n"))
                .hasMessage("t.csv: row 2, column 'wa': 'one' is not a finite number");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wa,wb\nX,Y,1,\n")).hasMessage("t.csv: row 2, column 'wb': missing value");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wa,wb\nX,Y,1,2\nX,Y,-1,2\n"))
                .hasMessage("t.csv: row 3: the wins of 'X' in 'X' vs 'Y' must be a finite count ≥ 0, got -1.0");
        assertThatThrownBy(() -> COUNTS.parse("t.csv", "a,b,wa,wb\nX,X,1,2\n")).hasMessage("t.csv: row 2: item 'X' is compared with itself");
        assertThatThrownBy(() -> GAMES.parse("t.csv", "a,b,r\nX,Y,2\n")).hasMessageStartingWith("t.csv: row 2: the result of 'X' vs 'Y' must be 1");
        assertThatThrownBy(() -> GAMES.parse("t.csv", "a,b,r\nX,Y\n")).hasMessage("t.csv: row 2 has 2 fields but the header has 3");
        assertThatThrownBy(() -> GAMES.parse("t.csv", "a,b,r\n\"X,Y,1\n")).hasMessage("t.csv: row 2 has an unclosed quote");
        assertThatThrownBy(() -> GAMES.withHome("r", Home.FIRST).parse("t.csv", "a,b,r\nX,Y,0.5\n"))
                .hasMessage("t.csv: row 2, column 'r': '0.5' is not a home flag (true/false, 1/0)");
    }

    @Test
    void aLayoutNeedsOneKindOfResult() {
        assertThatThrownBy(() -> new ComparisonCsv("a", "b", "w", null, null, null, Home.NEUTRAL)).hasMessageContaining("wins1 and wins2");
        assertThatThrownBy(() -> new ComparisonCsv("a", "b", "w", "v", "r", null, Home.NEUTRAL)).hasMessageContaining("not both");
        assertThatThrownBy(() -> new ComparisonCsv("a", "b", null, null, null, null, Home.NEUTRAL)).hasMessageContaining("or a result column");
        assertThatThrownBy(() -> GAMES.withHome("h", Home.NEUTRAL)).hasMessageContaining("the side it marks");
    }
}
