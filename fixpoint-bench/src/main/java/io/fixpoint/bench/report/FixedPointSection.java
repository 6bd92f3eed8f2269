package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.fixedpoint.DetectionRates;
import io.fixpoint.bench.fixedpoint.FixedPointBench;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fixed-point and root section of the bench report: map evaluations per method and map, root
 * systems solved, beside SciPy, and the errors of the displacement estimates on maps without a fixed
 * point.
 */
public final class FixedPointSection {
    private FixedPointSection() {
    }

    /** An HTML fragment (opening with an h2) built from the bench's own rows. */
    public static String html(FixedPointBench.Report report) {
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"fixed-point\">Fixed points and roots</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>Map evaluations to reach ‖x − T(x)‖ ≤ %.0e, per method and map; highlighted: "
                + "not solved (residual above %.0e).</p>\n", FixedPointBench.MAP_TOL, FixedPointBench.MAP_SOLVED));
        table(h, report, "map", r -> String.valueOf(FixedPointBench.evaluations(r)));
        h.append(String.format(Locale.ROOT, "<p>Square MGH systems from the standard starts: solved means ‖F‖₂ ≤ %.0e, the same test for "
                + "both tools (cells: residual evaluations).</p>\n", FixedPointBench.ROOT_SOLVED));
        table(h, report, "root", r -> r.solved() ? "yes (" + FixedPointBench.evaluations(r) + ")" : "no");
        displacement(h, report.detection());
        RecordGrid.notes(h, report.notes());
        return h.toString();
    }

    private static void table(StringBuilder h, FixedPointBench.Report report, String section,
            java.util.function.Function<SolveRecord, String> cell) {
        RecordGrid.table(h, report.rows().stream().filter(r -> FixedPointBench.section(r).equals(section)).toList(), cell);
    }

    /** The error ‖v̂ − v‖ of each estimate at each checkpoint, with the order p of e ∝ k^−p over the last two. */
    private static void displacement(StringBuilder h, List<DetectionRates.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] k = DetectionRates.CHECKPOINTS;
        List<String> maps = rows.stream().map(DetectionRates.Row::map).distinct().toList();
        String methods = rows.stream().map(DetectionRates.Row::method).distinct().collect(Collectors.joining(" and "));
        h.append("<p>Displacement estimates on ").append(maps.size()).append(maps.size() == 1 ? " map" : " maps")
                .append(" without a fixed point (").append(Html.escape(String.join(", ", maps))).append("), run by ")
                .append(Html.escape(methods)).append(" with detection off: the error ‖v̂ − v‖ against the known displacement v after k ")
                .append("iterations, for the normalised iterates s(x₀ − x_k)/k (s = 1 for Picard, 2 for Halpern), the residual ")
                .append("r_k = x_k − T(x_k) and its extrapolation 2r_k − r_{k/2}; p is the observed order of e ∝ k^−p between k = ")
                .append(k[k.length - 2]).append(" and ").append(k[k.length - 1]).append(".</p>\n");
        h.append("<table><tr><th class=\"l\">map</th><th class=\"l\">method</th><th class=\"l\">estimate</th>");
        for (int c : k) {
            h.append("<th>k = ").append(c).append("</th>");
        }
        h.append("<th>p</th></tr>\n");
        for (DetectionRates.Row r : rows) {
            estimate(h, r, "s(x₀ − x_k)/k", r.iterateErrors());
            estimate(h, r, "r_k", r.residualErrors());
            estimate(h, r, "2r_k − r_{k/2}", r.extrapolatedErrors());
        }
        h.append("</table>\n");
    }

    private static void estimate(StringBuilder h, DetectionRates.Row r, String name, double[] errors) {
        int[] k = DetectionRates.CHECKPOINTS;
        h.append("<tr><td class=\"l\">").append(Html.escape(r.map())).append("</td><td class=\"l\">").append(Html.escape(r.method()))
                .append("</td><td class=\"l\">").append(Html.escape(name)).append("</td>");
        for (double e : errors) {
            h.append("<td>").append(String.format(Locale.ROOT, "%.1e", e)).append("</td>");
        }
        int n = errors.length;
        double before = errors[n - 2];
        double last = errors[n - 1];
        double order = before > 0 && last > 0 ? Math.log(before / last) / Math.log((double) k[n - 1] / k[n - 2]) : Double.NaN;
        h.append("<td>").append(Double.isFinite(order) ? String.format(Locale.ROOT, "%.2f", order) : "–").append("</td></tr>\n");
    }
}
