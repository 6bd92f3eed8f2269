package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.sequence.SequenceBench;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sequence section of the bench report: the speed-up plot (inline SVG) and the measured rows. */
public final class SequenceSection {
    private SequenceSection() {
    }

    /** An HTML fragment (opening with an h2) built from the sweep's own rows. */
    public static String html(List<SolveRecord> rows) {
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"sequence\">Sequence: parallel-in-time recurrences</h2>\n<p>").append(summary(rows)).append("</p>\n<div>")
                .append(SequenceBench.speedupSvg(rows)).append("</div>\n");
        h.append("<table><tr><th class=\"l\">cell</th><th>D</th><th>T</th><th class=\"l\">method</th><th>threads</th>")
                .append("<th class=\"l\">status</th><th>iterations</th><th>max deviation</th><th>time</th><th>sequential</th>")
                .append("<th>speed-up</th></tr>\n");
        for (SolveRecord r : rows) {
            h.append("<tr><td class=\"l\">").append(Html.escape(String.valueOf(r.figures().get("cell")))).append("</td><td>")
                    .append(SequenceBench.d(r)).append("</td><td>").append(SequenceBench.length(r)).append("</td><td class=\"l\">")
                    .append(Html.escape(r.method())).append("</td><td>").append(SequenceBench.threads(r)).append("</td><td class=\"l\">")
                    .append(Html.escape(r.statusText())).append("</td><td>").append(r.iterations()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1e", SequenceBench.maxDeviation(r))).append("</td><td>")
                    .append(Html.seconds(r.seconds())).append("</td><td>").append(Html.seconds(SequenceBench.sequentialSeconds(r)))
                    .append("</td><td>").append(Html.num(SequenceBench.speedup(r))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        return h.toString();
    }

    /** What the run did, in one paragraph: solves, cells, lengths, threads and repeats, all read off the rows. */
    static String summary(List<SolveRecord> rows) {
        if (rows.isEmpty()) {
            return "No trajectory was solved in this run.";
        }
        String cells = rows.stream().map(r -> String.valueOf(r.figures().get("cell"))).distinct().collect(Collectors.joining(", "));
        IntSummaryStatistics lengths = rows.stream().mapToInt(SequenceBench::length).summaryStatistics();
        String threads = rows.stream().map(r -> String.valueOf(SequenceBench.threads(r))).distinct().collect(Collectors.joining(", "));
        IntSummaryStatistics repeats = rows.stream().mapToInt(SolveRecord::repeats).summaryStatistics();
        String medians = repeats.getMax() == 1 ? "one repeat"
                : "medians of " + (repeats.getMin() == repeats.getMax() ? repeats.getMin() : repeats.getMin() + "–" + repeats.getMax()) + " repeats";
        return Html.escape(String.format(Locale.ROOT, "%d solves (cell %s, T from %d to %d, %s thread(s)). Speed-up = sequential time / method "
                + "time, both timed side by side in each repeat (%s); the projections for %d and %d cores come from the cost "
                + "model calibrated in the same run.", rows.size(), cells, lengths.getMin(), lengths.getMax(), threads, medians,
                SequenceBench.CORES[2], SequenceBench.CORES[3]));
    }
}
