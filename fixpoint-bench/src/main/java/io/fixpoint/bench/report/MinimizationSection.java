package io.fixpoint.bench.report;

import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.ComparisonResult.ProblemInfo;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.MinimizationJudge;
import io.fixpoint.bench.SolveRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The minimisation section of the bench report: headline, setup, summary, profiles, convergence plots, per problem (inline SVG). */
public final class MinimizationSection {
    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#7f7f7f", "#bcbd22", "#393b79", "#ad494a", "#637939", "#843c39"};
    private static final int MAX_POINTS = 300;
    private final ComparisonResult result;
    private final Summary summary;
    private final Map<String, String> color = new LinkedHashMap<>();
    private final Map<String, String> dash = new LinkedHashMap<>();

    private MinimizationSection(ComparisonResult result) {
        this.result = result;
        this.summary = new Summary(result);
        int i = 0;
        for (Summary.Row r : summary.rows()) {
            color.put(r.solver(), PALETTE[i++ % PALETTE.length]);
            dash.put(r.solver(), switch (r.tool()) {
                case SolveRecord.FIXPOINT -> "";
                case "scipy" -> "6 3";
                default -> "2 2";
            });
        }
    }

    /** The section (opening with its h2) for a comparison or a plain bench run. */
    public static String html(ComparisonResult result) {
        return new MinimizationSection(result).section();
    }

