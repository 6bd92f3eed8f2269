package io.fixpoint.bench.constrained;

import io.fixpoint.bench.peer.ScipyPeer;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import io.fixpoint.constrained.ConstrainedSolvers;
import io.fixpoint.constrained.KktResiduals;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Tolerances;
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
 * projected standard start with the same tolerance (Fixpoint: the KKT residuals, max-norm; SciPy: as
 * mapped in {@code constrained.py}) and iteration limit. Fixpoint's rows carry the KKT residuals
 * verified at the returned point.
 */
public final class ConstrainedBench {
    /** The Fixpoint methods compared by default. */
    public static final List<String> METHODS = names();

    private ConstrainedBench() {
    }

    /**
     * What every tool gets alike.
     *
     * @param tolerance     Fixpoint's KKT tolerance; SciPy's tolerances are derived from it
     * @param maxIterations iteration limit of every solve
     * @param timeLimit     time limit of each Fixpoint solve, and ×(problems·methods) of the SciPy run
     * @param repeats       solves per pair; times are medians (Fixpoint after one warm-up solve)
     */
    public record Settings(double tolerance, int maxIterations, Duration timeLimit, int repeats) {
        public static final Settings DEFAULT = new Settings(1e-8, 1000, Duration.ofSeconds(10), 3);
    }

