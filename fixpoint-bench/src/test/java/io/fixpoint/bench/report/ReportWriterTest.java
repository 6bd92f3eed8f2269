package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void writesASelfContainedPageWithWellFormedSvg(@TempDir Path dir) throws Exception {
        Path index = ReportWriter.write(List.of(Synthetic.report()), "2026-01-01T00:00:00Z", 1.5, dir);
        String html = Files.readString(index);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("<script", "http://", "https://", "src=");
        assertThat(html).contains("hipparchus was skipped", "not wanted", "p5: SciPy&#39;s definition disagrees", "ref &lt;&amp;&gt;");
        assertThat(html).contains("Fixpoint lbfgs solved 3 of 4");
        assertThat(count(html, "<table")).isEqualTo(count(html, "</table>"));
        assertThat(count(html, "<tr")).isEqualTo(count(html, "</tr>"));

        Matcher svg = Pattern.compile("<svg xmlns.*?</svg>", Pattern.DOTALL).matcher(html);
        int plots = 0;
        while (svg.find()) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            plots++;
        }
        assertThat(plots).as("two performance profiles and four convergence plots").isEqualTo(6);
    }

    @Test
    void csvHasOneQuotedRowPerSolve(@TempDir Path dir) throws Exception {
        ReportWriter.write(List.of(Synthetic.report()), "2026-01-01T00:00:00Z", 1.5, dir);
        List<String> lines = Files.readAllLines(dir.resolve("minimization/results.csv"));
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.get(0)).startsWith("suite,problem,dimension,tool,method,family");
        int columns = fields(lines.get(0)).size();
        for (String line : lines) {
            assertThat(fields(line)).hasSize(columns);
        }
        assertThat(fields(lines.get(1))).containsExactly("minimization", "p1", "2", "fixpoint", "lbfgs", "limited-memory quasi-Newton",
                "CONVERGED", "true", "true", "9", "0.0", "1.0E-9", "0.001", "5", "10", "10", "stopped, \"as\" asked");
    }

    @Test
    void jsonHoldsOneRecordPerSolve(@TempDir Path dir) throws Exception {
        ReportWriter.write(List.of(Synthetic.report()), "2026-01-01T00:00:00Z", 1.5, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("minimization/results.json").toFile());
        assertThat(json.size()).isEqualTo(8);
        assertThat(json.get(0).path("tool").asText()).isEqualTo("fixpoint");
        assertThat(json.get(4).path("status").asText()).isEqualTo("status 0");
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    /** A minimal RFC 4180 field splitter. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
