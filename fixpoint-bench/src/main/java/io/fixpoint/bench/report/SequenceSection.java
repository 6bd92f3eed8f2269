package io.fixpoint.bench.report;

import io.fixpoint.bench.sequence.SequenceBench;
import java.util.List;
import java.util.Locale;

/** The sequence section of the bench report: the speed-up plot (inline SVG) and the measured rows. */
public final class SequenceSection {
    private SequenceSection() {
    }

    /** An HTML fragment (opening with an h2) built from the sweep's own rows. */
    public static String html(List<SequenceBench.Row> rows) {
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"sequence\">Sequence: parallel-in-time recurrences</h2>\n<p>Speed-up of the whole-trajectory solve over the ")
                .append("sequential loop, measured and projected from the cost model.</p>\n<div>")
                .append(SequenceBench.speedupSvg(rows)).append("</div>\n");
        h.append("<table><tr><th class=\"l\">cell</th><th>D</th><th>T</th><th class=\"l\">method</th><th>threads</th>")
                .append("<th class=\"l\">status</th><th>iterations</th><th>max deviation</th><th>time</th><th>sequential</th>")
                .append("<th>speed-up</th></tr>\n");
        for (SequenceBench.Row r : rows) {
            h.append("<tr><td class=\"l\">").append(Html.escape(r.cell())).append("</td><td>").append(r.d()).append("</td><td>")
                    .append(r.length()).append("</td><td class=\"l\">").append(Html.escape(r.method())).append("</td><td>")
                    .append(r.threads()).append("</td><td class=\"l\">").append(Html.escape(r.status())).append("</td><td>")
                    .append(r.iterations()).append("</td><td>").append(String.format(Locale.ROOT, "%.1e", r.maxDeviation()))
                    .append("</td><td>").append(Html.seconds(r.seconds())).append("</td><td>").append(Html.seconds(r.sequentialSeconds()))
                    .append("</td><td>").append(Html.num(r.sequentialSeconds() / r.seconds())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>The same rows: <a href=\"sequence/sequence-bench.csv\">sequence-bench.csv</a>.</p>\n");
        return h.toString();
    }
}
