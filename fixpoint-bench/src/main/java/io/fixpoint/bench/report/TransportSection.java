package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.transport.TransportBench;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The transport section of the bench report: the paper's claim beside this run's ratios, the plots, the solves beside POT. */
public final class TransportSection {
    private TransportSection() {
    }

    /** An HTML fragment (opening with an h2) built from the run's own records. */
    public static String html(TransportBench.Result r) {
        StringBuilder h = new StringBuilder(1 << 14);
        List<SolveRecord> all = r.records();
        List<SolveRecord> ratio = TransportBench.ratioRuns(all);
        h.append("<h2 id=\"transport\">Entropic optimal transport</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>The paper's number beside ours, measured in one run: n = %d uniform points in the unit square "
                + "per side (seed %d), squared Euclidean cost, ε as listed, every solve to a relative marginal error of %s. Iteration counts and "
                + "matrix passes are exact; times are one run on this machine.</p>\n", r.n(), r.seed(), Html.num(TransportBench.TOLERANCE)));
        h.append("<table><tr><th class=\"l\">claim</th><th class=\"l\">the paper's number</th><th class=\"l\">ours (SNS / Sinkhorn iterations)</th>")
                .append("<th class=\"l\">in this run</th></tr>\n<tr><td class=\"l\">").append(Html.escape(TransportBench.CLAIM))
                .append("</td><td class=\"l\">orders of magnitude (≥ ").append(Html.num(TransportBench.CLAIMED_RATIO)).append("×)</td><td class=\"l\">");
        List<SolveRecord> sns = ratio.stream().filter(x -> x.method().equals("sns")).toList();
        List<String> measured = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        SolveRecord best = null;
        for (SolveRecord x : sns) {
            double q = TransportBench.ratio(all, x);
            measured.add((TransportBench.lowerBound(all, x) ? "> " : "") + Html.num(q) + "× at ε = " + Html.num(TransportBench.eps(x)));
            if (q >= TransportBench.CLAIMED_RATIO) {
                holds.add(Html.num(TransportBench.eps(x)));
            }
            if (best == null || q > TransportBench.ratio(all, best)) {
                best = x;
            }
        }
        h.append(sns.isEmpty() ? "SNS was not run" : Html.escape(String.join(", ", measured))).append("</td><td class=\"l\">");
        if (best == null || Double.isNaN(TransportBench.ratio(all, best))) {
            h.append("no ratio measured (SNS and Sinkhorn must both run)");
        } else if (holds.isEmpty()) {
            h.append("not reached: at most ").append(Html.num(TransportBench.ratio(all, best))).append("× (ε = ")
                    .append(Html.num(TransportBench.eps(best))).append(")");
        } else {
            h.append("holds at ε = ").append(Html.escape(String.join(", ", holds))).append(" (≥ ").append(Html.num(TransportBench.CLAIMED_RATIO))
                    .append("×)");
        }
        h.append("</td></tr></table>\n");

