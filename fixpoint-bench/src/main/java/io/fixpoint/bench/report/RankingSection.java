package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.ranking.RankingBench;
import io.fixpoint.bench.ranking.ReferenceCase;
import io.fixpoint.ranking.BradleyTerryModel;
import java.util.List;
import java.util.Locale;

/**
 * The ranking section of the bench report: the judge, one table per model (every method and
 * BradleyTerry2), Newman's claimed ratio beside the measured one, and the agreement of the standard
 * errors with BradleyTerry2. Every sentence comes from the run.
 */
public final class RankingSection {
    private RankingSection() {
    }

    public static String html(RankingBench.Result r) {
        StringBuilder h = new StringBuilder(1 << 14);
        h.append("<h2 id=\"").append(RankingBench.SUITE).append("\">Ranking: Bradley–Terry from pairwise comparisons</h2>\n");
        long ran = r.records().stream().filter(SolveRecord::applicable).count();
        long solved = r.records().stream().filter(SolveRecord::solved).count();
        h.append(String.format(Locale.ROOT, "<p>%d methods on %d models; %d of %d solves that ran are solved. <b>Solved</b>, for every tool "
                + "alike: ‖∇f‖ ≤ %s at the returned estimate, recomputed by Fixpoint's model (f = −ℓ plus the centring term, or minus the "
                + "log prior for Newman's MAP estimate), <i>and</i>, on the fits certified against R, every estimate within %s relative of "
                + "the reference: %s. Times are CPU seconds of the fitting thread (the existence check, building the map, the solve and the certificate), medians of at least %d timed repeats after warm-up; "
                + "each solve may run %s s and %,d iterations.</p>\n",
                r.settings().methods().size(), r.instances().size(), solved, ran, Html.num(RankingBench.TOLERANCE), Html.num(RankingBench.AGREEMENT),
                Html.escape(r.referenceSource()), r.settings().repeats(), Html.num(r.settings().perSolve().toNanos() * 1e-9),
                r.settings().maxIterations()));
        if (Double.isFinite(r.referenceSeconds())) {
            h.append(String.format(Locale.ROOT, "<p>BradleyTerry2 (BTm; Davidson's ties as the equivalent Poisson glm) fitted the %d certified "
                    + "models in one R process of %s s, R's start included, so its rows carry no time of their own.</p>\n",
                    ReferenceCase.values().length, Html.num(r.referenceSeconds())));
        }
        for (String note : r.notes()) {
            h.append("<p class=\"warn\">").append(Html.escape(note)).append("</p>\n");
        }
        claims(h, r);
        for (RankingBench.Instance i : r.instances()) {
            instance(h, i, r.records());
        }
        if (!r.certification().isEmpty()) {
            h.append("<h3>Standard errors against BradleyTerry2</h3>\n<p>Fixpoint's default method with standard errors from the observed "
                    + "information against BradleyTerry2 run live: the largest relative difference per fit.</p>\n");
            h.append("<table><tr><th class=\"l\">fit</th><th>compared</th><th>estimates</th><th>standard errors</th></tr>\n");
            for (ReferenceCase.Agreement a : r.certification()) {
                h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%.1e</td><td>%.1e</td></tr>%n",
                        Html.escape(a.fit().label()), a.compared(), a.estimateError(), a.standardErrorError()));
            }
            h.append("</table>\n");
        }
        return h.toString();
    }

    private static void claims(StringBuilder h, RankingBench.Result r) {
        h.append("<h3>Newman's claim</h3>\n");
        if (r.claims().isEmpty()) {
            h.append("<p>Not measured: the run did not include both zermelo and newman with newman solved on one model.</p>\n");
            return;
        }
        long holds = r.claims().stream().filter(RankingBench.Claim::holds).count();
        h.append(String.format(Locale.ROOT, "<p>Newman (2023, JMLR 24:238) says his iteration is \"over a hundred times faster in some cases\" "
                + "than Zermelo's. Measured side by side on %d models, the ratio of iterations reached %s on %d of them; the largest ratios "
                + "were %s in iterations and %s in CPU time.</p>\n", r.claims().size(), Html.num(RankingBench.CLAIMED_RATIO), holds,
                Html.num(r.claims().stream().mapToDouble(RankingBench.Claim::iterationRatio).max().orElse(Double.NaN)),
                Html.num(r.claims().stream().mapToDouble(RankingBench.Claim::timeRatio).max().orElse(Double.NaN))));
        h.append("<table><tr><th class=\"l\">model</th><th>Zermelo iterations</th><th>Newman iterations</th><th>claimed ratio</th>"
                + "<th>iteration ratio</th><th>time ratio</th><th class=\"l\">≥ 100×</th></tr>\n");
        for (RankingBench.Claim c : r.claims()) {
            String bound = c.lowerBound() ? "&gt;" : "";
            h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%d</td><td>&gt; %s</td><td>%s%s</td><td>%s%s</td>"
                    + "<td class=\"l\">%s</td></tr>%n", Html.escape(c.instance()), c.zermelo(), c.newman(), Html.num(RankingBench.CLAIMED_RATIO),
                    bound, Html.num(c.iterationRatio()), bound, Html.num(c.timeRatio()),
                    c.holds() ? "yes" : c.lowerBound() ? "unknown (Zermelo stopped at its budget)" : "no"));
        }
        h.append("</table>\n");
    }

    private static void instance(StringBuilder h, RankingBench.Instance i, List<SolveRecord> records) {
        BradleyTerryModel m = i.model();
        h.append(String.format(Locale.ROOT, "<h3>%s</h3>\n<p>%s: %d items, %d pairings, %s comparisons.</p>\n", Html.escape(i.name()),
                Html.escape(i.description()), m.data().itemCount(), m.data().recordCount(), Html.num(m.data().comparisons())));
        h.append("<table><tr><th class=\"l\">tool</th><th class=\"l\">method</th><th class=\"l\">status</th><th>solved</th><th>iterations</th>"
                + "<th>‖∇f‖</th><th>difference from reference</th><th>time</th></tr>\n");
        for (SolveRecord r : records) {
            if (!r.problem().equals(i.name())) {
                continue;
            }
            if (!r.applicable()) {
                h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td class=\"l\">%s</td><td class=\"l\" colspan=\"6\">%s: %s</td></tr>%n",
                        Html.escape(r.tool()), Html.escape(r.method()), Html.escape(r.statusText()), Html.escape(r.message())));
                continue;
            }
            double error = r.figure("referenceError", Double.NaN);
            h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td class=\"l\">%s</td><td class=\"l\">%s</td><td>%s</td><td>%s</td>"
                    + "<td>%.1e</td><td>%s</td><td>%s</td></tr>%n", Html.escape(r.tool()), Html.escape(r.method()), Html.escape(r.statusText()),
                    r.solved() ? "yes" : "no", r.iterations() < 0 ? "—" : String.valueOf(r.iterations()), r.optimality(),
                    Double.isNaN(error) ? "—" : String.format(Locale.ROOT, "%.1e", error), Double.isFinite(r.seconds()) ? Html.seconds(r.seconds()) : "—"));
        }
        h.append("</table>\n");
    }
}
