package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.fixedpoint.DetectionRates;
import io.fixpoint.bench.fixedpoint.FixedPointBench;
import io.fixpoint.bench.nist.NistBench;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static SolveRecord nist(String dataset, int start, String method, double lre) {
        boolean scipy = method.startsWith("scipy-");
        Map<String, Object> figures = Map.of("start", start, "rss", 1.0, "parameterLre", new double[] {lre, lre + 1}, "rssLre", lre + 2);
        return new SolveRecord("least-squares", dataset, 2, scipy ? "scipy" : "fixpoint", scipy ? method.substring(6) : method, "ls",
                SolveRecord.Outcome.RAN, scipy ? null : Status.CONVERGED, scipy ? "ok 2" : null, true, lre >= 6, "converged <&>", 5,
                Map.of("residual", 10L, "jacobian", 5L), 0.5, 1e-9, 1e-3, 1, new double[] {1, 2}, null, figures);
    }

    static FixedPointBench.Report fixedPoint() {
        return new FixedPointBench.Report(List.of(
                row("map", "cos", "fixpoint", "anderson", true, 12), row("map", "cos", "fixpoint", "picard", true, 80),
                row("map", "rotation", "fixpoint", "picard", false, 1000), row("map", "cos", "scipy", "fixed_point", true, 30),
                row("root", "rosenbrock", "fixpoint", "newton", true, 9), row("root", "powell-singular", "scipy", "hybr", false, 400)),
                List.of(new DetectionRates.Row("disjoint-discs", "halpern", new double[] {0.5, 0.2, 0.05, 0.01, 4e-3, 1e-3},
                        new double[] {0.4, 0.1, 0.03, 8e-3, 2e-3, 0}, new double[] {0.1, 0.01, 1e-3, 1e-4, 1e-5, 6.25e-7})),
                List.of("SciPy 1.x"));
    }

    private static SolveRecord row(String section, String problem, String tool, String method, boolean solved, long evals) {
        boolean ours = tool.equals("fixpoint");
        return new SolveRecord("fixed-point", problem, 2, tool, method, section, SolveRecord.Outcome.RAN,
                ours ? (solved ? Status.CONVERGED : Status.MAX_ITERATIONS) : null, ours ? null : solved ? "success" : "failure", solved, solved, "",
                5, Map.of(section.equals("map") ? "map" : "residual", evals, "jacobian", 1L), 0, solved ? 1e-12 : 1e-2, 1e-4, 1, null, null,
                Map.of("section", section));
    }

    static List<SolveRecord> sequence() {
        return List.of(seq(1000, 0.01, 0.004), seq(100000, 0.5, 0.4));
    }

    private static SolveRecord seq(int length, double seconds, double sequential) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cell", "gru");
        figures.put("D", 8);
        figures.put("T", length);
        figures.put("threads", 2);
        figures.put("maxDeviation", 1e-12);
        figures.put("depth", 60L);
        figures.put("work", 6000L);
        figures.put("sequentialSeconds", sequential);
        figures.put("projected", new double[] {1, 1, 1, 1});
        return new SolveRecord("sequence", "gru D=8 T=" + length, 8 * length, "fixpoint", "deer", "parallel in time", SolveRecord.Outcome.RAN,
                Status.CONVERGED, null, true, true, "", 6, Map.of(), 0, 1e-13, seconds, 1, null, null, figures);
    }

    static List<SuiteReport> suites() {
        return List.of(suite("least-squares", NistSection.html(nist()), nist().results()),
                suite("fixed-point", FixedPointSection.html(fixedPoint()), fixedPoint().rows()),
                suite("sequence", SequenceSection.html(sequence()), sequence()));
    }

    private static SuiteReport suite(String name, String html, List<SolveRecord> records) {
        return new SuiteReport(name, name, records, "", html, Map.of(), List.of(), false, 1);
    }

    @Test
    void everySuiteJoinsTheMinimisationPage(@TempDir Path dir) throws Exception {
        List<SuiteReport> all = new ArrayList<>(List.of(Synthetic.report()));
        all.addAll(suites());
        String html = Files.readString(ReportWriter.write(all, "2026-01-01T00:00:00Z", 3, dir));

        assertValidPage(html, 7); // two profiles, four convergence plots, one speed-up plot
        assertThat(html).contains("Fixpoint lbfgs solved 3 of 4", "<h2 id=\"minimization\">", "<h2 id=\"least-squares\">",
                "<h2 id=\"fixed-point\">", "<h2 id=\"sequence\">", "href=\"least-squares/results.csv\"");
        assertThat(html.indexOf("id=\"minimization\"")).isLessThan(html.indexOf("id=\"least-squares\""));
        // LRE 3.2 (Thurber, lm) is below 6 and highlighted; 9.8 is not; a missing fit is a dash
        assertThat(html).contains("<td class=\"low\" title=\"CONVERGED: converged &lt;&amp;&gt;\">3.2</td>", "\">9.8</td>", "<th>scipy-lm</th>");
        assertThat(count(html, "<th>scipy-lm</th>")).isOne();
        assertThat(html).contains("<td class=\"na\">–</td>");
        // the unsolved map is highlighted; solved counts per method
        assertThat(html).contains("<td class=\"low\" title=\"MAX_ITERATIONS\">1000</td>", "<th>fixpoint anderson</th>", "yes (9)", "<th>1 / 2</th>");
    }

    @Test
    void withoutMinimisationThePageHoldsOnlyTheOtherSuites(@TempDir Path dir) throws Exception {
        String html = Files.readString(ReportWriter.write(suites(), "2026-01-01T00:00:00Z", 3, dir));
        assertValidPage(html, 1);
        assertThat(html).contains("NIST StRD", "Fixed points and roots", "parallel-in-time").doesNotContain("Headline");
        assertThat(dir.resolve("fixed-point/results.json")).exists();
    }

    @Test
    void theDisplacementTableIsInTheFixedPointSection() {
        String html = FixedPointSection.html(fixedPoint());
        assertThat(html).contains("Map evaluations to reach ‖x − T(x)‖ ≤ 1e-10, per method and map; highlighted: not solved (residual above 1e-08)");
        assertThat(html).contains("Displacement estimates on 1 map without a fixed point (disjoint-discs), run by halpern",
                "between k = 1024 and 4096", "<th>k = 4</th>", "<th>k = 4096</th>", "<td class=\"l\">2r_k − r_{k/2}</td>");
        // e ∝ k^−p between k = 1024 and 4096: 4e-3 → 1e-3 is p = 1, 1e-5 → 6.25e-7 is p = 2, a zero error has no order
        assertThat(html).contains("<td>4.0e-03</td><td>1.0e-03</td><td>1.00</td>", "<td>6.3e-07</td><td>2.00</td>", "<td>0.0e+00</td><td>–</td>");
    }

    @Test
    void theSequenceSectionDescribesItsOwnRun() {
        assertThat(SequenceSection.html(sequence())).contains("2 solves (cell gru, T from 1000 to 100000, 2 thread(s))", "(one repeat)");
        assertThat(SequenceSection.summary(List.of())).isEqualTo("No trajectory was solved in this run.");
    }

    @Test
    void theSpeedUpPlotLabelsItsAxesAndSeriesInsideItsFrame() {
        String svg = SequenceBench.speedupSvg(sequence());
        assertThat(svg).contains("T, steps in the sequence", "speed-up = sequential time / method time", ">deer</text>",
                "measured, 2 threads", "model, 16 cores", "model, 64 cores", ">10⁶</text>", "parity");
        double width = Double.parseDouble(svg.replaceAll("(?s).*?width='([0-9.]+)'.*", "$1"));
        // at 12 px sans-serif a character is at most about 7 px wide: no label may run past either edge
        Matcher text = Pattern.compile("<text x='([-0-9.]+)'[^>]*?(text-anchor='(\\w+)')?[^>]*>([^<]*)</text>").matcher(svg);
        int labels = 0;
        while (text.find()) {
            double x = Double.parseDouble(text.group(1));
            double extent = 7 * text.group(4).length();
            String anchor = text.group(3) == null ? "start" : text.group(3);
            double left = anchor.equals("start") ? x : anchor.equals("end") ? x - extent : x - extent / 2;
            assertThat(left).as(text.group()).isGreaterThanOrEqualTo(0);
            assertThat(left + extent).as(text.group()).isLessThanOrEqualTo(width);
            labels++;
        }
        assertThat(labels).isGreaterThan(15);
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
