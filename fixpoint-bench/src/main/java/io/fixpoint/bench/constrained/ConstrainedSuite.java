package io.fixpoint.bench.constrained;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.report.RecordGrid;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import io.fixpoint.solve.ProblemKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * General constraints: every constrained method of the catalogue on Hock–Schittkowski problems beside
 * SciPy's SLSQP and trust-constr, judged by {@link ConstrainedTestProblem#judge}. The quick run takes
 * {@link ConstrainedBench#QUICK} with one timed solve each; {@code --full} all 73 with the median of 3.
 */
public final class ConstrainedSuite implements Suite {

    @Override
    public String name() {
        return ConstrainedBench.SUITE;
    }

    @Override
    public String description() {
        return "every constrained method on " + ConstrainedBench.QUICK.size() + " Hock–Schittkowski problems (--full: all "
                + HockSchittkowski.problems().size() + ") beside SciPy's SLSQP and trust-constr";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.FULL, Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        List<String> methods = options.chosenMethods(options.catalog().names(ProblemKind.CONSTRAINED));
        List<String> chosen = !options.problems().isEmpty() ? options.problems() : options.full() ? List.of() : ConstrainedBench.QUICK;
        List<ConstrainedTestProblem> all = HockSchittkowski.problems();
        List<ConstrainedTestProblem> problems = chosen.isEmpty() ? all : all.stream().filter(p -> chosen.contains(p.name())).toList();
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no constrained problem is called " + chosen + "; known: "
                    + String.join(", ", all.stream().map(ConstrainedTestProblem::name).toList()));
        }
        List<String> scipy = options.peer("scipy", true) ? ScipyConstrained.METHODS : List.of();
        ConstrainedBench.Run run = new ConstrainedBench.Run(options.solveLimit(), options.repeatsOr(options.full() ? 3 : 1));
        options.progress().addWork((long) problems.size() * (methods.size() + scipy.size()));
        options.progress().stage("constrained: " + problems.size() + " Hock–Schittkowski problems with " + String.join(", ", methods)
                + (scipy.isEmpty() ? "" : " and SciPy " + String.join(", ", scipy)));
        ConstrainedBench.Result r = ConstrainedBench.run(options.catalog(), problems, methods, scipy, run,
                rec -> options.progress().advance(rec.problem() + " " + rec.solver()));
        return new ConstrainedSuite.Section(r, run).report(name(), t0);
    }

    /** The terminal text and the HTML section of one run. */
    private record Section(ConstrainedBench.Result r, ConstrainedBench.Run run) {
        SuiteReport report(String name, long t0) {
            return new SuiteReport(name, "Constrained minimisation", r.records(), ConstrainedBench.text(r), html(), Map.of(), r.notes(), false,
                    (System.nanoTime() - t0) * 1e-9);
        }

        String html() {
            StringBuilder h = new StringBuilder(1 << 13);
            h.append("<h2 id=\"constrained\">Constrained minimisation</h2>\n");
            long problems = r.records().stream().map(SolveRecord::problem).distinct().count();
            h.append(String.format(Locale.ROOT, "<p>%d Hock–Schittkowski problems from the projected standard start. One judge for every "
                    + "tool, at the returned point: solved when the constraints hold to %.0e and f ≤ f* + %.0e·max(1, |f*|). Fixpoint's "
                    + "certificate is the largest KKT residual (stationarity, feasibility, complementarity), verified at the returned point. "
                    + "Cells: evaluations of f and of the constraints; highlighted: not solved. Times are %s.</p>%n", problems,
                    ConstrainedTestProblem.FEASIBILITY, ConstrainedTestProblem.VALUE_TOLERANCE,
                    run.repeats() == 1 ? "of one solve" : "medians of " + run.repeats() + " solves"));
            if (r.scipyVersion() != null) {
                h.append("<p>").append(RecordGrid.escape(r.scipyVersion())).append("</p>\n");
            }
            h.append("<pre>").append(RecordGrid.escape(ConstrainedBench.summary(r))).append("</pre>\n");
            RecordGrid.table(h, r.records(), rec -> rec.applicable() && rec.outcome() == SolveRecord.Outcome.RAN
                    ? Html.num(ConstrainedBench.functionEvaluations(rec)) : rec.statusText());
            RecordGrid.notes(h, r.notes());
            return h.toString();
        }
    }
}
