package io.fixpoint.bench.bounded;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.BoundedProblems;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bounded suite ({@link BoundedProblems}): Fixpoint's bound-constrained minimisers beside SciPy's
 * L-BFGS-B on the same functions, starts and bounds, judged alike by Fixpoint at the returned point
 * ({@link #judge}): <em>solved</em> when the point lies in the box and f reaches the published or frozen
 * minimum to {@value #KNOWN_MINIMUM_RTOL} relative, the test the MGH bench judges peers by. Every tool
 * stops when the projected-gradient norm ‖P(x − ∇f) − x‖₂ falls to {@value #RELATIVE_TOLERANCE} of its
 * value at the start (SciPy's L-BFGS-B, whose own test is on the max-norm, by a callback on this
 * 2-norm), within the catalogue's iteration budget and 10 s per solve; the certificate reported for
 * every solve is that norm, recomputed by Fixpoint at the returned point. Times are medians after
 * warm-up ({@link Timing}) on the Java side and medians of the runner's repeats on SciPy's.
 */
public final class BoundedBench {
    public static final String SUITE = "bounded";
    static final double RELATIVE_TOLERANCE = 1e-10;
    static final double KNOWN_MINIMUM_RTOL = 1e-8;
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final String SCIPY_METHOD = "L-BFGS-B";

    private BoundedBench() {
    }

    /** The records (Fixpoint's, then SciPy's), notes, and SciPy's version (null when it did not run). */
    public record Report(List<SolveRecord> records, List<String> notes, String scipyVersion) {

        /** Solved count per tool and method, in run order. */
        public Map<String, Integer> solvedCounts() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (SolveRecord r : records) {
                m.merge(r.solver(), r.solved() ? 1 : 0, Integer::sum);
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
                    "solved", "iters", "grads", "f", "f*", "cert", "ms", "status"));
            for (SolveRecord r : records) {
                b.append(String.format(Locale.ROOT, "%-30s %3d %-8s %-20s %-6s %7d %7d %22.15g %22.15g %10.2e %10.3g  %s%n", r.problem(),
                        r.dimension(), r.tool(), r.method(), r.solved() ? "yes" : "no", r.iterations(), r.gradientEvaluations(), r.value(),
                        r.figure("knownMinimum", Double.NaN), r.optimality(), r.seconds() * 1e3, r.statusText()));
            }
            int problems = (int) records.stream().map(SolveRecord::problem).distinct().count();
            b.append("\nSolved of ").append(problems).append(':');
            solvedCounts().forEach((k, v) -> b.append(' ').append(k).append(' ').append(v).append(';'));
            b.append('\n');
            notes.forEach(n -> b.append("note: ").append(n).append('\n'));
            return b.toString();
        }
    }

    /** Runs the suite from the command line: {@code [--no-scipy]}, the report on stdout, progress on stderr. */
    public static void main(String[] args) {
        boolean scipy = !List.of(args).contains("--no-scipy");
        Catalog catalog = Catalog.builtIn();
        Report r = run(catalog, BoundedProblems.problems(), catalog.names(io.fixpoint.solve.ProblemKind.BOUNDED), scipy,
                CompareSettings.DEFAULT, System.err::println);
        System.out.println(r.text());
    }

    /**
     * Runs {@code methods} (bounded methods of {@code catalog}) on {@code problems}, then SciPy's
     * L-BFGS-B when {@code withScipy}; {@code progress} hears one line per solve.
     */
    public static Report run(Catalog catalog, List<BoundedTestProblem> problems, List<String> methods, boolean withScipy, CompareSettings timing,
            Consumer<String> progress) {
        List<SolveRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BoundedTestProblem p : problems) {
            for (String m : methods) {
                SolveRecord r = solve(catalog.bounded(m), p, timing);
                records.add(r);
                progress.accept(p.name() + " " + m + ": " + (r.solved() ? "solved" : "not solved (" + r.statusText() + ")"));
            }
        }
        String version = null;
        if (withScipy) {
            PythonBridge python = PythonBridge.python3();
            String missing = python.unavailable("numpy", "scipy").orElse(null);
            if (missing != null) {
                notes.add("SciPy skipped: " + missing + " (install: apt-get install python3-scipy, or pip install scipy)");
            } else {
                version = scipy(python, problems, records, notes, timing, progress);
            }
        }
        return new Report(records, notes, version);
    }

    /** The projected-gradient norm at the projected start, whose {@value #RELATIVE_TOLERANCE} is every tool's target. */
    static double target(BoundedTestProblem p) {
        double[] x0 = p.start();
        Bounds b = p.problem().bounds();
        b.project(x0);
        double[] g = new double[x0.length];
        p.problem().objective().gradient(x0, g);
        return RELATIVE_TOLERANCE * b.projectedGradientNorm(x0, g);
    }

    /** The settings of one Fixpoint solve: the method's defaults with the suite's target and time limit, no trace. */
    public static Settings settings(SolverSpec<BoundedObjective> spec, BoundedTestProblem p) {
        return spec.defaults().withTolerances(Tolerances.of(target(p))).withTimeLimit(TIME_LIMIT).withTrace(false);
    }

    private static SolveRecord solve(SolverSpec<BoundedObjective> spec, BoundedTestProblem p, CompareSettings timing) {
        Settings settings = settings(spec, p);
        Timing.Timed<Solution> t;
        try {
            t = Timing.measure(() -> settings.driver().solve(spec.create(), p.problem(), p.start()), timing);
        } catch (RuntimeException e) {
            return SolveRecord.failed(SUITE, p.name(), p.dimension(), spec.name(), spec.family(), SolveRecord.Outcome.ERROR,
                    String.valueOf(e.getMessage()));
        }
        Solution s = t.result();
        Judgement j = judge(p, s.x());
        return SolveRecord.of(SUITE, p.name(), spec.name(), spec.family(), s, j.solved(), j.value(), j.certificate(), t.seconds(), t.repeats(),
                j.figures(p));
    }

    /**
     * The suite's one judge, at the returned point and by Fixpoint's definitions: f there, the
     * projected-gradient norm there, whether the point lies in the box and whether f reaches f*.
     */
    public record Judgement(double value, double certificate, boolean inside, boolean solved) {
        Map<String, Object> figures(BoundedTestProblem p) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("knownMinimum", p.knownMinimum());
            f.put("inBox", inside);
            return f;
        }
    }

    public static Judgement judge(BoundedTestProblem p, double[] x) {
        double[] g = new double[x.length];
        double f = p.problem().objective().valueAndGradient(x.clone(), g);
        Bounds b = p.problem().bounds();
        boolean inside = b.contains(x);
        return new Judgement(f, b.projectedGradientNorm(x, g), inside, inside && Double.isFinite(f) && p.reached(f, KNOWN_MINIMUM_RTOL));
    }

    private static String scipy(PythonBridge python, List<BoundedTestProblem> problems, List<SolveRecord> records, List<String> notes,
            CompareSettings timing, Consumer<String> progress) {
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
        req.put("methods", List.of(SCIPY_METHOD));
        req.put("maxiter", Catalog.builtIn().bounded("lbfgsb").defaults().maxIterations());
        req.put("repeats", timing.repeats());
        req.put("seconds_per_method", timing.secondsPerMethod());
        req.put("seconds_per_solve", (double) TIME_LIMIT.toSeconds());
        req.put("gradient_norm", 2);
        req.put("value_change", 0.0);
        String[] version = {null};
        PythonBridge.Exit exit = python.run("scipy_runner.py", req, Duration.ofMinutes(30), line -> {
            switch (line.path("type").asText()) {
                case "hello" -> version[0] = "SciPy " + line.path("scipy").asText() + ", NumPy " + line.path("numpy").asText();
                case "result" -> {
                    BoundedTestProblem p = byName.get(line.path("problem").asText());
                    if (p == null) {
                        return;
                    }
                    SolveRecord r = scipyRecord(p, line);
                    records.add(r);
                    progress.accept(p.name() + " scipy L-BFGS-B: " + (r.solved() ? "solved" : "not solved (" + r.statusText() + ")"));
                    if (r.value() < p.knownMinimum() - KNOWN_MINIMUM_RTOL * Math.max(1, Math.abs(p.knownMinimum()))
                            && Boolean.TRUE.equals(r.figures().get("inBox"))) {
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
        return version[0];
    }

    private static SolveRecord scipyRecord(BoundedTestProblem p, com.fasterxml.jackson.databind.JsonNode line) {
        String message = line.path("message").asText();
        if (line.path("status").asText().equals("error")) {
            return new SolveRecord(SUITE, p.name(), p.dimension(), "scipy", SCIPY_METHOD, Catalog.LIMITED_MEMORY, SolveRecord.Outcome.ERROR, null,
                    "error", false, false, message, 0, Map.of(), Double.NaN, Double.NaN, Double.NaN, 0, null, null,
                    Map.of("knownMinimum", p.knownMinimum()));
        }
        double[] x = PythonBridge.numbers(line.path("x"));
        Judgement j = judge(p, x);
        Map<String, Long> evaluations = new LinkedHashMap<>();
        evaluations.put("value", line.path("nfev").asLong());
        evaluations.put("gradient", line.path("njev").asLong());
        return new SolveRecord(SUITE, p.name(), p.dimension(), "scipy", SCIPY_METHOD, Catalog.LIMITED_MEMORY, SolveRecord.Outcome.RAN, null,
                "status " + line.path("status").asText(), line.path("success").asBoolean(), j.solved(), message, line.path("nit").asInt(),
                evaluations, j.value(), j.certificate(), PythonBridge.number(line.path("seconds")), line.path("times").size(), x, null,
                j.figures(p));
    }
}
