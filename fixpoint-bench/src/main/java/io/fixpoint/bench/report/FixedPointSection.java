package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.fixedpoint.FixedPointBench;
import java.util.List;
import java.util.Locale;

/** The fixed-point and root section of the bench report: map evaluations per method and map, root systems solved, beside SciPy. */
public final class FixedPointSection {
    private FixedPointSection() {
    }

    /** An HTML fragment (opening with an h2) built from the bench's own rows. */
    public static String html(FixedPointBench.Report report) {
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"fixed-point\">Fixed points and roots</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>Map evaluations to reach ‖x − T(x)‖ ≤ tolerance, per method and map; highlighted: "
                + "not solved (residual above %.0e).</p>\n", FixedPointBench.MAP_SOLVED));
        table(h, report, "map", r -> String.valueOf(FixedPointBench.evaluations(r)));
        h.append(String.format(Locale.ROOT, "<p>Square MGH systems from the standard starts: solved means ‖F‖₂ ≤ %.0e, the same test for "
                + "both tools (cells: residual evaluations).</p>\n", FixedPointBench.ROOT_SOLVED));
        table(h, report, "root", r -> r.solved() ? "yes (" + FixedPointBench.evaluations(r) + ")" : "no");
        for (String note : report.notes()) {
            h.append("<p class=\"warn\">").append(Html.escape(note)).append("</p>\n");
        }
        return h.toString();
    }

    private static void table(StringBuilder h, FixedPointBench.Report report, String section,
            java.util.function.Function<SolveRecord, String> cell) {
        List<SolveRecord> rows = report.rows().stream().filter(r -> FixedPointBench.section(r).equals(section)).toList();
        List<String> methods = rows.stream().map(r -> r.solver()).distinct().toList();
        List<String> problems = rows.stream().map(SolveRecord::problem).distinct().toList();
        h.append("<table><tr><th class=\"l\">problem</th>");
        methods.forEach(m -> h.append("<th>").append(Html.escape(m)).append("</th>"));
        h.append("</tr>\n");
        for (String p : problems) {
            h.append("<tr><td class=\"l\">").append(Html.escape(p)).append("</td>");
            for (String m : methods) {
                SolveRecord r = rows.stream().filter(x -> x.problem().equals(p) && x.solver().equals(m))
                        .findFirst().orElse(null);
                if (r == null) {
                    h.append("<td class=\"na\">–</td>");
                } else {
                    h.append(r.solved() ? "<td" : "<td class=\"low\"").append(" title=\"").append(Html.escape(r.statusText())).append("\">")
                            .append(Html.escape(cell.apply(r))).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("<tr><th class=\"l\">solved</th>");
        for (String m : methods) {
            long n = rows.stream().filter(r -> (r.solver()).equals(m) && r.solved()).count();
            h.append("<th>").append(n).append(" / ").append(problems.size()).append("</th>");
        }
        h.append("</tr></table>\n");
    }
}
