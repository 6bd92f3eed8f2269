package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import java.util.List;
import java.util.function.Function;

/** Tables of solve records for the report sections: problems down, solvers across, and what each solver solved. */
public final class RecordGrid {
    private RecordGrid() {
    }

    /**
     * Problems down, solvers (tool and method) across, each cell {@code cell} of the record (its status as a
     * tooltip; highlighted when the judge says not solved); the last row counts the solved problems.
     */
    public static void table(StringBuilder h, List<SolveRecord> rows, Function<SolveRecord, String> cell) {
        List<String> solvers = rows.stream().map(SolveRecord::solver).distinct().toList();
        List<String> problems = rows.stream().map(SolveRecord::problem).distinct().toList();
        h.append("<table><tr><th class=\"l\">problem</th>");
        solvers.forEach(m -> h.append("<th>").append(Html.escape(m)).append("</th>"));
        h.append("</tr>\n");
        for (String p : problems) {
            h.append("<tr><td class=\"l\">").append(Html.escape(p)).append("</td>");
            for (String m : solvers) {
                SolveRecord r = rows.stream().filter(x -> x.problem().equals(p) && x.solver().equals(m)).findFirst().orElse(null);
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
        for (String m : solvers) {
            long n = rows.stream().filter(r -> r.solver().equals(m) && r.solved()).count();
            h.append("<th>").append(n).append(" / ").append(problems.size()).append("</th>");
        }
        h.append("</tr></table>\n");
    }

    /** Every note as a warning paragraph. */
    public static void notes(StringBuilder h, List<String> notes) {
        for (String note : notes) {
            h.append("<p class=\"warn\">").append(Html.escape(note)).append("</p>\n");
        }
    }

    /** {@code text} escaped for HTML. */
    public static String escape(String text) {
        return Html.escape(text);
    }
}
