package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.mdp.MdpBench;
import java.util.List;
import java.util.Locale;

/** The decision-process section of the bench report: the paper's claim beside this run's Bellman errors, the plot, every method. */
public final class MdpSection {
    private MdpSection() {
    }

    /** An HTML fragment (opening with an h2) built from the run's own records. */
    public static String html(MdpBench.Result r) {
        StringBuilder h = new StringBuilder(1 << 14);
        List<SolveRecord> curves = MdpBench.curves(r.records());
        List<Integer> marks = MdpBench.marks(r.horizon());
        h.append("<h2 id=\"mdp\">Markov decision processes</h2>\n");
        if (!curves.isEmpty()) {
            h.append(String.format(Locale.ROOT, "<p>The paper's number beside ours, measured in one run: value iteration (VI) and anchored value "
                    + "iteration (Anc-VI) from v₀ = 0 for %d iterations at each γ, the Bellman error ‖T v_k − v_k‖∞ of every iterate recorded "
                    + "(exact counts, not timings). The paper's number is its bound on Anc-VI's error, (γ⁻¹ − γ)(1 + 2γ − γ^{k+1}) / "
                    + "(γ^{−(k+1)} − γ^{k+1}) · ‖v₀ − v*‖∞ → 2‖v₀ − v*‖∞/(k + 1) as γ → 1; for VI it promises no rate while k ≲ 1/(1 − γ).</p>\n",
                    r.horizon()));
            h.append("<table><tr><th class=\"l\">").append(Html.escape(MdpBench.CLAIM)).append("</th><th>γ</th><th class=\"l\"></th>");
            marks.forEach(k -> h.append("<th>k = ").append(k).append("</th>"));
            h.append("</tr>\n");
            for (SolveRecord c : curves) {
                boolean anchored = c.method().equals("anchored-vi");
                row(h, MdpBench.process(c), c, anchored ? "Anc-VI (ours)" : "VI (ours)", marks, k -> MdpBench.at(c, k));
                if (anchored) {
                    double distance = c.figure("distance", Double.NaN);
                    row(h, "", c, "the paper's bound on Anc-VI", marks, k -> MdpBench.anchoredBound(MdpBench.gamma(c), k, distance));
                }
            }
            h.append("</table>\n");
            h.append("<p>").append(Html.escape(findings(r))).append("</p>\n");
            List<SvgPlot> plots = MdpBench.plots(r);
            h.append(plots.get(0).legend()).append("<div class=\"plots\">");
            plots.forEach(p -> h.append("<div>").append(p.render()).append("</div>"));
            h.append("</div>\n");
        }
        List<SolveRecord> table = MdpBench.table(r.records());
        if (!table.isEmpty()) {
            h.append(String.format(Locale.ROOT, "<h3>Every method to a Bellman residual of %s</h3>\n", Html.num(MdpBench.TOLERANCE)));
            h.append("<table><tr><th class=\"l\">process</th><th class=\"l\">method</th><th class=\"l\">status</th><th>iterations</th>")
                    .append("<th>T sweeps</th><th>T<sub>π</sub> sweeps</th><th>LU solves</th><th>time</th><th>residual</th><th>‖v − v*‖∞</th>")
                    .append("<th>bound</th><th class=\"l\">solved</th></tr>\n");
            for (SolveRecord m : table) {
                h.append("<tr><td class=\"l\">").append(Html.escape(m.problem())).append("</td><td class=\"l\">").append(Html.escape(m.method()))
                        .append("</td><td class=\"l\" title=\"").append(Html.escape(m.message() == null ? "" : m.message())).append("\">")
                        .append(Html.escape(m.statusText())).append("</td><td>").append(m.iterations()).append("</td><td>").append(m.count("bellman"))
                        .append("</td><td>").append(m.count("policyBellman")).append("</td><td>").append(m.count("policySolve")).append("</td><td>")
                        .append(Html.seconds(m.seconds())).append("</td><td>").append(Html.num(m.optimality())).append("</td><td>")
                        .append(Html.num(m.figure("valueError", Double.NaN))).append("</td><td>").append(Html.num(m.figure("bound", Double.NaN)))
                        .append("</td><td class=\"l").append(m.solved() ? "\">yes" : " no\">no").append("</td></tr>\n");
            }
            h.append("</table>\n<p>Counts are exact; times are one run on this machine.</p>\n");
        }
        h.append("<p>").append(Html.escape(MdpBench.judgeSentence())).append(String.format(Locale.ROOT, " %d of %d solves solved.</p>\n",
                r.records().stream().filter(SolveRecord::solved).count(), r.records().size()));
        return h.toString();
    }

    private static void row(StringBuilder h, String process, SolveRecord c, String what, List<Integer> marks,
            java.util.function.IntToDoubleFunction value) {
        h.append("<tr><td class=\"l\">").append(Html.escape(process)).append("</td><td>").append(process.isEmpty() ? "" : Html.num(MdpBench.gamma(c)))
                .append("</td><td class=\"l\">").append(Html.escape(what)).append("</td>");
        marks.forEach(k -> h.append("<td>").append(Html.num(value.applyAsDouble(k))).append("</td>"));
        h.append("</tr>\n");
    }

    /** What the curves show, in sentences generated from them: at the largest γ and k = 1000, and whether Anc-VI kept to the bound. */
    static String findings(MdpBench.Result r) {
        List<SolveRecord> curves = MdpBench.curves(r.records());
        double gamma = MdpBench.GAMMAS[MdpBench.GAMMAS.length - 1];
        int k = Math.min(1000, r.horizon());
        StringBuilder s = new StringBuilder();
        for (String process : curves.stream().map(MdpBench::process).distinct().toList()) {
            SolveRecord vi = find(curves, process, gamma, "value-iteration");
            SolveRecord anc = find(curves, process, gamma, "anchored-vi");
            if (vi == null || anc == null) {
                continue;
            }
            double a = MdpBench.at(anc, k);
            double v = MdpBench.at(vi, k);
            s.append(String.format(Locale.ROOT, "On %s at γ = %s, after %d iterations VI's Bellman error is %s and Anc-VI's %s: %s. ", process,
                    Html.num(gamma), k, Html.num(v), Html.num(a), a < v ? "Anc-VI ahead by a factor of " + Html.num(v / a)
                            : a > v ? "VI ahead by a factor of " + Html.num(a / v) : "equal"));
        }
        List<SolveRecord> anchored = curves.stream().filter(c -> c.method().equals("anchored-vi")).toList();
        long within = anchored.stream().filter(MdpBench::withinBound).count();
        s.append(String.format(Locale.ROOT, "Anc-VI kept within the paper's bound at every iterate in %d of %d runs (up to rounding, "
                + "10⁻¹²·(1 + ‖v*‖∞)).", within, anchored.size()));
        return s.toString();
    }

    private static SolveRecord find(List<SolveRecord> curves, String process, double gamma, String method) {
        return curves.stream().filter(c -> MdpBench.process(c).equals(process) && MdpBench.gamma(c) == gamma && c.method().equals(method))
                .findFirst().orElse(null);
    }
}
