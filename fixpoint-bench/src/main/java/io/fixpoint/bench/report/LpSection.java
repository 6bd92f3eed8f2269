package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.lp.LpBench;
import io.fixpoint.bench.lp.LpJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The linear-programming section of the bench report: per set of programs, the solved counts at 1e-4
 * and 1e-8, shifted geometric means of time and KKT passes, Dolan–Moré profiles, the objective error of
 * every solve against the simplex reference and, where memory was measured, the per-program table with
 * the crossover between simplex and first-order methods. Every sentence comes from the run.
 */
public final class LpSection {
    private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#9467bd", "#d62728", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"};

    /** A set of programs and what the bench measured on it. */
    public record Part(String title, LpBench.Result result) {
    }

    private LpSection() {
    }

    public static String html(List<Part> parts, List<String> notes) {
        StringBuilder h = new StringBuilder(1 << 14);
        h.append("<h2 id=\"").append(LpBench.SUITE).append("\">Linear programs</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>Fixpoint's first-order primal–dual methods beside OR-Tools (PDLP, Glop, HiGHS) and SciPy's "
                + "<code>linprog(method=\"highs\")</code>, at ε = %s. <b>Solved</b>, for every solver alike: it claims optimality at ε "
                + "(Fixpoint: the three relative KKT figures recomputed on the program as given; PDLP: its own test of the same relative "
                + "criteria; simplex codes, at their default tolerances: their optimal status) <i>and</i> its objective agrees with the "
                + "simplex reference (OR-Tools HiGHS, else Glop, else SciPy) to %s relative, |f − f*| / max(1, |f*|). <b>Reached %s</b>: "
                + "solved, or the relative KKT error fell to %s within the budget (read every 64 iterations). Shifted geometric means: "
                + "shifts of %s s and %s KKT passes (one A·x and one Aᵀ·y); an unsolved run counts the time budget and the passes it used.</p>\n",
                Html.num(LpJudge.TOLERANCE), Html.num(LpJudge.AGREEMENT), Html.num(LpJudge.LOOSE), Html.num(LpJudge.LOOSE),
                Html.num(1), Html.num(100)));
        for (String note : notes) {
            h.append("<p class=\"warn\">").append(Html.escape(note)).append("</p>\n");
        }
        for (Part p : parts) {
            part(h, p);
        }
        return h.toString();
    }

    private static void part(StringBuilder h, Part p) {
        LpBench.Result r = p.result();
        LpBench.Settings s = r.settings();
        h.append("<h3>").append(Html.escape(p.title())).append("</h3>\n");
        h.append(String.format(Locale.ROOT, "<p>%d programs; %s s and %,d iterations per solve, %d thread(s)%s.</p>\n", r.models().size(),
                Html.num(s.seconds()), s.iterations(), s.threads(), s.isolate() ? "; every solve in a JVM of its own, its peak resident memory "
                        + "measured" : ""));
        summary(h, r);
        int infeasible = r.summary().stream().mapToInt(LpBench.Summary::infeasibleClaims).sum();
        int rejected = r.summary().stream().mapToInt(LpBench.Summary::rejectedClaims).sum();
        h.append(String.format(Locale.ROOT, "<p>%s %s</p>\n", rejected == 0 ? "Every claimed optimum agreed with the reference."
                : rejected + " claimed optima disagreed with the reference and are counted as not solved.",
                infeasible == 0 ? "No solver reported a program infeasible or unbounded that has a reference optimum."
                        : infeasible + " infeasibility or unboundedness verdicts on programs that have a reference optimum."));
        h.append("<p>").append(Html.escape(LpBench.crossover(r))).append("</p>\n");
        profiles(h, r);
        if (s.isolate()) {
            sizes(h, r);
        }
        errors(h, r);
    }

    private static void summary(StringBuilder h, LpBench.Result r) {
        h.append("<table><tr><th class=\"l\">solver</th><th>reached 1e-4</th><th>solved at 1e-8</th><th>SGM time (s)</th>"
                + "<th>SGM KKT passes</th><th>worst objective error of a claimed optimum</th><th>median KKT passes / PDLP's</th></tr>\n");
        for (LpBench.Summary x : r.summary()) {
            h.append("<tr><td class=\"l\">").append(Html.escape(x.solver())).append("</td><td>").append(x.solved1e4()).append(" / ")
                    .append(x.models()).append("</td><td>").append(x.solved1e8()).append(" / ").append(x.models()).append("</td><td>")
                    .append(Html.num(x.sgmSeconds())).append("</td><td>").append(Double.isNaN(x.sgmKktPasses()) ? "–"
                            : String.valueOf(Math.round(x.sgmKktPasses()))).append("</td><td>").append(Html.num(x.worstClaimError()))
                    .append("</td><td>").append(x.ratioModels() == 0 ? "–" : Html.num(x.medianPassRatio()) + " (" + x.ratioModels() + " models)")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void profiles(StringBuilder h, LpBench.Result r) {
        h.append("<p>Dolan–Moré profiles: the share of programs a solver solves within τ times the cheapest solver's cost on that "
                + "program (unsolved: never). Colours: ");
        List<String> solvers = r.solvers();
        for (int i = 0; i < solvers.size(); i++) {
            h.append(i == 0 ? "" : ", ").append("<span style=\"color:").append(color(i)).append("\">").append(Html.escape(solvers.get(i)))
                    .append("</span>");
        }
        h.append(".</p><div class=\"profiles\">");
        h.append(profile(r, solvers, "seconds", "time"));
        h.append(profile(r, LpBench.passCounting(r), "kktPasses", "KKT passes (first-order solvers)"));
        h.append("</div>\n");
    }

    private static String profile(LpBench.Result r, List<String> solvers, String cost, String what) {
        PerformanceProfile pp = LpBench.profile(r, solvers, cost);
        double tauMax = Math.max(2, Math.pow(2, Math.ceil(Math.log(pp.maxRatio()) / Math.log(2)) + 0.5));
        SvgPlot plot = new SvgPlot("Performance profile: " + what, "τ (ratio to the cheapest, log scale)", "share of programs", 560, 340, true,
                false).xRange(1, tauMax).yRange(0, 1);
        for (int s = 0; s < solvers.size(); s++) {
            List<double[]> pts = new ArrayList<>();
            pts.add(new double[] {1, pp.fraction(s, 1)});
            for (double v : pp.ratios(s)) {
                if (Double.isFinite(v) && v > 1) {
                    pts.add(new double[] {v, pp.fraction(s, v)});
                }
            }
            pts.add(new double[] {tauMax * 2, pp.fraction(s, Double.MAX_VALUE)});
            plot.line(pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray(),
                    color(r.solvers().indexOf(solvers.get(s))), "", true, solvers.get(s));
        }
        return plot.render();
    }

    /** Per program: its size and, per solver, status, time, when it reached 1e-4, peak memory. */
    private static void sizes(StringBuilder h, LpBench.Result r) {
        h.append("<table><tr><th class=\"l\">program</th><th>non-zeros</th>");
        r.solvers().forEach(s -> h.append("<th>").append(Html.escape(s)).append("</th>"));
        h.append("</tr>\n");
        for (String m : r.models()) {
            h.append("<tr><td class=\"l\">").append(Html.escape(m)).append("</td><td>").append(String.format(Locale.ROOT, "%,d", r.nonZeros(m)))
                    .append("</td>");
            for (String s : r.solvers()) {
                SolveRecord rec = r.record(m, s);
                if (rec == null) {
                    h.append("<td class=\"na\">–</td>");
                    continue;
                }
                double to4 = rec.figure("secondsTo1e4", Double.NaN);
                double memory = rec.figure("peakMemoryMb", Double.NaN);
                String cell = (rec.solved() ? "solved " + Html.seconds(rec.seconds()) : Html.escape(LpBench.status(rec)))
                        + (!rec.solved() && !Double.isNaN(to4) ? ", 1e-4 at " + Html.seconds(to4) : "")
                        + (Double.isNaN(memory) ? "" : String.format(Locale.ROOT, ", %,.0f MB", memory));
                h.append(rec.solved() ? "<td>" : "<td class=\"low\">").append(cell).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Objective error against the reference, per program and solver; highlighted: not solved. */
    private static void errors(StringBuilder h, LpBench.Result r) {
        h.append("<details><summary>Objective error per program (|f − f*| / max(1, |f*|); highlighted: not solved, with the "
                + "solver's status)</summary><table><tr><th class=\"l\">program</th><th>reference f*</th>");
        r.solvers().forEach(s -> h.append("<th>").append(Html.escape(s)).append("</th>"));
        h.append("</tr>\n");
        for (String m : r.models()) {
            h.append("<tr><td class=\"l\">").append(Html.escape(m)).append("</td><td>").append(Html.escape(String.format(Locale.ROOT, "%.10g",
                    r.reference().get(m)))).append("</td>");
            for (String s : r.solvers()) {
                SolveRecord rec = r.record(m, s);
                if (rec == null) {
                    h.append("<td class=\"na\">–</td>");
                    continue;
                }
                String error = Html.num(rec.figure("objectiveError", Double.NaN));
                h.append(rec.solved() ? "<td>" + error : "<td class=\"low\">" + Html.escape(LpBench.status(rec)) + (rec.claimed() ? " " + error : ""))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static String color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }
}