        h.append("<table><tr><th>ε</th><th class=\"l\">method</th><th class=\"l\">status</th><th>iterations</th><th>of which Newton</th>")
                .append("<th>matrix passes</th><th>time</th><th>iteration ratio</th><th>|cost − Sinkhorn's|</th></tr>\n");
        for (SolveRecord x : ratio) {
            double q = TransportBench.ratio(all, x);
            int newton = TransportBench.newtonIterations(x);
            h.append(x.solved() ? "<tr>" : "<tr class=\"no\">").append("<td>").append(Html.num(TransportBench.eps(x))).append("</td><td class=\"l\">")
                    .append(Html.escape(x.method())).append(x.figures().containsKey("standsFor") ? " (for sinkhorn)" : "").append("</td><td class=\"l\">")
                    .append(Html.escape(x.statusText())).append("</td><td>").append(x.iterations()).append("</td><td>")
                    .append(newton < 0 ? "" : String.valueOf(newton)).append("</td><td>").append(x.count("matrixPass")).append("</td><td>")
                    .append(Html.seconds(x.seconds())).append("</td><td>").append(TransportBench.lowerBound(all, x) ? "&gt; " : "").append(Html.num(q))
                    .append("</td><td>").append(Html.num(Math.abs(x.value() - sinkhornCost(all, x)))).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Iteration ratio: Sinkhorn's iterations over the method's at the same ε (Sinkhorn in the scaling form where it "
                + "works, in the log domain where it breaks down: the same iterations in exact arithmetic); SNS's count includes its Sinkhorn "
                + "phase.</p>\n");
        List<SvgPlot> plots = TransportBench.plots(r);
        h.append(plots.get(0).legend()).append("<div class=\"plots\">");
        plots.forEach(p -> h.append("<div>").append(p.render()).append("</div>"));
        h.append("</div>\n");

        List<SolveRecord> pot = TransportBench.potRuns(all);
        if (r.potVersion() != null) {
            h.append(String.format(Locale.ROOT, "<h3>Beside POT %s</h3>\n<p>n = %d (seed %d); Fixpoint's Sinkhorn in both forms and POT's "
                    + "<code>ot.sinkhorn</code> (<code>sinkhorn</code>, <code>sinkhorn_log</code>) on the same cost matrices, both tools to a "
                    + "marginal error of %s (POT stops on the 2-norm of its target marginal's error; its threshold is %s/√m, the same test). "
                    + "Costs and marginal errors recomputed by Fixpoint from each plan.</p>\n", Html.escape(r.potVersion()), r.potN(), r.seed() + 1,
                    Html.num(TransportBench.PEER_TOLERANCE), Html.num(TransportBench.PEER_TOLERANCE)));
        } else if (!pot.isEmpty()) {
            h.append(String.format(Locale.ROOT, "<h3>The problems beside POT, without POT</h3>\n<p>n = %d (seed %d), Fixpoint's Sinkhorn in "
                    + "both forms to a marginal error of %s.</p>\n", r.potN(), r.seed() + 1, Html.num(TransportBench.PEER_TOLERANCE)));
        }
        if (!pot.isEmpty()) {
            h.append("<table><tr><th>ε</th><th class=\"l\">tool</th><th class=\"l\">method</th><th class=\"l\">status</th><th>iterations</th>")
                    .append("<th>marginal error</th><th>time</th><th>|Δcost| / cost</th><th>max |ΔP|</th><th class=\"l\">solved</th></tr>\n");
            for (SolveRecord x : pot) {
                h.append(x.isFixpoint() ? "<tr class=\"fp\">" : "<tr>").append("<td>").append(Html.num(TransportBench.eps(x))).append("</td><td class=\"l\">")
                        .append(Html.escape(x.tool())).append("</td><td class=\"l\">").append(Html.escape(x.method())).append("</td><td class=\"l\">")
                        .append(Html.escape(x.statusText())).append("</td><td>").append(x.iterations()).append("</td><td>").append(Html.num(x.optimality()))
                        .append("</td><td>").append(Html.seconds(x.seconds())).append("</td><td>").append(Html.num(x.figure("costDifference", Double.NaN)))
                        .append("</td><td>").append(Html.num(x.figure("planDifference", Double.NaN))).append("</td><td class=\"l")
                        .append(x.solved() ? "\">yes" : " no\">no").append("</td></tr>\n");
            }
            h.append("</table>\n<p>|Δcost| / cost and max |ΔP|: the largest differences from the other tool's converged plans.</p>\n");
        }
        for (String note : r.notes()) {
            h.append("<p class=\"warn\">").append(Html.escape(note)).append("</p>\n");
        }
        h.append("<p>").append(Html.escape(TransportBench.judgeSentence())).append(String.format(Locale.ROOT, " %d of %d solves solved.</p>\n",
                all.stream().filter(SolveRecord::solved).count(), all.size()));
        return h.toString();
    }

    private static double sinkhornCost(List<SolveRecord> all, SolveRecord x) {
        return TransportBench.ratioRuns(all).stream().filter(y -> TransportBench.eps(y) == TransportBench.eps(x) && TransportBench.method(y).equals("sinkhorn"))
                .mapToDouble(SolveRecord::value).findFirst().orElse(Double.NaN);
    }
}
