package io.fixpoint.spark.bench;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.report.RecordGrid;
import io.fixpoint.spark.GlmSum;
import io.fixpoint.spark.bench.SparkBench.Problem;
import io.fixpoint.spark.bench.SparkBench.ProblemResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code spark} bench suite ({@link SparkBench}): Fixpoint's fits on Spark and in process beside
 * MLlib's {@code LogisticRegression}. It lives in this module because it needs Spark, which the
 * command line's jar does not carry; the bench finds it through {@link java.util.ServiceLoader} when
 * {@code ./fixpoint bench --suites spark} puts this module and Spark on the class path. The quick run
 * is two synthetic problems of 10⁴ rows and the UCI breast cancer data, with the median of 3;
 * {@code --full} is n = 10⁶ with d = 100 dense and d = 10⁴ sparse, and the breast cancer data again.
 */
public final class SparkSuite implements Suite {
    private static final int REPEATS = 3;

    @Override
    public String name() {
        return SparkBench.SUITE;
    }

    @Override
    public String description() {
        return "Fixpoint's L-BFGS and trust-region Newton–CG (Hessian–vector products, or the dense Hessian) on Spark " + SparkBench.MASTER
                + " and in process beside MLlib's LogisticRegression, on 2 synthetic logistic problems of 10⁴ rows (--full: 10⁶ rows, d = 100 "
                + "dense and 10⁴ sparse) and the UCI breast cancer data";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.WARMUPS, Choice.FULL);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        List<Problem> problems = SparkBench.chosen(options.full() ? Problem.FULL : Problem.QUICK, options.problems(),
                options.full() ? "full run" : "quick run");
        SparkBench.Settings s = new SparkBench.Settings(problems, options.chosenMethods(SparkBench.METHODS), options.peer(SparkBench.MLLIB, true),
                options.repeatsOr(REPEATS), options.warmups());
        options.progress().addWork(problems.stream().mapToLong(p -> s.repeats() * (2L * s.methods().stream().filter(m -> SparkBench.fits(m, p)).count()
                + (s.mllib() ? 1 : 0))).sum());
        List<ProblemResult> results = SparkBench.run(s, options.progress());
        List<SolveRecord> records = results.stream().flatMap(r -> r.records().stream()).toList();
        List<String> faults = new ArrayList<>();
        for (ProblemResult r : results) {
            if (!r.reference().converged()) {
                faults.add(r.problem().name() + ": the reference solve did not converge (" + r.reference().statusText() + "); the verdicts are "
                        + "against its last objective");
            }
            for (SolveRecord rec : r.records()) {
                if (rec.value() < r.reference().value() * (1 - SparkBench.SOLVED)) {
                    faults.add(r.problem().name() + ": " + rec.solver() + " reached a lower objective than the reference: the reference is not tight");
                }
            }
        }
        List<String> notes = new ArrayList<>(faults);
        problems.forEach(p -> notes.addAll(SparkBench.skipped(s.methods(), p)));
        if (!s.mllib()) {
            notes.add("MLlib did not run (--no-peers): no pass or time ratios");
        }
        return new SuiteReport(name(), "Linear models on Apache Spark", records, text(results), html(s, results, notes), Map.of(), notes,
                !faults.isEmpty(), (System.nanoTime() - t0) * 1e-9);
    }

    static String text(List<ProblemResult> results) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-22s %-32s %-16s %7s %6s %9s %9s %-7s %8s %8s%n", "problem", "solver", "status", "passes", "iter",
                "seconds", "rel.err", "solved", "passes÷", "time÷"));
        for (ProblemResult r : results) {
            for (SolveRecord rec : r.records()) {
                t.append(String.format(Locale.ROOT, "%-22s %-32s %-16s %7d %6d %9.3f %9.1e %-7s %8s %8s%n", r.problem().name(), rec.solver(),
                        rec.statusText(), (long) rec.figure("passes", -1), rec.iterations(), rec.seconds(), rec.figure("relativeError", Double.NaN),
                        rec.solved() ? "yes" : "NO", Html.num(rec.figure("passesVsMllib", Double.NaN)), Html.num(rec.figure("timeVsMllib", Double.NaN))));
            }
            sentences(r).forEach(line -> t.append("  ").append(line).append('\n'));
        }
        t.append("passes÷ and time÷: Fixpoint's passes and median wall time over MLlib's on the same problem, measured in this run.\n");
        return t.toString();
    }

    static String html(SparkBench.Settings s, List<ProblemResult> results, List<String> notes) {
        StringBuilder h = new StringBuilder(1 << 12);
        h.append("<h2 id=\"spark\">Linear models on Apache Spark</h2>\n");
        h.append(String.format(Locale.ROOT, "<p>Binary logistic regression with an L2 penalty on the standardised coefficients, on %d "
                + "problem%s: seeded synthetic ones and the UCI breast cancer data (569 rows, 30 correlated features). Fixpoint's %s run on Spark %s (%d partitions, tree depth %d) and in process (%d threads, the same partitioning)%s, "
                + "starting from the same cached rows. Fixpoint stops at ‖∇f‖₂ ≤ %.0e (at most %d iterations)%s. One judge for every tool: solved "
                + "when the objective at the returned model, recomputed in process, lies within %.0e relative of a reference solve "
                + "(%s in process to ‖∇f‖₂ ≤ %.0e). Passes are Spark jobs counted by one listener for every tool, the standardisation pass "
                + "included; each fit's time includes building its cached copy of the data. Times are medians of %d after %d untimed warm-up "
                + "round%s on %d rows; the tools take turns within each repeat. The session runs with Spark's own code generation and "
                + "adaptive execution off. A method named …%s takes the Hessian assembled in the pass that computes the gradient "
                + "(spark-fit --hessian dense; at most %d parameters), so that each trial point costs one pass.</p>%n", s.problems().size(),
                s.problems().size() == 1 ? "" : "s", String.join(", ", s.methods()),
                SparkBench.MASTER, SparkBench.PARTITIONS, SparkBench.DEPTH, SparkBench.PARTITIONS,
                s.mllib() ? ", and MLlib's LogisticRegression on the same session" : "", SparkBench.TOLERANCE, SparkBench.MAX_ITERATIONS,
                s.mllib() ? "; MLlib uses its defaults (" + SparkBench.mllibDefaults() + ", tol on Breeze's relative tests)" : "", SparkBench.SOLVED,
                SparkBench.REFERENCE_METHOD, SparkBench.REFERENCE_TOLERANCE, s.repeats(), s.warmups(), s.warmups() == 1 ? "" : "s",
                SparkBench.WARM_UP.n(), SparkBench.DENSE, GlmSum.HESSIAN_LIMIT));
        for (ProblemResult r : results) {
            h.append("<h3>").append(RecordGrid.escape(r.problem().name())).append("</h3>\n<table><tr><th class=\"l\">solver</th><th>status</th>"
                    + "<th>passes</th><th>iterations</th><th>seconds</th><th>relative error</th><th>passes ÷ MLlib</th><th>time ÷ MLlib</th></tr>\n");
            for (SolveRecord rec : r.records()) {
                h.append(rec.solved() ? "<tr>" : "<tr class=\"low\">").append("<td class=\"l\">").append(RecordGrid.escape(rec.solver()))
                        .append("</td><td>").append(RecordGrid.escape(rec.statusText())).append("</td><td>").append((long) rec.figure("passes", -1))
                        .append("</td><td>").append(rec.iterations()).append("</td><td>").append(Html.num(rec.seconds())).append("</td><td>")
                        .append(Html.num(rec.figure("relativeError", Double.NaN))).append("</td><td>")
                        .append(Html.num(rec.figure("passesVsMllib", Double.NaN))).append("</td><td>")
                        .append(Html.num(rec.figure("timeVsMllib", Double.NaN))).append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (String line : sentences(r)) {
                h.append("<p>").append(RecordGrid.escape(line)).append("</p>\n");
            }
        }
        RecordGrid.notes(h, notes);
        return h.toString();
    }

    /** What one problem's run measured, one sentence per fit, generated from its records. */
    static List<String> sentences(ProblemResult r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s (%s): the reference objective is %.12g (%s, %d iterations).", r.problem().name(),
                r.problem().describe(), r.reference().value(), r.reference().statusText(), r.reference().iterations()));
        for (SolveRecord rec : r.records()) {
            String versus = Double.isNaN(rec.figure("passesVsMllib", Double.NaN)) ? ""
                    : String.format(Locale.ROOT, " (%s of MLlib's passes, %s of its time)", Html.num(rec.figure("passesVsMllib", Double.NaN)),
                            Html.num(rec.figure("timeVsMllib", Double.NaN)));
            out.add(String.format(Locale.ROOT, "%s made %d passes and %d iterations in %s s%s; its objective is %s relative from the reference: %s.",
                    rec.solver(), (long) rec.figure("passes", -1), rec.iterations(), Html.num(rec.seconds()), versus,
                    Html.num(rec.figure("relativeError", Double.NaN)), rec.solved() ? "solved" : "not solved"));
        }
        return out;
    }
}
