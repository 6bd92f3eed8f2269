package io.fixpoint.bench.bounded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.bench.peer.ScipyPeer;
import io.fixpoint.bench.suite.BoundedSuite;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.bounded.BoundedSolver;
import io.fixpoint.minimize.Minimizers;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Tolerances;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bounded suite ({@link BoundedSuite}): Fixpoint's bound-constrained minimisers beside SciPy's
 * L-BFGS-B on the same functions, starts and bounds, judged alike by Fixpoint at the returned point:
 * <em>solved</em> when the point lies in the box and f reaches the published or frozen minimum to
 * {@value MinimizationBench#KNOWN_MINIMUM_RTOL} relative, the test the MGH bench judges peers by.
 * Every tool stops when the projected-gradient norm ‖P(x − ∇f) − x‖₂ falls to 10⁻¹⁰ of its value at
 * the start (SciPy's L-BFGS-B, whose own test is on the max-norm, by a callback on this 2-norm), within
 * {@value MinimizationBench#FIRST_ORDER_ITERATIONS} iterations ({@value MinimizationBench#SECOND_ORDER_ITERATIONS}
 * for tron) and 10 s per solve; the certificate reported for every solve is that norm, recomputed by
 * Fixpoint at the returned point. Times are medians after warm-up ({@link Timing}) on the Java side and
 * medians of the runner's repeats on SciPy's.
 */
public final class BoundedBench {
    public static final List<String> METHODS = List.of("lbfgsb", "tron", "spg", "projected-gradient");
    static final double RELATIVE_TOLERANCE = MinimizationBench.RELATIVE_TOLERANCE;
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private BoundedBench() {
    }

    /**
     * One solve, judged by Fixpoint.
     *
     * @param certificate ‖P(x − ∇f) − x‖₂ at the returned point, by Fixpoint's definition
     * @param solved      x is in the box and f reaches f*
     */
    public record Row(String problem, int n, String tool, String method, String status, boolean solved, int iterations, long evaluations,
            double value, double knownMinimum, double certificate, double seconds) {

        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", problem);
            m.put("n", n);
            m.put("tool", tool);
            m.put("method", method);
            m.put("status", status);
            m.put("solved", solved);
            m.put("iterations", iterations);
            m.put("evaluations", evaluations);
            m.put("value", value);
            m.put("knownMinimum", knownMinimum);
            m.put("certificate", certificate);
            m.put("seconds", seconds);
            return m;
        }
    }

    /** The rows, notes, and SciPy's version (null when it did not run). */
    public record Report(List<Row> rows, List<String> notes, String scipyVersion) {

        /** Solved count per tool and method, in run order. */
        public Map<String, Integer> solvedCounts() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Row r : rows) {
                m.merge(r.tool() + " " + r.method(), r.solved() ? 1 : 0, Integer::sum);
            }
            return m;
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            b.append("Bounded suite: solved = in the box with f − f* ≤ 1e-8·max(1, |f*|); certificate = ‖P(x − ∇f) − x‖₂ at the returned point\n");
            if (scipyVersion != null) {
                b.append(scipyVersion).append('\n');
            }
            b.append(String.format(Locale.ROOT, "%-30s %3s %-8s %-20s %-6s %7s %7s %22s %22s %10s %10s  %s%n", "problem", "n", "tool", "method",
                    "solved", "iters", "evals", "f", "f*", "cert", "ms", "status"));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "%-30s %3d %-8s %-20s %-6s %7d %7d %22.15g %22.15g %10.2e %10.3g  %s%n", r.problem(), r.n(),
                        r.tool(), r.method(), r.solved() ? "yes" : "no", r.iterations(), r.evaluations(), r.value(), r.knownMinimum(),
                        r.certificate(), r.seconds() * 1e3, r.status()));
            }
            int problems = (int) rows.stream().map(Row::problem).distinct().count();
            b.append("\nSolved of ").append(problems).append(':');
            solvedCounts().forEach((k, v) -> b.append(' ').append(k).append(' ').append(v).append(';'));
            b.append('\n');
            notes.forEach(n -> b.append("note: ").append(n).append('\n'));
            return b.toString();
        }

        public String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scipy", scipyVersion);
            m.put("solved", solvedCounts());
            m.put("rows", rows.stream().map(Row::fields).toList());
            m.put("notes", notes);
            try {
                return new ObjectMapper().writeValueAsString(m);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs the suite from the command line: {@code [--json] [--no-scipy]}, the report on stdout, progress on stderr. */
    public static void main(String[] args) {
        boolean json = List.of(args).contains("--json");
        boolean scipy = !List.of(args).contains("--no-scipy");
        Report r = run(BoundedSuite.problems(), METHODS, scipy, System.err::println);
        System.out.println(json ? r.json() : r.text());
    }

    public static Report run(List<BoundedTestProblem> problems, List<String> methods, boolean withScipy, Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BoundedTestProblem p : problems) {
            for (String m : methods) {
                Row r = solve(p, m);
                rows.add(r);
                progress.accept(p.name() + " " + m + ": " + (r.solved() ? "solved" : "not solved (" + r.status() + ")"));
            }
        }
        String version = null;
        if (withScipy) {
            ScipyPeer peer = new ScipyPeer(ScipyPeer.defaultPython(), List.of("L-BFGS-B"), Duration.ofMinutes(30), Set.of());
            String missing = peer.unavailable().orElse(null);
            if (missing != null) {
                notes.add("SciPy skipped: " + missing);
            } else {
                version = scipy(peer, problems, rows, notes, progress);
            }
        }
        return new Report(rows, notes, version);
    }

    /** The projected-gradient norm at the start, whose 10⁻¹⁰ is every tool's target. */
    static double target(BoundedTestProblem p) {
        double[] x0 = p.start();
        Bounds b = p.problem().bounds();
        b.project(x0);
        double[] g = new double[x0.length];
        p.problem().objective().gradient(x0, g);
        return RELATIVE_TOLERANCE * b.projectedGradientNorm(x0, g);
    }

    private static Row solve(BoundedTestProblem p, String method) {
        @SuppressWarnings("unchecked")
        BoundedSolver<IterationState> solver = (BoundedSolver<IterationState>) Minimizers.bounded(method);
        int limit = MinimizationBench.SECOND_ORDER.contains(method) ? MinimizationBench.SECOND_ORDER_ITERATIONS
                : MinimizationBench.FIRST_ORDER_ITERATIONS;
        Driver driver = Driver.builder().tolerances(new Tolerances(target(p), 0, 0, 0)).maxIterations(limit).timeLimit(TIME_LIMIT)
                .recordTrace(false).build();
        Timing.Timed<Solution> t;
        try {
            t = Timing.measure(() -> driver.solve(solver, p.problem(), p.start()), io.fixpoint.bench.compare.CompareSettings.DEFAULT);
        } catch (RuntimeException e) {
            return new Row(p.name(), p.dimension(), "fixpoint", method, "ERROR: " + e.getMessage(), false, 0, 0, Double.NaN, p.knownMinimum(),
                    Double.NaN, Double.NaN);
        }
        Solution s = t.result();
        return judged(p, "fixpoint", method, s.status().name(), s.x(), s.iterations(), s.evaluations().get(Evaluation.GRADIENT), t.seconds());
    }

    static Row judged(BoundedTestProblem p, String tool, String method, String status, double[] x, int iterations, long evaluations,
            double seconds) {
        double[] g = new double[x.length];
        double f = p.problem().objective().valueAndGradient(x, g);
        Bounds b = p.problem().bounds();
        boolean inside = b.contains(x);
        double certificate = b.projectedGradientNorm(x, g);
        boolean solved = inside && Double.isFinite(f) && p.reached(f, MinimizationBench.KNOWN_MINIMUM_RTOL);
        return new Row(p.name(), p.dimension(), tool, method, inside ? status : status + " (outside the box)", solved, iterations, evaluations, f,
                p.knownMinimum(), certificate, seconds);
    }

    private static String scipy(ScipyPeer peer, List<BoundedTestProblem> problems, List<Row> rows, List<String> notes, Consumer<String> progress) {
        Map<String, BoundedTestProblem> byName = new LinkedHashMap<>();
        List<Map<String, Object>> specs = new ArrayList<>();
        for (BoundedTestProblem p : problems) {
            byName.put(p.name(), p);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", p.name());
            spec.put("function", p.function());
            spec.put("n", p.dimension());
            spec.put("m", p.residuals());
            spec.put("x0", p.start());
            spec.put("lower", p.problem().bounds().lower());
            spec.put("upper", p.problem().bounds().upper());
            spec.put("gtol", target(p));
            specs.add(spec);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("protocol", 1);
        req.put("mode", "solve");
        req.put("problems", specs);
        req.put("methods", List.of("L-BFGS-B"));
        req.put("maxiter", MinimizationBench.FIRST_ORDER_ITERATIONS);
        req.put("repeats", 5);
        req.put("seconds_per_method", 1.0);
        req.put("seconds_per_solve", (double) TIME_LIMIT.toSeconds());
        req.put("gradient_norm", 2);
        req.put("value_change", 0.0);
        String[] version = {null};
        try {
            ScipyPeer.RunnerExit exit = peer.call(req, Duration.ofMinutes(30), line -> {
                switch (line.path("type").asText()) {
                    case "hello" -> version[0] = "SciPy " + line.path("scipy").asText() + ", NumPy " + line.path("numpy").asText();
                    case "result" -> {
                        BoundedTestProblem p = byName.get(line.path("problem").asText());
                        if (p == null) {
                            return;
                        }
                        Row r = line.path("status").asText().equals("error")
                                ? new Row(p.name(), p.dimension(), "scipy", "L-BFGS-B", "error: " + line.path("message").asText(), false, 0, 0,
                                        Double.NaN, p.knownMinimum(), Double.NaN, Double.NaN)
                                : judged(p, "scipy", "L-BFGS-B", line.path("message").asText(), ScipyPeer.numbers(line.path("x")),
                                        line.path("nit").asInt(), line.path("njev").asLong(), ScipyPeer.number(line.path("seconds")));
                        rows.add(r);
                        progress.accept(p.name() + " scipy L-BFGS-B: " + (r.solved() ? "solved" : "not solved (" + r.status() + ")"));
                        if (r.value() < p.knownMinimum() - 1e-8 * Math.max(1, Math.abs(p.knownMinimum())) && r.status().indexOf("outside") < 0) {
                            notes.add("SciPy found f = " + r.value() + " below the frozen f* = " + p.knownMinimum() + " on " + p.name());
                        }
                    }
                    default -> {
                    }
                }
            });
            if (!exit.ok()) {
                notes.add("the SciPy runner stopped early: " + exit.describe());
            }
        } catch (IOException e) {
            notes.add("SciPy failed: " + e.getMessage());
        }
        return version[0];
    }
}
