package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.fixedpoint.FixedPointBench;
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
        RecordGrid.notes(h, report.notes());
        return h.toString();
    }

    private static void table(StringBuilder h, FixedPointBench.Report report, String section,
            java.util.function.Function<SolveRecord, String> cell) {
        RecordGrid.table(h, report.rows().stream().filter(r -> FixedPointBench.section(r).equals(section)).toList(), cell);
    }
}
