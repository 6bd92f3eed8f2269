package io.fixpoint.bench.large;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.report.RecordGrid;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Large-scale minimisation: L-BFGS, CG, trust-region Newton–CG and L-BFGS-B on the variable-dimension
 * problems beside SciPy's L-BFGS-B, CG and trust-krylov, judged by the gradient-norm target at the
 * returned point ({@link LargeScaleBench}). The quick run is n = 10³ with one timed solve and the run's
 * time limit per solve; {@code --full} runs n = 10³ … 10⁷ (four problems at 10⁷) with the median of 3 and
 * 60 s per solve, and the memory-traffic comparison at 10⁶. SciPy runs the counterparts of the chosen
 * methods only.
 */
public final class LargeSuite implements Suite {

    @Override
    public String name() {
        return LargeScaleBench.SUITE;
    }

    @Override
    public String description() {
        return "L-BFGS, CG, trust-region Newton–CG and L-BFGS-B on 6 variable-dimension problems at n = 10³ (--full: all 7 at 10³ to 10⁶, 4 at 10⁷) beside SciPy";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return options.full() ? EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.FULL)
                : EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.FULL, Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        LargeScaleBench.Settings s = options.full() ? LargeScaleBench.Settings.full() : LargeScaleBench.Settings.quick();
        s = s.withRepeats(options.repeatsOr(s.repeats()));
        if (!options.full()) {
            s = s.withTimeLimit(options.solveLimit());
        }
        if (!options.problems().isEmpty()) {
            s = s.withProblems(options.problems());
        }
        List<String> chosen = options.chosenMethods(s.javaMethods());
        s = s.withMethods(chosen, options.peer("scipy", true) ? LargeScaleBench.counterparts(chosen) : List.of());
        long configurations = 0;
        for (int n : s.dimensions()) {
            configurations += (long) s.problemsAt(n).size() * (s.javaMethods().size() + s.scipyMethods().size());
        }
        options.progress().addWork(configurations);
        options.progress().stage("large: n = " + s.dimensions() + ", " + s.problems().size() + " problems with " + String.join(", ", s.javaMethods())
                + (s.scipyMethods().isEmpty() ? "" : " and SciPy " + String.join(", ", s.scipyMethods())));
        LargeScaleReport r = LargeScaleBench.run(s, line -> options.progress().advance(line));
        List<SolveRecord> records = r.rows().stream().map(LargeScaleBench.Row::record).toList();
        List<String> notes = new java.util.ArrayList<>(r.notes());
        r.disagreements().forEach(d -> notes.add("SciPy's definition disagrees: " + d));
        return new SuiteReport(name(), "Large-scale minimisation", records, r.text(), html(r, records), Map.of("large.json", r.json()), notes,
                !r.disagreements().isEmpty(), (System.nanoTime() - t0) * 1e-9);
    }

    static String html(LargeScaleReport r, List<SolveRecord> records) {
        LargeScaleBench.Settings s = r.settings();
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"large\">Large-scale minimisation</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>%d variable-dimension problems at n = %s%s. Every tool stops at ‖∇f‖₂ ≤ %.0e·‖∇f(x₀)‖₂ with at most "
                + "%d iterations (%d for the trust-region methods) and %d s per solve. One judge for every tool: solved when ‖∇f‖₂ at the "
                + "returned point, recomputed by Fixpoint, meets that target. %s</p>%n", s.problems().size(), s.dimensions(),
                LargeScaleReport.largestNote(s).map(note -> " (" + note.substring(0, 1).toLowerCase(Locale.ROOT) + note.substring(1) + ")").orElse(""),
                s.relativeTolerance(), s.maxIterations(), s.secondOrderIterations(), s.timeLimit().toSeconds(),
                RecordGrid.escape(LargeScaleReport.timingRule(s))));
        if (r.scipyVersion() != null) {
            h.append("<p>").append(RecordGrid.escape(r.scipyVersion())).append(", BLAS on one thread.</p>\n");
        }
        for (int n : s.dimensions()) {
            h.append("<h3>n = ").append(n).append("</h3>\n");
            r.passes().stream().filter(p -> p.n() == n).findFirst().ifPresent(p -> h.append(String.format(Locale.ROOT,
                    "<p>A three-stream vector pass takes %s ms of CPU (%.1f GB/s).</p>%n", Html.num(p.cpuSeconds() * 1e3), p.gigabytesPerSecond())));
            RecordGrid.table(h, records.stream().filter(rec -> rec.dimension() == n).toList(),
                    rec -> rec.iterations() + " it, " + Html.num(rec.seconds()) + " s");
        }
        if (!r.versus().isEmpty()) {
            h.append("<p>").append(RecordGrid.escape(r.loadNote())).append("</p>\n");
            h.append("<table><tr><th>n</th><th class=\"l\">Fixpoint</th><th class=\"l\">SciPy</th><th>both solve</th><th>wall ratio</th>"
                    + "<th>CPU ratio</th><th>gradient ratio</th><th>H·v ratio</th></tr>\n");
            for (LargeScaleReport.Versus v : r.versus()) {
                h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td class=\"l\">%s</td><td class=\"l\">%s</td><td>%d</td><td>%s</td><td>%s</td>"
                        + "<td>%s</td><td>%s</td></tr>%n", v.n(), v.method(), v.scipyMethod(), v.bothSolve(), Html.num(v.wallRatio()), Html.num(v.cpuRatio()),
                        Html.num(v.gradientRatio()), Double.isNaN(v.hessianVectorRatio()) ? "" : Html.num(v.hessianVectorRatio())));
            }
            h.append("</table>\n<p>Ratios are Fixpoint over SciPy, medians over the problems both solve.</p>\n");
            r.lbfgsHeadline().forEach(line -> h.append("<p>").append(RecordGrid.escape(line)).append("</p>\n"));
        }
        r.trafficHeadline().ifPresent(t -> h.append("<p>L-BFGS's own time per iteration against the vector passes it must make:")
                .append(RecordGrid.escape(t)).append("</p>\n"));
        RecordGrid.notes(h, r.notes());
        r.disagreements().forEach(d -> h.append("<p class=\"warn\">DISAGREEMENT: ").append(RecordGrid.escape(d)).append("</p>\n"));
        return h.toString();
    }
}