    /**
     * One solve.
     *
     * @param tool        {@code fixpoint} or {@code scipy}
     * @param status      Fixpoint's status, or SciPy's status code and success flag
     * @param kkt         Fixpoint's KKT residuals at the returned point (null for SciPy)
     * @param evaluations counts by kind: value, gradient, constraints, constraintJacobian
     * @param seconds     median wall time of one solve
     */
    public record Row(String problem, String tool, String method, String status, boolean solved, double value, double violation,
            KktResiduals kkt, int iterations, Map<String, Long> evaluations, double seconds, String message) {

        /** The one JSON shape of a row. */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", problem);
            m.put("tool", tool);
            m.put("method", method);
            m.put("status", status);
            m.put("solved", solved);
            m.put("value", finiteOrString(value));
            m.put("violation", finiteOrString(violation));
            if (kkt != null) {
                m.put("kkt", kkt.fields());
            }
            m.put("iterations", iterations);
            m.put("evaluations", evaluations);
            m.put("seconds", finiteOrString(seconds));
            m.put("message", message);
            return m;
        }
    }

    /** The rows, SciPy's version (null when it did not run) and notes (skips, excluded problems). */
    public record Result(List<Row> rows, String scipyVersion, List<String> notes) {
    }

    /**
     * Runs {@code methods} on {@code problems}, then (when {@code scipy} is non-empty) SciPy's methods
     * through {@link ScipyPeer}; {@code listener} hears each row as it lands.
     */
    public static Result run(List<ConstrainedTestProblem> problems, List<String> methods, List<String> scipy, Settings settings,
            Consumer<Row> listener) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ConstrainedTestProblem p : problems) {
            for (String m : methods) {
                Row r = solve(p, m, settings);
                rows.add(r);
                listener.accept(r);
            }
        }
        String version = null;
        if (!scipy.isEmpty()) {
            long pairs = (long) problems.size() * scipy.size() * settings.repeats();
            ScipyPeer.ConstrainedOutcome out = new ScipyPeer(settings.timeLimit().multipliedBy(Math.max(1, pairs)))
                    .solveConstrained(problems, scipy, settings.tolerance(), settings.maxIterations(), settings.repeats());
            version = out.version();
            if (out.skipped() != null) {
                notes.add(out.skipped());
            }
            notes.addAll(out.disagreements());
            for (ScipyPeer.ConstrainedRun run : out.runs()) {
                ConstrainedTestProblem p = problems.stream().filter(q -> q.name().equals(run.problem())).findFirst().orElseThrow();
                Row r = scipyRow(p, run);
                rows.add(r);
                listener.accept(r);
            }
        }
        return new Result(List.copyOf(rows), version, List.copyOf(notes));
    }

    /** One Fixpoint solve of {@code p} by {@code method}, judged; timed as the median of the repeats after a warm-up. */
    public static Row solve(ConstrainedTestProblem p, String method, Settings settings) {
        Driver driver = Driver.builder().tolerances(Tolerances.of(settings.tolerance())).maxIterations(settings.maxIterations())
                .timeLimit(settings.timeLimit()).build();
        Solution s;
        try {
            s = driver.solve(ConstrainedSolvers.byName(method), p.problem(), p.projectedStart());
        } catch (RuntimeException e) {
            return new Row(p.name(), "fixpoint", method, "ERROR", false, Double.NaN, Double.NaN, null, 0, Map.of(), Double.NaN,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double[] times = new double[settings.repeats()];
        if (settings.repeats() > 1) {
            driver.solve(ConstrainedSolvers.byName(method), p.problem(), p.projectedStart()); // warm-up
            for (int k = 0; k < times.length; k++) {
                times[k] = driver.solve(ConstrainedSolvers.byName(method), p.problem(), p.projectedStart()).seconds();
            }
        } else {
            times[0] = s.seconds();
        }
        ConstrainedTestProblem.Judgement j = p.judge(s.x());
        KktResiduals kkt = s.details().get("kkt") instanceof Map<?, ?> k
                ? new KktResiduals(number(k.get("stationarity")), number(k.get("feasibility")), number(k.get("complementarity"))) : null;
        Map<String, Long> evaluations = new LinkedHashMap<>();
        for (Evaluation e : List.of(Evaluation.VALUE, Evaluation.GRADIENT, Evaluation.CONSTRAINTS, Evaluation.CONSTRAINT_JACOBIAN)) {
            evaluations.put(e.key(), s.evaluations().get(e));
        }
        return new Row(p.name(), "fixpoint", method, s.status().name(), j.solved(), j.value(), j.violation(), kkt, s.iterations(),
                evaluations, median(times), s.message());
    }

    private static Row scipyRow(ConstrainedTestProblem p, ScipyPeer.ConstrainedRun run) {
        boolean ok = run.x().length == p.dimension();
        ConstrainedTestProblem.Judgement j = ok ? p.judge(run.x()) : new ConstrainedTestProblem.Judgement(Double.NaN, Double.NaN, false);
        Map<String, Long> evaluations = new LinkedHashMap<>();
        evaluations.put(Evaluation.VALUE.key(), run.valueEvaluations());
        evaluations.put(Evaluation.GRADIENT.key(), run.gradientEvaluations());
        evaluations.put(Evaluation.CONSTRAINTS.key(), run.constraintEvaluations());
        evaluations.put(Evaluation.CONSTRAINT_JACOBIAN.key(), run.jacobianEvaluations());
        String status = run.status().equals("error") ? "ERROR" : "status " + run.status() + (run.success() ? " (success)" : "");
        return new Row(p.name(), "scipy", run.method(), status, j.solved(), j.value(), j.violation(), null, run.iterations(), evaluations,
                run.seconds(), run.message());
    }

    /** The rows as a table, one line per problem and method, then the summary. */
    public static String text(Result result) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-7s %-22s %-6s %-19s %15s %9s %9s %9s %9s %6s %8s %10s%n", "problem", "method", "solved",
                "status", "f", "violation", "station.", "feas.", "compl.", "iters", "f+c evs", "seconds"));
        for (Row r : result.rows()) {
            String kkt = r.kkt() == null ? String.format("%9s %9s %9s", "—", "—", "—")
                    : String.format(Locale.ROOT, "%9.1e %9.1e %9.1e", r.kkt().stationarity(), r.kkt().feasibility(), r.kkt().complementarity());
            b.append(String.format(Locale.ROOT, "%-7s %-22s %-6s %-19s %15.8g %9.1e %s %6d %8d %10.2e%n", r.problem(), label(r),
                    r.solved() ? "yes" : "no", abbreviate(r.status(), 19), r.value(), r.violation(), kkt, r.iterations(),
                    r.evaluations().getOrDefault("value", 0L) + r.evaluations().getOrDefault("constraints", 0L), r.seconds()));
        }
        b.append('\n').append(summary(result));
        return b.toString();
    }

    /** Per method: solved of total, and medians of evaluations and time over the problems every method solves. */
    public static String summary(Result result) {
        Map<String, List<Row>> byMethod = new LinkedHashMap<>();
        for (Row r : result.rows()) {
            byMethod.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r);
        }
        List<String> common = new ArrayList<>();
        for (Row r : result.rows()) {
            if (!common.contains(r.problem()) && byMethod.values().stream().allMatch(rs -> rs.stream()
                    .anyMatch(x -> x.problem().equals(r.problem()) && x.solved()))) {
                common.add(r.problem());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-22s %8s %12s %12s   (medians over the %d problems every method solves)%n", "method", "solved",
                "f+c evals", "seconds", common.size()));
        for (Map.Entry<String, List<Row>> e : byMethod.entrySet()) {
            long solved = e.getValue().stream().filter(Row::solved).count();
            double[] evals = e.getValue().stream().filter(r -> common.contains(r.problem()))
                    .mapToDouble(r -> r.evaluations().getOrDefault("value", 0L) + r.evaluations().getOrDefault("constraints", 0L)).toArray();
            double[] secs = e.getValue().stream().filter(r -> common.contains(r.problem())).mapToDouble(Row::seconds).toArray();
            b.append(String.format(Locale.ROOT, "%-22s %4d/%-3d %12.0f %12.2e%n", e.getKey(), solved, e.getValue().size(), median(evals),
                    median(secs)));
        }
        for (String note : result.notes()) {
            b.append("note: ").append(note).append('\n');
        }
        if (result.scipyVersion() != null) {
            b.append(result.scipyVersion()).append('\n');
        }
        return b.toString();
    }

    private static String label(Row r) {
        return r.tool().equals("fixpoint") ? r.method() : "scipy " + r.method();
    }

    private static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Object finiteOrString(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        ConstrainedSolvers.names().forEach(names::add);
        return List.copyOf(names);
    }

    /**
     * Runs the whole comparison and prints the table: {@code [--no-scipy] [--json] [--repeats N] [--problems a,b]}.
     * With {@code --json} one JSON object per row, one per line.
     */
    public static void main(String... args) {
        List<String> list = Arrays.asList(args);
        boolean json = list.contains("--json");
        List<String> scipy = list.contains("--no-scipy") ? List.of() : ScipyPeer.CONSTRAINED_METHODS;
        int repeats = list.contains("--repeats") ? Integer.parseInt(list.get(list.indexOf("--repeats") + 1)) : Settings.DEFAULT.repeats();
        List<ConstrainedTestProblem> problems = HockSchittkowski.problems();
        if (list.contains("--problems")) {
            List<String> names = List.of(list.get(list.indexOf("--problems") + 1).split(","));
            problems = problems.stream().filter(p -> names.contains(p.name())).toList();
        }
        Settings settings = new Settings(Settings.DEFAULT.tolerance(), Settings.DEFAULT.maxIterations(), Settings.DEFAULT.timeLimit(), repeats);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Result result = run(problems, METHODS, scipy, settings, r -> {
            if (json) {
                try {
                    System.out.println(mapper.writeValueAsString(r.fields()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        if (!json) {
            System.out.print(text(result));
        }
    }
}
