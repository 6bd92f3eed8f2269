package io.fixpoint.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.compare.SolveRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a comparison to a directory: index.html (self-contained), results.csv and results.json. */
public final class ReportWriter {
    static final String[] CSV_COLUMNS = {"tool", "method", "family", "problem", "dimension", "solved", "status", "claimed_success", "value",
        "known_minimum", "gradient_norm", "f_evaluations", "gradient_evaluations", "hessian_evaluations", "iterations", "median_seconds",
        "repeats", "message"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the three files into {@code dir} (created if missing) and returns the path of index.html. */
    public static Path write(ComparisonResult result, Path dir) throws IOException {
        Path index = writeHtml(result, dir);
        Files.writeString(dir.resolve("results.csv"), csv(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json(result)), StandardCharsets.UTF_8);
        return index;
    }

    /** Writes only index.html (next to files written by someone else) and returns its path. */
    public static Path writeHtml(ComparisonResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Files.writeString(index, new HtmlReport(result).render(), StandardCharsets.UTF_8);
        return index;
    }

    /**
     * Writes index.html with the minimisation report ({@code minimization}, or none when null) followed by the other suites'
     * sections (from {@link NistSection}, {@link FixedPointSection}, {@link SequenceSection}) and returns its path.
     */
    public static Path writeHtml(ComparisonResult minimization, List<String> sections, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        String page = minimization != null ? new HtmlReport(minimization, sections).render() : HtmlReport.sectionsOnly(sections);
        Files.writeString(index, page, StandardCharsets.UTF_8);
        return index;
    }

    /** The headline sentences, for the terminal and the README. */
    public static List<String> headline(ComparisonResult result) {
        return new Summary(result).headline();
    }

    static String csv(ComparisonResult result) {
        Map<String, Double> known = new LinkedHashMap<>();
        result.problems().forEach(p -> known.put(p.name(), p.knownMinimum()));
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (SolveRecord r : result.records()) {
            List<String> f = List.of(r.tool(), r.method(), r.family().name().toLowerCase(Locale.ROOT), r.problem(), String.valueOf(r.dimension()),
                    String.valueOf(r.solved()), r.status(), String.valueOf(r.claimed()), num(r.value()), num(known.getOrDefault(r.problem(), Double.NaN)),
                    num(r.gradientNorm()), String.valueOf(r.valueEvaluations()), String.valueOf(r.gradientEvaluations()),
                    String.valueOf(r.hessianEvaluations()), String.valueOf(r.iterations()), num(r.seconds()), String.valueOf(r.repeats()),
                    r.message());
            b.append(String.join(",", f.stream().map(ReportWriter::csvField).toList())).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    /** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
    public static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static Map<String, Object> json(ComparisonResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", result.date());
        m.put("machine", result.machine());
        m.put("wallSeconds", result.wallSeconds());
        CompareSettings s = result.settings();
        m.put("settings", Map.of("absoluteGradientTolerance", s.absoluteGradientTolerance(), "relativeGradientTolerance",
                s.relativeGradientTolerance(), "maxIterations", s.maxIterations(), "successTolerance", s.successTolerance(), "warmups",
                s.warmups(), "repeats", s.repeats(), "secondsPerMethod", s.secondsPerMethod()));
        m.put("headline", new Summary(result).headline());
        m.put("problems", result.problems().stream().map(p -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("name", p.name());
            q.put("dimension", p.dimension());
            q.put("knownMinimum", p.knownMinimum());
            q.put("reference", p.reference());
            return q;
        }).toList());
        List<Map<String, Object>> tools = new ArrayList<>();
        for (PeerOutcome o : result.outcomes()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tool", o.peer());
            t.put("version", o.version());
            t.put("skipped", o.skipped());
            t.put("disagreements", o.disagreements());
            t.put("excluded", o.excluded());
            t.put("notes", o.notes());
            tools.add(t);
        }
        m.put("tools", tools);
        m.put("records", result.records().stream().map(ReportWriter::json).toList());
        return m;
    }

    /** One solve as a JSON-ready map (the records of results.json, the lines of {@code bench --compare --json}). */
    public static Map<String, Object> json(SolveRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", r.tool());
        m.put("method", r.method());
        m.put("family", r.family().name().toLowerCase(Locale.ROOT));
        m.put("problem", r.problem());
        m.put("dimension", r.dimension());
        m.put("solved", r.solved());
        m.put("status", r.status());
        m.put("claimedSuccess", r.claimed());
        m.put("value", finite(r.value()));
        m.put("gradientNorm", finite(r.gradientNorm()));
        m.put("evaluations", Map.of("value", r.valueEvaluations(), "gradient", r.gradientEvaluations(), "hessian", r.hessianEvaluations()));
        m.put("iterations", r.iterations());
        m.put("seconds", finite(r.seconds()));
        m.put("repeats", r.repeats());
        m.put("message", r.message());
        List<Object> h = new ArrayList<>(r.history().length);
        for (double v : r.history()) {
            h.add(finite(v));
        }
        m.put("history", h);
        return m;
    }

    /** JSON has no NaN or Infinity: those become strings. */
    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }
}
