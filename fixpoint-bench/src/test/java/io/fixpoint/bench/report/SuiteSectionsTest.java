package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.fixedpoint.FixedPointBench;
import io.fixpoint.bench.nist.NistBench;
import io.fixpoint.bench.nist.NistResult;
import io.fixpoint.bench.sequence.SequenceBench;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSectionsTest {

    static NistBench.Table nist() {
        return new NistBench.Table(List.of("Misra1a", "Thurber"), List.of("lm", "trf", "scipy-lm", "scipy-trf"), List.of(
                nist("Misra1a", 1, "lm", 9.8), nist("Misra1a", 2, "lm", 9.9), nist("Misra1a", 1, "scipy-lm", 7.5),
                nist("Thurber", 1, "lm", 3.2), nist("Thurber", 1, "trf", 6.4)), null);
    }

    private static NistResult nist(String dataset, int start, String method, double lre) {
        return new NistResult(dataset, start, method, "converged <&>", new double[] {1, 2}, 1, new double[] {lre, lre + 1}, lre + 2, 10, 5,
                1e-3);
    }

    static FixedPointBench.Report fixedPoint() {
        return new FixedPointBench.Report(List.of(
                row("map", "cos", "fixpoint", "anderson", true, 12), row("map", "cos", "fixpoint", "picard", true, 80),
                row("map", "rotation", "fixpoint", "picard", false, 1000), row("map", "cos", "scipy", "fixed_point", true, 30),
                row("root", "rosenbrock", "fixpoint", "newton", true, 9), row("root", "powell-singular", "scipy", "hybr", false, 400)),
                List.of(), List.of("SciPy 1.x"));
    }

    private static FixedPointBench.Row row(String section, String problem, String peer, String method, boolean solved, long evals) {
        return new FixedPointBench.Row(section, problem, peer, method, solved ? "converged" : "max-iterations", solved, 5, evals, 1,
                solved ? 1e-12 : 1e-2, 1e-4);
    }

    static List<SequenceBench.Row> sequence() {
        return List.of(new SequenceBench.Row("gru", 8, 1000, "deer", 2, "converged", 6, 1e-12, 60, 6000, 0.01, 0.004, new double[] {1, 1, 1, 1}),
                new SequenceBench.Row("gru", 8, 100000, "deer", 2, "converged", 7, 1e-12, 70, 700000, 0.5, 0.4, new double[] {1, 1, 1, 1}));
    }

    static List<String> sections() {
        return List.of(NistSection.html(nist()), FixedPointSection.html(fixedPoint()), SequenceSection.html(sequence()));
    }

    @Test
    void everySuiteJoinsTheMinimisationPage(@TempDir Path dir) throws Exception {
        String html = Files.readString(ReportWriter.writeHtml(Synthetic.result(), sections(), dir));

        assertValidPage(html, 7); // two profiles, four convergence plots, one speed-up plot
        assertThat(html).contains("Fixpoint lbfgs solved 3 of 4", "<h2 id=\"least-squares\">", "<h2 id=\"fixed-point\">", "<h2 id=\"sequence\">");
        assertThat(html.indexOf("id=\"least-squares\"")).isLessThan(html.indexOf("<h2>Data</h2>"));
        // LRE 3.2 (Thurber, lm) is below 6 and highlighted; 9.8 is not; a missing fit is a dash
        assertThat(html).contains("<td class=\"low\" title=\"converged &lt;&amp;&gt;\">3.2</td>", "\">9.8</td>", "<th>scipy-lm</th>");
        assertThat(count(html, "<th>scipy-lm</th>")).isOne();
        assertThat(html).contains("<td class=\"na\">–</td>");
        // the unsolved map is highlighted; solved counts per method
        assertThat(html).contains("<td class=\"low\" title=\"max-iterations\">1000</td>", "<th>fixpoint anderson</th>", "yes (9)", "<th>1 / 2</th>");
    }

    @Test
    void withoutMinimisationThePageHoldsOnlyTheOtherSuites(@TempDir Path dir) throws Exception {
        String html = Files.readString(ReportWriter.writeHtml(null, sections(), dir));
        assertValidPage(html, 1);
        assertThat(html).contains("NIST StRD", "Fixed points and roots", "parallel-in-time").doesNotContain("Headline");
    }

    @Test
    void withoutOtherSuitesThePageIsAsBefore(@TempDir Path dir) throws Exception {
        String before = Files.readString(ReportWriter.writeHtml(Synthetic.result(), dir));
        String after = Files.readString(ReportWriter.writeHtml(Synthetic.result(), List.of(), dir));
        assertThat(normalised(after)).isEqualTo(normalised(before));
    }

    /** Without the run date and the page-unique clip-path ids. */
    private static String normalised(String html) {
        return html.replaceAll("Run [^<]* on", "").replaceAll("([#\"])c\\d+", "$1c");
    }

    private static void assertValidPage(String html, int svgs) throws Exception {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html.replaceAll("xmlns=['\"]http://www.w3.org/2000/svg['\"]", "")).doesNotContain("<script", "http://", "https://", "src=");
        for (String tag : List.of("table", "tr", "td", "th", "h2", "p", "div", "svg")) {
            assertThat(count(html, "<" + tag + "[ >]")).as(tag).isEqualTo(count(html, "</" + tag + ">"));
        }
        Matcher svg = Pattern.compile("<svg xmlns.*?</svg>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (svg.find()) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            n++;
        }
        assertThat(n).isEqualTo(svgs);
    }

    private static int count(String s, String regex) {
        return (int) Pattern.compile(regex).matcher(s).results().count();
    }
}
