package io.fixpoint.bench.constrained;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fixpoint's constrained solvers beside SciPy's SLSQP and trust-constr on the Hock–Schittkowski
 * problems, every solve judged alike by {@link ConstrainedTestProblem#judge}: solved when the
 * returned point is feasible to 10⁻⁶ and f ≤ f* + 10⁻⁶·max(1, |f*|). Every tool starts from the
 * projected standard start with the same tolerance (Fixpoint: the catalogue's, on the largest KKT
 * residual; SciPy: as mapped in {@code constrained.py}) and iteration limit. Fixpoint's records carry
 * the KKT residuals verified at the returned point.
 */
public final class ConstrainedBench {
    public static final String SUITE = "constrained";
    /** The problems of the quick run: a spread of sizes, equality and inequality mixes, and nonconvex ones. */
    public static final List<String> QUICK = List.of("hs6", "hs14", "hs21", "hs35", "hs43", "hs65", "hs71", "hs76", "hs100", "hs113");

    private ConstrainedBench() {
    }

    /**
     * What every tool gets alike besides the catalogue's tolerance and iteration limit.
     *
     * @param timeLimit time limit of each Fixpoint solve, and ×(problems·methods·repeats) of the SciPy run
     * @param repeats   solves per pair; times are medians (Fixpoint after one warm-up solve)
     */
    public record Run(Duration timeLimit, int repeats) {
        public static final Run DEFAULT = new Run(Duration.ofSeconds(10), 3);
    }

    /** The records, SciPy's version (null when it did not run) and notes (skips, excluded problems). */
    public record Result(List<SolveRecord> records, String scipyVersion, List<String> notes) {
    }

    /**
     * Runs {@code methods} (constrained methods of {@code catalog}) on {@code problems}, then SciPy's
     * {@code scipy} methods; {@code listener} hears each record as it lands.
     */
    public static Result run(Catalog catalog, List<ConstrainedTestProblem> problems, List<String> methods, List<String> scipy, Run run,
            Consumer<SolveRecord> listener) {
        List<SolveRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ConstrainedTestProblem p : problems) {
            for (String m : methods) {
                SolveRecord r = solve(catalog.constrained(m), p, run);
                records.add(r);
                listener.accept(r);
            }
        }
        String version = null;
        if (!scipy.isEmpty()) {
            long pairs = (long) problems.size() * scipy.size() * run.repeats();
            SolverSpec<ConstrainedProblem> reference = catalog.constrained(catalog.defaultMethod(ProblemKind.CONSTRAINED));
            ScipyConstrained.Outcome out = new ScipyConstrained(PythonBridge.python3(), run.timeLimit().multipliedBy(Math.max(1, pairs)))
                    .solve(problems, scipy, reference.defaults().tolerances().absolute(), reference.defaults().maxIterations(), run.repeats());
            version = out.version();
            if (out.skipped() != null) {
                notes.add(out.skipped() + (out.version() == null ? " (install: apt-get install python3-scipy, or pip install scipy)" : ""));
            }
            notes.addAll(out.disagreements());
            for (ScipyConstrained.Run r : out.runs()) {
                ConstrainedTestProblem p = problems.stream().filter(q -> q.name().equals(r.problem())).findFirst().orElseThrow();
                SolveRecord rec = scipyRecord(p, r);
                records.add(rec);
                listener.accept(rec);
            }
        }
        return new Result(List.copyOf(records), version, List.copyOf(notes));
    }

    /** One Fixpoint solve of {@code p}, judged; timed as the median of the repeats after a warm-up. */
    public static SolveRecord solve(SolverSpec<ConstrainedProblem> spec, ConstrainedTestProblem p, Run run) {
        Driver driver = spec.defaults().withTimeLimit(run.timeLimit()).driver();
        Solution s;
        try {
            s = driver.solve(spec.create(), p.problem(), p.projectedStart());
        } catch (RuntimeException e) {
            return SolveRecord.failed(SUITE, p.name(), p.dimension(), spec.name(), spec.family(), SolveRecord.Outcome.ERROR,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double[] times = new double[run.repeats()];
        if (run.repeats() > 1) {
            driver.solve(spec.create(), p.problem(), p.projectedStart()); // warm-up
            for (int k = 0; k < times.length; k++) {
                times[k] = driver.solve(spec.create(), p.problem(), p.projectedStart()).seconds();
            }
        } else {
            times[0] = s.seconds();
        }
        ConstrainedTestProblem.Judgement j = p.judge(s.x());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("violation", j.violation());
        if (s.details().get("kkt") instanceof Map<?, ?> k) {
            figures.put("kkt", k);
        }
        return SolveRecord.of(SUITE, p.name(), spec.name(), spec.family(), s, j.solved(), j.value(), s.optimality(), Timing.median(times),
                times.length, figures);
    }

    private static SolveRecord scipyRecord(ConstrainedTestProblem p, ScipyConstrained.Run run) {
        boolean ok = run.x().length == p.dimension();
        ConstrainedTestProblem.Judgement j = ok ? p.judge(run.x()) : new ConstrainedTestProblem.Judgement(Double.NaN, Double.NaN, false);
        Map<String, Long> evaluations = new LinkedHashMap<>();
        evaluations.put(Evaluation.VALUE.key(), run.valueEvaluations());
        evaluations.put(Evaluation.GRADIENT.key(), run.gradientEvaluations());
        evaluations.put(Evaluation.CONSTRAINTS.key(), run.constraintEvaluations());
        evaluations.put(Evaluation.CONSTRAINT_JACOBIAN.key(), run.jacobianEvaluations());
        boolean error = run.status().equals("error");
        return new SolveRecord(SUITE, p.name(), p.dimension(), "scipy", run.method(), Catalog.NONLINEAR_PROGRAMMING,
                error ? SolveRecord.Outcome.ERROR : SolveRecord.Outcome.RAN, null, error ? "error" : "status " + run.status(), run.success(),
                j.solved(), run.message(), run.iterations(), evaluations, j.value(), Double.NaN, run.seconds(), error ? 0 : 1,
                ok ? run.x() : null, null, Map.of("violation", j.violation()));
    }

    /** The records as a table, one line per problem and method, then the summary. */
    public static String text(Result result) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-7s %-22s %-6s %-19s %15s %9s %9s %9s %9s %6s %8s %10s%n", "problem", "method", "solved",
                "status", "f", "violation", "station.", "feas.", "compl.", "iters", "f+c evs", "seconds"));
        for (SolveRecord r : result.records()) {
            String kkt = r.figures().get("kkt") instanceof Map<?, ?> k ? String.format(Locale.ROOT, "%9.1e %9.1e %9.1e", number(k.get("stationarity")),
                    number(k.get("feasibility")), number(k.get("complementarity"))) : String.format("%9s %9s %9s", "—", "—", "—");
            b.append(String.format(Locale.ROOT, "%-7s %-22s %-6s %-19s %15.8g %9.1e %s %6d %8d %10.2e%n", r.problem(), label(r),
                    r.solved() ? "yes" : "no", abbreviate(r.statusText(), 19), r.value(), r.figure("violation", Double.NaN), kkt, r.iterations(),
                    functionEvaluations(r), r.seconds()));
        }
        b.append('\n').append(summary(result));
        return b.toString();
    }

    /** Evaluations of f and of the constraints together. */
    static long functionEvaluations(SolveRecord r) {
        return r.count(Evaluation.VALUE.key()) + r.count(Evaluation.CONSTRAINTS.key());
    }

    /** The problems every solver of the run solves, in run order. */
    static List<String> solvedByAll(List<SolveRecord> records) {
        List<String> solvers = records.stream().map(ConstrainedBench::label).distinct().toList();
        return records.stream().map(SolveRecord::problem).distinct().filter(p -> solvers.stream().allMatch(s -> records.stream()
                .anyMatch(r -> label(r).equals(s) && r.problem().equals(p) && r.solved()))).toList();
    }

    /** Per method: solved of total, and medians of evaluations and time over the problems every method solves. */
    public static String summary(Result result) {
        List<String> common = solvedByAll(result.records());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-22s %8s %12s %12s   (medians over the %d problems every method solves)%n", "method", "solved",
                "f+c evals", "seconds", common.size()));
        for (String m : result.records().stream().map(ConstrainedBench::label).distinct().toList()) {
            List<SolveRecord> rs = result.records().stream().filter(r -> label(r).equals(m)).toList();
            long solved = rs.stream().filter(SolveRecord::solved).count();
            double[] evals = rs.stream().filter(r -> common.contains(r.problem())).mapToDouble(ConstrainedBench::functionEvaluations).toArray();
            double[] secs = rs.stream().filter(r -> common.contains(r.problem())).mapToDouble(SolveRecord::seconds).toArray();
            b.append(String.format(Locale.ROOT, "%-22s %4d/%-3d %12.0f %12.2e%n", m, solved, rs.size(), median(evals), median(secs)));
        }
        for (String note : result.notes()) {
            b.append("note: ").append(note).append('\n');
        }
        if (result.scipyVersion() != null) {
            b.append(result.scipyVersion()).append('\n');
        }
        return b.toString();
    }

    static String label(SolveRecord r) {
        return r.isFixpoint() ? r.method() : r.tool() + " " + r.method();
    }

    private static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    static double median(double[] v) {
        return v.length == 0 ? Double.NaN : Timing.median(v);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Runs the whole comparison and prints the table: {@code [--no-scipy] [--repeats N] [--problems a,b]}. */
    public static void main(String... args) {
        List<String> list = Arrays.asList(args);
        List<String> scipy = list.contains("--no-scipy") ? List.of() : ScipyConstrained.METHODS;
        int repeats = list.contains("--repeats") ? Integer.parseInt(list.get(list.indexOf("--repeats") + 1)) : Run.DEFAULT.repeats();
        List<ConstrainedTestProblem> problems = HockSchittkowski.problems();
        if (list.contains("--problems")) {
            List<String> names = List.of(list.get(list.indexOf("--problems") + 1).split(","));
            problems = problems.stream().filter(p -> names.contains(p.name())).toList();
        }
        Catalog catalog = Catalog.builtIn();
        Result result = run(catalog, problems, catalog.names(ProblemKind.CONSTRAINED), scipy, new Run(Run.DEFAULT.timeLimit(), repeats), r -> { });
        System.out.print(text(result));
    }
}
