package io.fixpoint.bench.report;

import io.fixpoint.bench.nist.NistBench;
import io.fixpoint.bench.SolveRecord;
import java.util.List;
import java.util.Locale;

/** The least-squares section of the bench report: the NIST StRD LRE table, dataset × start × method, beside SciPy. */
public final class NistSection {
    private NistSection() {
    }

    /** An HTML fragment (opening with an h2) built from the bench's own results. */
    public static String html(NistBench.Table t) {
        List<String> columns = t.methods(); // SciPy's lm and trf included, as scipy-lm and scipy-trf, when it ran
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"least-squares\">Least squares: NIST StRD</h2>\n<p>Log relative error (LRE, digits agreeing with the certified ")
                .append("values; the smaller of the worst parameter and the residual sum of squares) per dataset, start and method. ")
                .append(String.format(Locale.ROOT, "Cells below LRE %.0f are highlighted.", NistBench.TARGET));
        if (t.peerSkipped() != null) {
            h.append(" SciPy skipped: ").append(Html.escape(t.peerSkipped())).append('.');
        }
        h.append("</p>\n<table><tr><th class=\"l\">dataset</th><th>start</th>");
        columns.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (String d : t.datasets()) {
            for (int start = 1; start <= 2; start++) {
                h.append("<tr><td class=\"l\">").append(Html.escape(d)).append("</td><td>").append(start).append("</td>");
                for (String c : columns) {
                    SolveRecord r = t.get(d, start, c);
                    if (r == null) {
                        h.append("<td class=\"na\">–</td>");
                    } else {
                        double lre = NistBench.lre(r);
                        h.append(lre < NistBench.TARGET ? "<td class=\"low\"" : "<td").append(" title=\"").append(Html.escape(r.statusText() + ": " + r.message()))
                                .append("\">").append(String.format(Locale.ROOT, "%.1f", lre)).append("</td>");
                    }
                }
                h.append("</tr>\n");
            }
        }
        h.append("<tr><th class=\"l\">solved</th><th></th>");
        for (String c : columns) {
            long n = t.results().stream().filter(r -> NistBench.column(r).equals(c) && r.solved()).count();
            h.append("<th>").append(n).append("</th>");
        }
        h.append("</tr></table>\n");
        return h.toString();
    }
}
