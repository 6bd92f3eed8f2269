package io.fixpoint.bench.bounded;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.report.RecordGrid;
import io.fixpoint.bench.suite.BoundedProblems;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.solve.ProblemKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bound-constrained minimisation: every bounded method of the catalogue on HS1, HS2, HS25, HS38 and the
 * MGH problems in half-way boxes, beside SciPy's L-BFGS-B, judged by {@link BoundedBench#judge}. The
 * quick run takes {@link #QUICK} and times one solve per pair without warm-up; {@code --full} runs all 39
 * and times the median of 5 after the warm-ups.
 */
public final class BoundedSuite implements Suite {
    /** The quick run: the four published problems and six half-way boxes of different shapes and sizes. */
    static final List<String> QUICK = List.of("hs1", "hs2", "hs25", "hs38", "rosenbrock-box", "beale-box", "helical-valley-box",
            "powell-singular-box", "kowalik-osborne-box", "broyden-tridiagonal-box");

    @Override
    public String name() {
        return BoundedBench.SUITE;
    }

    @Override
    public String description() {
        return "every bounded method on HS1, HS2, HS25, HS38 and six MGH problems in half-way boxes (--full: all 35 boxes), beside SciPy's "
                + "L-BFGS-B";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return options.full() ? EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.WARMUPS, Choice.FULL)
                : EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.FULL);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        List<String> methods = options.chosenMethods(options.catalog().names(ProblemKind.BOUNDED));
        List<String> chosen = !options.problems().isEmpty() ? options.problems() : options.full() ? List.of() : QUICK;
        List<BoundedTestProblem> problems = BoundedProblems.problems().stream().filter(p -> chosen.isEmpty() || chosen.contains(p.name())).toList();
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no bounded problem is called " + options.problems() + "; known: "
                    + String.join(", ", BoundedProblems.problems().stream().map(BoundedTestProblem::name).toList()));
        }
        boolean scipy = options.peer("scipy", true);
        CompareSettings timing = options.full()
                ? CompareSettings.DEFAULT.withRepeats(options.repeatsOr(CompareSettings.DEFAULT.repeats())).withWarmups(options.warmups())
                : CompareSettings.DEFAULT.withWarmups(0).withRepeats(options.repeatsOr(1));
        options.progress().addWork((long) problems.size() * (methods.size() + (scipy ? 1 : 0)));
        options.progress().stage("bounded: " + problems.size() + " problems with " + String.join(", ", methods) + (scipy ? " and SciPy L-BFGS-B" : ""));
        BoundedBench.Report r = BoundedBench.run(options.catalog(), problems, methods, scipy, timing, line -> options.progress().advance(line));
        return new SuiteReport(name(), "Bound-constrained minimisation", r.records(), r.text(), html(r, timing), Map.of(), r.notes(), false,
                (System.nanoTime() - t0) * 1e-9);
    }

    static String html(BoundedBench.Report r, CompareSettings timing) {
        StringBuilder h = new StringBuilder(1 << 13);
        h.append("<h2 id=\"bounded\">Bound-constrained minimisation</h2>\n");
        long problems = r.records().stream().map(SolveRecord::problem).distinct().count();
        h.append(String.format(Locale.ROOT, "<p>%d problems with bounds, every tool from the same start with the same stopping rule: "
                + "‖P(x − ∇f) − x‖₂ ≤ %.0e of its value at the start. One judge for every tool, at the returned point: solved when the "
                + "point lies in the box and f − f* ≤ %.0e·max(1, |f*|). Cells: gradient evaluations and, in parentheses, that norm at "
                + "the returned point; highlighted: not solved. Times are %s.</p>%n", problems, BoundedBench.RELATIVE_TOLERANCE, BoundedBench.KNOWN_MINIMUM_RTOL,
                timing.warmups() == 0 && timing.repeats() == 1 ? "of one solve without warm-up"
                        : "medians of " + timing.repeats() + " solves after " + timing.warmups() + " warm-ups"));
        if (r.scipyVersion() != null) {
            h.append("<p>").append(RecordGrid.escape(r.scipyVersion())).append("</p>\n");
        }
        h.append("<p>Solved: ");
        r.solvedCounts().forEach((k, v) -> h.append(RecordGrid.escape(k)).append(' ').append(v).append(" of ").append(problems).append("; "));
        h.append("</p>\n");
        RecordGrid.table(h, r.records(), rec -> rec.applicable() ? String.valueOf(rec.gradientEvaluations()) + " (" + Html.num(rec.optimality())
                + ")" : "n/a");
        RecordGrid.notes(h, r.notes());
        return h.toString();
    }
}
