package io.fixpoint.bench.report;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.compare.Comparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a bench run to a directory: {@code index.html}, one self-contained page (inline CSS and
 * SVG, no script, no network) with a section per suite, and per suite a folder with
 * {@code results.csv}, {@code results.json} and the suite's own files. Every sentence about the run
 * comes from the reports it is given.
 */
public final class ReportWriter {
    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1320px;color:#1b1b1b;padding:0 16px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
            .meta{color:#555}.headline{background:#f3f7fc;border-left:4px solid #1f77b4;padding:8px 14px}
            .warn{background:#fff6e0;border-left:4px solid #e0a000;padding:8px 14px;margin:8px 0}
            .fail{background:#fdecec;border-left:4px solid #c62828;padding:8px 14px;margin:8px 0}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:right}
            th{background:#f5f5f5}td.l,th.l{text-align:left}tr.fp td{background:#fbfdf7}.no{color:#c62828}.na{color:#aaa}
            .plots{display:grid;grid-template-columns:repeat(auto-fill,minmax(430px,1fr));gap:10px}.profiles{display:flex;flex-wrap:wrap;gap:16px}
            .legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0 10px;font-size:13px}.legend span{white-space:nowrap}
            details{margin:6px 0}code{background:#f3f3f3;padding:0 3px}
            td.low{background:#fdecec;color:#c62828}
            """ + SvgPlot.STYLE + "\n";

    private ReportWriter() {
    }

    /** Writes the page and the suites' folders into {@code dir} (created if missing); returns the path of index.html. */
    public static Path write(List<SuiteReport> reports, String date, double wallSeconds, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (SuiteReport r : reports) {
            try {
                BenchFiles.write(dir.resolve(r.suite()), r.allFiles());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        Path index = dir.resolve("index.html");
        Files.writeString(index, page(reports, date, wallSeconds), StandardCharsets.UTF_8);
        return index;
    }

    /** The whole page. */
    static String page(List<SuiteReport> reports, String date, double wallSeconds) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Fixpoint benchmark report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Fixpoint benchmark report</h1>\n");
        h.append("<p class=\"meta\">Run ").append(Html.escape(date)).append(" on ").append(Html.escape(Comparison.machine()))
                .append(String.format(Locale.ROOT, "; whole run %.0f s.</p>\n", wallSeconds));
        h.append("<table><tr><th class=\"l\">suite</th><th>solves</th><th>solved</th><th>time</th><th class=\"l\">notes</th></tr>\n");
        for (SuiteReport r : reports) {
            h.append("<tr><td class=\"l\"><a href=\"#").append(Html.escape(r.suite())).append("\">").append(Html.escape(r.title()))
                    .append("</a></td><td>").append(r.records().size()).append("</td><td>").append(r.solved()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.0f s", r.seconds())).append("</td><td class=\"l\">")
                    .append(Html.escape(String.join("; ", r.notes()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (SuiteReport r : reports) {
            h.append(r.html());
            h.append("<p>This section's data: ");
            List<String> files = List.copyOf(r.allFiles().keySet());
            for (int i = 0; i < files.size(); i++) {
                String f = r.suite() + "/" + files.get(i);
                h.append(i == 0 ? "" : ", ").append("<a href=\"").append(Html.escape(f)).append("\">").append(Html.escape(f)).append("</a>");
            }
            h.append(" (one record per solve: tool, method, status, judged solved or not, counts, final point).</p>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }
}
