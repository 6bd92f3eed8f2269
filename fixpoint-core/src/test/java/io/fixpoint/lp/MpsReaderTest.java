package io.fixpoint.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LinearProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class MpsReaderTest {
    static final double INF = Double.POSITIVE_INFINITY;

    /** Every RANGES case, every BOUNDS type, an objective constant, a free row and integer markers. */
    static final String FREE = """
            NAME          EVERYTHING
            * a comment
            ROWS
             N  COST
             E  EQPOS
             E  EQNEG
             L  LE
             G  GE
             N  FREEROW
             L  LENORANGE
            COLUMNS
                X1        COST      1.0        EQPOS     1.0
                X1        LE        2.0
                MARKER    'MARKER'  'INTORG'
                X2        COST      -2.5       EQNEG     1.0
                X2        GE        1.0        FREEROW   7.0
                MARKER    'MARKER'  'INTEND'
                X3        LE        1.0        GE        1.0
                X4        EQPOS     1.0        LENORANGE 1.0
                X5        EQNEG     1.0
                X6        GE        3.0
                X7        LE        1.0
                X8        GE        1D0
                X9        EQPOS     2.0
            RHS
                RHS       EQPOS     4.0        EQNEG     5.0
                RHS       LE        6.0        GE        7.0
                RHS       COST      -12.0      LENORANGE 9.0
            RANGES
                RNG       EQPOS     2.0        EQNEG     -3.0
                RNG       LE        4.0        GE        -5.0
            BOUNDS
             UP BND       X1        4.0
             LO BND       X2        -1.0
             UP BND       X2        1.0
             FX BND       X3        2.5
             FR BND       X4
             MI BND       X5
             UP BND       X5        8.0
             PL BND       X6
             BV BND       X7
             UP BND       X8        -2.0
             LO BND       X9        -5.0
             UP BND       X9        -3.0
            ENDATA
            """;

    static LinearProgram read(String text) throws IOException {
        return MpsReader.read(new StringReader(text), "test.mps").program();
    }

    @Test
    void readsRangesBoundsAndTheObjectiveConstant() throws IOException {
        MpsModel model = MpsReader.read(new StringReader(FREE), "test.mps");
        LinearProgram lp = model.program();
        assertThat(model.name()).isEqualTo("EVERYTHING");
        assertThat(model.rowNames()).containsExactly("EQPOS", "EQNEG", "LE", "GE", "LENORANGE");
        assertThat(model.columnNames()).hasSize(9);
        assertThat(lp.matrix().nonZeros()).isEqualTo(13);
        assertThat(lp.objective()).containsExactly(1.0, -2.5, 0, 0, 0, 0, 0, 0, 0);
        assertThat(lp.objectiveOffset()).isEqualTo(12.0);
        // E with R > 0: [b, b+|R|]; E with R < 0: [b−|R|, b]; L: [b−|R|, b]; G: [b, b+|R|]; L without range
        assertThat(lp.constraintLower()).containsExactly(4, 2, 2, 7, Double.NEGATIVE_INFINITY);
        assertThat(lp.constraintUpper()).containsExactly(6, 5, 6, 12, 9);
        assertThat(lp.variableLower()).containsExactly(0, -1, 2.5, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0,
                Double.NEGATIVE_INFINITY, -5);
        // X8: UP < 0 with the default lower bound makes the lower bound −∞; X9: an explicit LO stays
        assertThat(lp.variableUpper()).containsExactly(4, 1, 2.5, INF, 8, INF, 1, -2, -3);
    }

    @Test
    void fixedFormatAllowsNamesWithSpaces() throws IOException {
        String fixed = """
                NAME          FIXED
                ROWS
                 N  OBJ
                 L  ROW ONE
                COLUMNS
                    COL A     OBJ       1.0            ROW ONE   2.0
                RHS
                    RHS       ROW ONE   3.0
                ENDATA
                """;
        MpsModel m = MpsReader.read(new StringReader(fixed), "fixed.mps");
        assertThat(m.rowNames()).containsExactly("ROW ONE");
        assertThat(m.columnNames()).containsExactly("COL A");
        assertThat(m.program().constraintUpper()).containsExactly(3.0);
    }

    @Test
    void objectiveSenseMaxNegatesTheObjective() throws IOException {
        String body = """
                ROWS
                 N  OBJ
                 L  R
                COLUMNS
                    X  OBJ  2.0  R  1.0
                RHS
                    RHS  R  1.0  OBJ  3.0
                ENDATA
                """;
        MpsModel sameLine = MpsReader.read(new StringReader("NAME M\nOBJSENSE MAX\n" + body), "a.mps");
        MpsModel ownLine = MpsReader.read(new StringReader("NAME M\nOBJSENSE\n    MAXIMIZE\n" + body), "b.mps");
        for (MpsModel m : new MpsModel[] {sameLine, ownLine}) {
            assertThat(m.maximize()).isTrue();
            assertThat(m.program().objective()).containsExactly(-2.0);
            assertThat(m.program().objectiveOffset()).isEqualTo(3.0);
            assertThat(m.objectiveInFileSense(-5)).isEqualTo(5);
        }
    }

    @Test
    void readsGzippedStreams() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(FREE.getBytes(StandardCharsets.US_ASCII));
        }
        MpsModel m = MpsReader.read(new ByteArrayInputStream(bytes.toByteArray()), "test.mps.gz");
        assertThat(m.program().matrix().nonZeros()).isEqualTo(13);
    }

    static final String SMALL = """
            NAME          SMALL
            ROWS
             N  OBJ
             L  R1
             G  R2
            COLUMNS
                X         OBJ       1.0        R1        1.0
                Y         R2        1.0
            RHS
                RHS       R1        4.0
            ENDATA
            """;

    @Test
    void malformedFilesNameTheLine() {
        assertError(SMALL.replace("ENDATA\n", ""), "test.mps:10: the file ends without ENDATA (truncated?)");
        assertError(SMALL.replace("RHS\n", "RHSS\n"), "test.mps:9: unknown section 'RHSS'");
        assertError(SMALL.replace("4.0", "4.x"), "test.mps:10: '4.x' is not a number");
        assertError(SMALL.replace(" G  R2", " G  R1"), "test.mps:5: duplicate row name 'R1'");
        assertError(SMALL.replace("    Y         R2        1.0", "    Y         R2        1.0\n    X         R2        1.0"),
                "test.mps:9: duplicate column name 'X'");
        assertError(SMALL.replace("    Y         R2", "    X         R1        2.0\n    Y         R2"),
                "test.mps:8: duplicate entry: column 'X' names row 'R1' twice");
        assertError(SMALL.replace("RHS\n    RHS       R1        4.0\n", ""), "missing RHS section");
        assertError(SMALL.replace("Y         R2", "Y         R9"), "test.mps:8: unknown row 'R9' in column 'Y'");
        assertError(SMALL.replace(" G  R2", " Q  R2"), "test.mps:5: unknown row type 'Q'");
        assertError(SMALL.replace("ENDATA", "BOUNDS\n UP BND Z 1.0\nENDATA"), "test.mps:12: unknown column 'Z' in BOUNDS");
        assertError(SMALL.replace("ENDATA", "BOUNDS\n XX BND X 1.0\nENDATA"), "unknown bound type 'XX'");
        assertError(SMALL.replace("ENDATA", "BOUNDS\n LO BND X 5.0\n UP BND X 1.0\nENDATA"), "lower bound 5.0 above its upper bound 1.0");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(InvalidProblemException.class).hasMessageContaining(message);
    }
}