    private String section() {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<h2 id=\"minimization\">Minimisation: Moré–Garbow–Hillstrom</h2>\n");
        h.append("<p class=\"meta\">").append(String.format(Locale.ROOT, "%.0f s", result.wallSeconds())).append(". Tools: ");
        List<String> tools = new ArrayList<>();
        for (PeerOutcome o : result.outcomes()) {
            tools.add(o.ran() ? Html.escape(o.version()) : Html.escape(o.peer()) + " (skipped)");
        }
        h.append(String.join("; ", tools)).append(".</p>\n");
        headline(h);
        notices(h);
        setup(h);
        summaryTable(h);
        profiles(h);
        convergence(h);
        perProblem(h);
        return h.toString();
    }

    private void headline(StringBuilder h) {
        h.append("<h3>Headline</h3><div class=\"headline\">");
        for (String s : summary.headline()) {
            h.append("<p>").append(Html.escape(s)).append("</p>");
        }
        h.append("</div>\n");
    }

    private void notices(StringBuilder h) {
        for (PeerOutcome o : result.outcomes()) {
            if (!o.ran()) {
                h.append("<div class=\"warn\"><b>").append(Html.escape(o.peer())).append(" was skipped:</b> ").append(Html.escape(o.skipped()))
                        .append(". Its columns are absent from every table and plot below.</div>\n");
            }
            if (!o.disagreements().isEmpty()) {
                h.append("<div class=\"fail\"><b>").append(Html.escape(o.peer()))
                        .append(": problem definitions disagree with Fixpoint's at the start point; these problems are excluded from its comparison "
                                + "and the run reports a failure:</b><ul>");
                o.disagreements().forEach(d -> h.append("<li>").append(Html.escape(d)).append("</li>"));
                h.append("</ul></div>\n");
            }
            if (!o.excluded().isEmpty()) {
                h.append("<details><summary>").append(Html.escape(o.peer())).append(": ").append(o.excluded().size())
                        .append(" problem × method pairs not run</summary><ul>");
                o.excluded().forEach(d -> h.append("<li>").append(Html.escape(d)).append("</li>"));
                h.append("</ul></details>\n");
            }
        }
    }

    private void setup(StringBuilder h) {
        h.append("<h3>How it was measured</h3><ul>");
        h.append("<li>").append(result.problems().size()).append(" problems from their standard starts.</li>");
        result.setup().forEach(line -> h.append("<li>").append(line).append("</li>"));
        h.append("<li><b>Solved</b> means f − f* ≤ ").append(Html.num(MinimizationJudge.RTOL)).append("·max(1, |f*|) at the returned point, "
                + "evaluated with Fixpoint's definition — the same judge for every tool and in the terminal, whatever the tool itself claims.</li>");
        h.append("<li>Evaluations = f + ∇f + ∇²f (or ∇²f·v) calls, each counted once; a derivative-free method counts f only.</li>");
        for (PeerOutcome o : result.outcomes()) {
            for (String n : o.notes()) {
                h.append("<li>").append(Html.escape(o.peer())).append(": ").append(Html.escape(n)).append("</li>");
            }
        }
        h.append("</ul>\n");
    }

    private void summaryTable(StringBuilder h) {
        h.append("<h3>Summary by solver</h3><p>Medians over the problems each solver solves. Ratios are Fixpoint / peer per problem, "
                + "median over the problems both solve, against the peer of the same family that solves most problems.</p>");
        h.append("<table><tr><th class=\"l\">solver</th><th class=\"l\">family</th><th>solved</th><th>median evaluations</th>"
                + "<th>median ∇f evaluations</th><th>median time</th><th class=\"l\">compared with</th><th>both solve</th>"
                + "<th>evaluations ratio</th><th>∇f ratio</th><th>time ratio</th></tr>\n");
        for (Summary.Row r : summary.rows()) {
            h.append(r.tool().equals(SolveRecord.FIXPOINT) ? "<tr class=\"fp\">" : "<tr>");
            h.append("<td class=\"l\">").append(key(r.solver())).append("</td><td class=\"l\">").append(Html.escape(r.family()))
                    .append("</td><td>").append(r.solved()).append(" / ").append(r.attempted()).append("</td><td>")
                    .append(Html.num(r.medianEvaluations())).append("</td><td>").append(Html.num(r.medianGradientEvaluations()))
                    .append("</td><td>").append(Html.seconds(r.medianSeconds())).append("</td>");
            if (r.ratios() != null) {
                h.append("<td class=\"l\">").append(Html.escape(r.bestPeer())).append("</td><td>").append(r.ratios().common())
                        .append("</td><td>").append(Summary.times(r.ratios().evaluations())).append("</td><td>")
                        .append(Summary.times(r.ratios().gradientEvaluations())).append("</td><td>")
                        .append(Summary.times(r.ratios().seconds())).append("</td>");
            } else {
                h.append("<td class=\"l na\">").append(r.tool().equals(SolveRecord.FIXPOINT) ? "no peer in this family" : "")
                        .append("</td><td></td><td></td><td></td><td></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        List<Map.Entry<String[], Summary.Ratios>> pairs = summary.pairs();
        if (!pairs.isEmpty()) {
            h.append("<details open><summary>Every Fixpoint solver against every peer solver of its family</summary>"
                    + "<table><tr><th class=\"l\">Fixpoint</th><th class=\"l\">peer</th><th>both solve</th><th>evaluations ratio</th>"
                    + "<th>∇f ratio</th><th>time ratio</th></tr>\n");
            for (Map.Entry<String[], Summary.Ratios> e : pairs) {
                Summary.Ratios r = e.getValue();
                h.append("<tr><td class=\"l\">").append(key(e.getKey()[0])).append("</td><td class=\"l\">").append(key(e.getKey()[1]))
                        .append("</td><td>").append(r.common()).append("</td><td>").append(Summary.times(r.evaluations())).append("</td><td>")
                        .append(Summary.times(r.gradientEvaluations())).append("</td><td>").append(Summary.times(r.seconds()))
                        .append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }
    }

    private void profiles(StringBuilder h) {
        h.append("<h3>Performance profiles</h3><p>Dolan–Moré: the share of problems a solver solves within a factor τ of the best solver "
                + "on each problem. Higher is better; the value at τ = 1 is how often it is the cheapest, the right end how often it "
                + "solves at all.</p>");
        legend(h);
        h.append("<div class=\"profiles\">");
        h.append(profile("evaluations (f + ∇f + ∇²f)", SolveRecord::totalEvaluations));
        h.append(profile("time per solve", SolveRecord::seconds));
        h.append("</div>\n");
    }

    private String profile(String what, ToDoubleFunction<SolveRecord> cost) {
        List<Summary.Row> rows = summary.rows();
        List<String> names = rows.stream().map(Summary.Row::solver).toList();
        double[][] costs = new double[rows.size()][result.problems().size()];
        for (int s = 0; s < rows.size(); s++) {
            Map<String, SolveRecord> byProblem = new LinkedHashMap<>();
            summary.records(rows.get(s).solver()).forEach(r -> byProblem.put(r.problem(), r));
            for (int p = 0; p < result.problems().size(); p++) {
                SolveRecord r = byProblem.get(result.problems().get(p).name());
                costs[s][p] = r != null && r.solved() ? cost.applyAsDouble(r) : Double.POSITIVE_INFINITY;
            }
        }
        PerformanceProfile pp = PerformanceProfile.of(names, costs);
        double tauMax = Math.max(2, Math.pow(2, Math.ceil(Math.log(pp.maxRatio()) / Math.log(2)) + 0.5));
        SvgPlot plot = new SvgPlot("Performance profile: " + what, "τ (ratio to the best solver, log scale)", "share of problems", 640, 380,
                true, false).xRange(1, tauMax).yRange(0, 1);
        for (int s = 0; s < names.size(); s++) {
            double[] r = pp.ratios(s);
            List<double[]> pts = new ArrayList<>();
            pts.add(new double[] {1, pp.fraction(s, 1)});
            for (double v : r) {
                if (Double.isFinite(v) && v > 1) {
                    pts.add(new double[] {v, pp.fraction(s, v)});
                }
            }
            pts.add(new double[] {tauMax * 2, pp.fraction(s, Double.MAX_VALUE)});
            plot.line(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), color.get(names.get(s)),
                    dash.get(names.get(s)), true, names.get(s));
        }
        return plot.render();
    }

    private void convergence(StringBuilder h) {
        h.append("<h3>Convergence</h3><p>‖∇f‖ at each iterate against the iteration count, both on log scales, for every solver that "
                + "exposes its iterates (derivative-free solvers have no gradient history). Hover over a line for its solver.</p>");
        legend(h);
        h.append("<div class=\"plots\">");
        for (ProblemInfo p : result.problems()) {
            List<SolveRecord> rs = result.records().stream().filter(r -> r.problem().equals(p.name()) && r.history().length > 0).toList();
            if (rs.isEmpty()) {
                continue;
            }
            int xmax = rs.stream().mapToInt(r -> r.history().length).max().orElse(1);
            SvgPlot plot = new SvgPlot(p.name() + " (n = " + p.dimension() + ")", "iteration + 1 (log scale)", "‖∇f‖", 430, 260, true, true)
                    .xRange(1, Math.max(10, xmax));
            for (SolveRecord r : rs) {
                double[] y = r.history();
                int stride = Math.max(1, y.length / MAX_POINTS);
                List<double[]> pts = new ArrayList<>();
                for (int k = 0; k < y.length; k += stride) {
                    pts.add(new double[] {k + 1, Math.max(y[k], 1e-300)});
                }
                if ((y.length - 1) % stride != 0) {
                    pts.add(new double[] {y.length, Math.max(y[y.length - 1], 1e-300)});
                }
                plot.line(pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray(),
                        color.get(r.solver()), dash.get(r.solver()), false, r.solver() + (r.solved() ? "" : " (not solved)"));
            }
            clampLogFloor(plot, rs);
            h.append("<div>").append(plot.render()).append("</div>");
        }
        h.append("</div>\n");
    }

    /** Keeps the y-axis within 20 decades of the largest value so that an exact zero does not flatten the plot. */
    private static void clampLogFloor(SvgPlot plot, List<SolveRecord> rs) {
        double hi = 0;
        double lo = Double.POSITIVE_INFINITY;
        for (SolveRecord r : rs) {
            for (double v : r.history()) {
                if (Double.isFinite(v) && v > 0) {
                    hi = Math.max(hi, v);
                    lo = Math.min(lo, v);
                }
            }
        }
        if (hi > 0) {
            plot.yRange(Math.max(lo, hi * 1e-20), hi);
        }
    }

    private void perProblem(StringBuilder h) {
        h.append("<h3>Per problem</h3><p>Evaluations used when solved; ✗ not solved (hover for the tool's status), · not run.</p>");
        h.append("<div style=\"overflow-x:auto\"><table><tr><th class=\"l\">problem</th><th>n</th><th>f*</th>");
        for (Summary.Row r : summary.rows()) {
            h.append("<th>").append(Html.escape(r.solver())).append("</th>");
        }
        h.append("</tr>\n");
        for (ProblemInfo p : result.problems()) {
            h.append("<tr><td class=\"l\" title=\"").append(Html.escape(p.reference())).append("\">").append(Html.escape(p.name()))
                    .append("</td><td>").append(p.dimension()).append("</td><td>").append(Html.num(p.knownMinimum())).append("</td>");
            for (Summary.Row row : summary.rows()) {
                SolveRecord r = summary.records(row.solver()).stream().filter(x -> x.problem().equals(p.name())).findFirst().orElse(null);
                if (r == null) {
                    h.append("<td class=\"na\">·</td>");
                } else {
                    String tip = String.format(Locale.ROOT, "%s: %s, f = %.6g, %d iterations, %s", r.status(), r.message(), r.value(),
                            r.iterations(), Html.seconds(r.seconds()));
                    h.append("<td").append(r.solved() ? "" : " class=\"no\"").append(" title=\"").append(Html.escape(tip)).append("\">")
                            .append(r.solved() ? String.valueOf(r.totalEvaluations()) : "✗").append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    private void legend(StringBuilder h) {
        h.append("<div class=\"legend\">");
        for (String s : color.keySet()) {
            h.append("<span>").append(key(s)).append("</span>");
        }
        h.append("</div>");
    }

    private String key(String solver) {
        String d = dash.get(solver);
        return "<svg width=\"30\" height=\"10\"><line x1=\"1\" y1=\"5\" x2=\"29\" y2=\"5\" stroke=\"" + color.get(solver)
                + "\" stroke-width=\"2.2\"" + (d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"") + "/></svg> " + Html.escape(solver);
    }
}
