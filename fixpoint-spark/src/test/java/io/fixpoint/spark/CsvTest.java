package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV input: columns by header, the label by name, one-line errors naming line and column, and the same fit as from LIBSVM. */
class CsvTest {
    @TempDir
    Path dir;

    @Test
    void theLabelColumnIsNamedAndEveryOtherColumnIsAFeature() throws IOException {
        Path f = Files.writeString(dir.resolve("d.csv"), "x1, \"y\" ,x2\n0.5,1,-2\n\n3,0,4e-1\n");
        LibSvm.Data d = Csv.read(f, "y");
        assertThat(d.features()).isEqualTo(2);
        assertThat(d.rows()).containsExactly(LabeledRow.dense(1, 0.5, -2), LabeledRow.dense(0, 3, 0.4));
        assertThat(DataFormat.of(null, f).read(Files.writeString(dir.resolve("e.csv"), "label,a\n1,2\n"), null).rows())
                .containsExactly(LabeledRow.dense(1, 2));
    }

    @Test
    void aMalformedFileIsOneLineNamingLineAndColumn() throws IOException {
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("a.csv"), "a,label\n1,0\n2,x\n"), "label"))
                .hasMessage("CSV line 3, column 2 ('label'): 'x' is not a number");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("b.csv"), "a,b,label\n1,,0\n"), "label"))
                .hasMessage("CSV line 2, column 2 ('b'): empty cell");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("c.csv"), "a,label\n1,0,3\n"), "label"))
                .hasMessage("CSV line 2: 3 cells, the header has 2");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("d.csv"), "a,label\n1,NaN\n"), "label"))
                .hasMessage("CSV line 2, column 2 ('label'): NaN is not finite");
        Path noLabel = Files.writeString(dir.resolve("e.csv"), "a,b\n1,0\n");
        assertThatThrownBy(() -> Csv.read(noLabel, "label")).hasMessageEndingWith("no column 'label' in the header (a, b); name the label column with --label");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("f.csv"), ""), "label")).hasMessageContaining("no header row");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("g.csv"), "label\n1\n"), "label")).hasMessageContaining("at least one feature");
        assertThatThrownBy(() -> Csv.read(Files.writeString(dir.resolve("h.csv"), "a,label\n"), "label")).hasMessageContaining("no examples");
        assertThatThrownBy(() -> DataFormat.of("arff", noLabel)).hasMessage("unknown data format 'arff'; known formats: libsvm, csv");
        assertThatThrownBy(() -> DataFormat.LIBSVM.read(noLabel, "y")).hasMessageContaining("--label names a CSV column");
    }

    @Test
    void sparkFitReadsCsvAsItReadsLibsvm() throws IOException {
        List<LabeledRow> rows = Synthetic.logistic(200, 3, 5);
        StringBuilder csv = new StringBuilder("f1,f2,outcome,f3\n");
        StringBuilder svm = new StringBuilder();
        for (LabeledRow r : rows) {
            double[] x = r.values();
            csv.append(x[0]).append(',').append(x[1]).append(',').append((int) r.label()).append(',').append(x[2]).append('\n');
            StringJoiner line = new StringJoiner(" ");
            line.add(Integer.toString((int) r.label()));
            for (int j = 0; j < 3; j++) {
                line.add((j + 1) + ":" + x[j]);
            }
            svm.append(line).append('\n');
        }
        Path c = Files.writeString(dir.resolve("d.txt"), csv);
        Path s = Files.writeString(dir.resolve("d.svm"), svm);
        String[] out = new String[2];
        assertThat(capture(out, "--data", c.toString(), "--format", "csv", "--label", "outcome", "--l2", "1e-3", "--json")).isZero();
        String fromCsv = out[0];
        assertThat(capture(out, "--data", s.toString(), "--l2", "1e-3", "--json")).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromCsv);
        JsonNode b = json.readTree(out[0]);
        assertThat(a.get("objective").asDouble()).isEqualTo(b.get("objective").asDouble());
        assertThat(a.get("coefficients")).isEqualTo(b.get("coefficients"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,label\n1,0\n2,?\n");
        assertThat(capture(out, "--data", bad.toString())).isEqualTo(2);
        assertThat(out[1]).isEqualTo("error: CSV line 3, column 2 ('label'): '?' is not a number\n");
    }

    /** Runs spark-fit; out[0] is what it printed on stdout, out[1] on stderr. */
    private static int capture(String[] out, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return SparkFitCommand.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out[0] = o.toString(StandardCharsets.UTF_8);
            out[1] = e.toString(StandardCharsets.UTF_8);
        }
    }
}
