package io.fixpoint.bench.large;

import io.fixpoint.bench.compare.Timing;
import io.fixpoint.bench.peer.AgreementCheck;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Family;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.ScalableProblem;
import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The large-scale suite: the variable-dimension problems of {@link Suites#scalable()} at n = 10⁴, 10⁵
 * and 10⁶ (10³ … 10⁷ with {@link Settings#full()}), solved by Fixpoint's L-BFGS, CG (Hager–Zhang),
 * trust-region Newton–CG and L-BFGS-B beside SciPy's L-BFGS-B, CG and trust-krylov on the same
 * NumPy-vectorised functions ({@code peers/large.py}, through {@link PythonBridge}),
 * with a measured memory pass at each n ({@link MemoryTraffic}).
 *
 * <p>Every tool gets the same stopping rule, ‖∇f(x)‖₂ ≤ 10⁻⁶‖∇f(x₀)‖₂ handed over as an absolute
 * tolerance (SciPy's L-BFGS-B, whose own test is on the max-norm, stops by a callback on the 2-norm),
 * the same iteration limit and a time limit per solve. Before anything is timed, SciPy's f(x₀) and
 * ∇f(x₀) must agree with Fixpoint's to 10⁻¹² relative ({@link AgreementCheck}); vectors cross as raw
 * float64 files. Each solve is then judged by Fixpoint: solved when ‖∇f‖₂ at the returned point,
 * recomputed with Fixpoint's definition, meets the target (to 10⁻⁸ relative, the rounding of two
 * implementations of one gradient).
 *
 * <p>Times are medians over repeats of warm solves, the same rule for both tools (see {@code solveJava}:
 * a fast configuration's first solve and, in Java, the JIT's warm-up solves are not timed), reported as
 * wall and CPU seconds; on a shared machine the CPU time is the steadier. For the
 * Java methods the time spent inside f, ∇f and ∇²f·v is measured apart, which gives L-BFGS's time per
 * iteration outside the objective; set against the vector passes an iteration must make
 * ({@link MemoryTraffic#lbfgsPasses}) at the measured pass time, it says how close the method runs to
 * the memory bandwidth.
 */
public final class LargeScaleBench {
    public static final String SUITE = "large";
    public static final List<String> JAVA_METHODS = List.of("lbfgs", "cg-hz", "trust-newton-cg", "lbfgsb");
    public static final List<String> SCIPY_METHODS = List.of("L-BFGS-B", "CG", "trust-krylov");
    /** The quick run's size: seconds for every method (trust-region Newton–CG takes minutes at 10⁴ on the harder problems). */
    public static final List<Integer> QUICK_DIMENSIONS = List.of(1_000);
    public static final List<Integer> DIMENSIONS = List.of(10_000, 100_000, 1_000_000);
    public static final List<Integer> FULL_DIMENSIONS = List.of(1_000, 10_000, 100_000, 1_000_000, 10_000_000);
    /**
     * The problems that run at n = 10⁷ under {@code --full}: the three L-BFGS finishes in under 40
     * iterations at 10⁶. Broyden tridiagonal (44), the trigonometric problem (≈ 100) and the convex
     * quadratic (≈ 470) would take minutes a solve there on a 2-core machine, for both tools.
     */
    public static final List<String> LARGEST_PROBLEMS = List.of("extended-rosenbrock", "extended-powell", "penalty-1");
    /** The dimension from which only {@link #LARGEST_PROBLEMS} run. */
    public static final int LARGEST = 10_000_000;
    /** SciPy's counterpart of each Fixpoint method: a run compares a method with its counterpart only. */
    public static final Map<String, String> COUNTERPARTS = counterparts();
    /** A first solve under this many seconds is followed by untimed warm-up solves; a slower one is timed itself. */
    static final double WARM_BELOW_SECONDS = 2;
    /**
     * Untimed warm-up solves go on until {@link #WARM_UP_SOLVES} of them have run and they have taken
     * {@link #WARM_UP_SECONDS} s, at most {@link #WARM_UP_LIMIT_SECONDS} s. The JIT takes seconds on a loaded
     * 2-core machine: in a fresh JVM at n = 10³, L-BFGS's CPU time per solve on extended Rosenbrock fell
     * from 87 ms (first) to 8 ms (tenth, 1.1 s in), 5 ms (twentieth, 2 s in) and 3 ms (fortieth, 3.5 s in)
     * while the compiler threads spent 4.9 s; at n = 10⁴ from 143 ms to 13 ms in nine solves.
     */
    static final int WARM_UP_SOLVES = 20;
    static final double WARM_UP_SECONDS = 1;
    static final double WARM_UP_LIMIT_SECONDS = 3;
    /** A configuration whose first solve takes longer than this is timed once. */
    static final double ONCE_ABOVE_SECONDS = 10;
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** Relative slack of the judge: two implementations of one gradient differ in the last digits. */
    static final double JUDGE_SLACK = 1e-8;
    /** L-BFGS's memory, for the traffic model. */
    static final int LBFGS_MEMORY = 10;

    private LargeScaleBench() {
    }

    private static Map<String, String> counterparts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lbfgs", "L-BFGS-B");
        m.put("lbfgsb", "L-BFGS-B");
        m.put("cg-hz", "CG");
        m.put("trust-newton-cg", "trust-krylov");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** SciPy's counterparts of {@code javaMethods}, each once, in SciPy's order. */
    public static List<String> counterparts(List<String> javaMethods) {
        return SCIPY_METHODS.stream().filter(m -> javaMethods.stream().map(COUNTERPARTS::get).anyMatch(m::equals)).toList();
    }

    /**
     * What a run does.
     *
     * @param dimensions            the sizes n
     * @param problems              names from {@link Suites#scalable()}
     * @param javaMethods           Fixpoint minimisers by catalogue name
     * @param scipyMethods          SciPy methods (empty: no SciPy)
     * @param relativeTolerance     the target ‖∇f‖ ≤ relativeTolerance·‖∇f(x₀)‖
     * @param maxIterations         iteration limit of the first-order methods
     * @param secondOrderIterations iteration limit of trust-newton-cg and trust-krylov
     * @param repeats               timed solves per configuration; the median is reported
     * @param timeLimit             per solve, for every tool
     * @param warmUp                whether fast configurations are warmed up before they are timed (off only where times do not matter)
     */
    public record Settings(List<Integer> dimensions, List<String> problems, List<String> javaMethods, List<String> scipyMethods,
            double relativeTolerance, int maxIterations, int secondOrderIterations, int repeats, Duration timeLimit, boolean warmUp) {

        public Settings {
            dimensions = List.copyOf(dimensions);
            problems = List.copyOf(problems);
            javaMethods = List.copyOf(javaMethods);
            scipyMethods = List.copyOf(scipyMethods);
            if (!(relativeTolerance > 0 && relativeTolerance < 1) || maxIterations < 1 || secondOrderIterations < 1 || repeats < 1) {
                throw new IllegalArgumentException("need 0 < relativeTolerance < 1 and positive iteration limits and repeats");
            }
            Objects.requireNonNull(timeLimit, "timeLimit");
            problems.forEach(p -> Suites.problem(p, 1_000_000 - 1_000_000 % 4)); // unknown names fail here
            javaMethods.forEach(Catalog.builtIn()::minimizer);
        }

        /** n = 10⁴, 10⁵, 10⁶; every problem and method; 3 repeats; 10 000 (1 000) iterations; 120 s per solve. */
        public static Settings standard() {
            return new Settings(DIMENSIONS, Suites.scalable().stream().map(ScalableProblem::name).toList(), JAVA_METHODS, SCIPY_METHODS,
                    RELATIVE_TOLERANCE, 10_000, 1_000, 3, Duration.ofSeconds(120), true);
        }

        /**
         * n = 10³, one timed solve, 10 s per solve, without the discrete boundary value problem: its
         * condition number grows like n², and at n = 10³ no tool of either side meets the target within
         * the limit, so it would only spend the limit once per method (it runs under {@code --full}).
         */
        public static Settings quick() {
            Settings s = standard().withDimensions(QUICK_DIMENSIONS).withRepeats(1).withTimeLimit(Duration.ofSeconds(10));
            return s.withProblems(s.problems.stream().filter(p -> !p.equals("discrete-boundary-value")).toList());
        }

        /** n = 10³ … 10⁷ (at 10⁷ only {@link #LARGEST_PROBLEMS}), 60 s per solve, otherwise the standard run. */
        public static Settings full() {
            return standard().withDimensions(FULL_DIMENSIONS).withTimeLimit(Duration.ofSeconds(60));
        }

        /** The problems that run at dimension n. */
        public List<String> problemsAt(int n) {
            return n < LARGEST ? problems : problems.stream().filter(LARGEST_PROBLEMS::contains).toList();
        }

        public Settings withDimensions(List<Integer> d) {
            return new Settings(d, problems, javaMethods, scipyMethods, relativeTolerance, maxIterations, secondOrderIterations, repeats, timeLimit, warmUp);
        }

        public Settings withProblems(List<String> p) {
            return new Settings(dimensions, p, javaMethods, scipyMethods, relativeTolerance, maxIterations, secondOrderIterations, repeats, timeLimit, warmUp);
        }

        public Settings withMethods(List<String> java, List<String> scipy) {
            return new Settings(dimensions, problems, java, scipy, relativeTolerance, maxIterations, secondOrderIterations, repeats, timeLimit, warmUp);
        }

        public Settings withIterations(int firstOrder, int secondOrder) {
            return new Settings(dimensions, problems, javaMethods, scipyMethods, relativeTolerance, firstOrder, secondOrder, repeats, timeLimit, warmUp);
        }

        public Settings withRepeats(int r) {
            return new Settings(dimensions, problems, javaMethods, scipyMethods, relativeTolerance, maxIterations, secondOrderIterations, r, timeLimit, warmUp);
        }

        /** Without warm-up solves: the first solve of every configuration is timed, and the times say little. */
        public Settings withoutWarmUp() {
            return new Settings(dimensions, problems, javaMethods, scipyMethods, relativeTolerance, maxIterations, secondOrderIterations, repeats, timeLimit,
                    false);
        }

        public Settings withTimeLimit(Duration t) {
            return new Settings(dimensions, problems, javaMethods, scipyMethods, relativeTolerance, maxIterations, secondOrderIterations, repeats, t, warmUp);
        }

        int iterationLimit(String method) {
            return method.startsWith("trust") ? secondOrderIterations : maxIterations;
        }
    }

    /**
     * One solve configuration, judged by Fixpoint.
     *
     * @param tool                "fixpoint" or "scipy"
     * @param status              the tool's own status (Fixpoint's, or SciPy's message)
     * @param solved              ‖∇f‖₂ at the returned point met the target
     * @param gradients           gradient evaluations (each with a value)
     * @param hessianVectors      Hessian-vector products
     * @param value               f at the returned point
     * @param gradientNorm        ‖∇f‖₂ there, by Fixpoint's definition
     * @param target              the gradient-norm target
     * @param seconds             median wall seconds
     * @param cpuSeconds          median CPU seconds
     * @param repeats             timed solves
     * @param objectiveCpuSeconds median CPU seconds inside f, ∇f and ∇²f·v (NaN for SciPy)
     * @param note                why a configuration did not run, or empty
     */
    public record Row(String problem, int n, String tool, String method, String status, boolean solved, int iterations, long gradients,
            long hessianVectors, double value, double gradientNorm, double target, double seconds, double cpuSeconds, int repeats,
            double objectiveCpuSeconds, String note) {

        /** The suite's record of this solve (without its point, which can have 10⁷ entries). */
        public SolveRecord record() {
            boolean fixpoint = tool.equals(SolveRecord.FIXPOINT);
            boolean error = status.equalsIgnoreCase("error");
            String family = fixpoint ? Catalog.builtIn().minimizer(method).family() : Family.ofPeerMethod(method);
            Map<String, Long> evaluations = new LinkedHashMap<>();
            evaluations.put("gradient", gradients);
            evaluations.put("hessianVector", hessianVectors);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("target", target);
            figures.put("cpuSeconds", cpuSeconds);
            figures.put("objectiveCpuSeconds", objectiveCpuSeconds);
            figures.put("outsidePerIteration", outsidePerIteration());
            Status typed = fixpoint && !error ? Status.valueOf(status) : null;
            return new SolveRecord(SUITE, problem, n, tool, method, family, error ? SolveRecord.Outcome.ERROR : SolveRecord.Outcome.RAN, typed,
                    fixpoint ? null : status, typed != null ? typed.isSuccess() : !error && solved, solved, note.isEmpty() ? status : note,
                    iterations, evaluations, value, gradientNorm, seconds, repeats, null, null, figures);
        }

        /** CPU seconds per iteration outside the objective (NaN when not measured). */
        public double outsidePerIteration() {
            return iterations > 0 ? (cpuSeconds - objectiveCpuSeconds) / iterations : Double.NaN;
        }

        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", problem);
            m.put("n", n);
            m.put("tool", tool);
            m.put("method", method);
            m.put("status", status);
            m.put("solved", solved);
            m.put("iterations", iterations);
            m.put("gradients", gradients);
            m.put("hessianVectors", hessianVectors);
            m.put("value", value);
            m.put("gradientNorm", gradientNorm);
            m.put("target", target);
            m.put("seconds", seconds);
            m.put("cpuSeconds", cpuSeconds);
            m.put("repeats", repeats);
            m.put("objectiveCpuSeconds", objectiveCpuSeconds);
            m.put("outsidePerIteration", outsidePerIteration());
            m.put("note", note);
            return m;
        }
    }

    /**
     * Runs the suite from the command line, printing progress to stderr and the report to stdout:
     * {@code [--full] [--json] [--no-scipy] [--dimensions 10000,100000] [--problems a,b] [--repeats N] [--seconds S]}.
     */
    public static void main(String[] args) {
        Settings s = Settings.standard();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> s = Settings.full().withProblems(s.problems()).withMethods(s.javaMethods(), s.scipyMethods()).withRepeats(s.repeats());
                case "--json" -> json = true;
                case "--no-scipy" -> s = s.withMethods(s.javaMethods(), List.of());
                case "--dimensions" -> s = s.withDimensions(java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList());
                case "--problems" -> s = s.withProblems(List.of(args[++i].split(",")));
                case "--methods" -> s = s.withMethods(List.of(args[++i].split(",")), s.scipyMethods());
                case "--scipy-methods" -> s = s.withMethods(s.javaMethods(), List.of(args[++i].split(",")));
                case "--repeats" -> s = s.withRepeats(Integer.parseInt(args[++i]));
                case "--seconds" -> s = s.withTimeLimit(Duration.ofSeconds(Long.parseLong(args[++i])));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --full --json --no-scipy --dimensions --problems --methods --scipy-methods --repeats --seconds");
            }
        }
        LargeScaleReport r = run(s, System.err::println);
        System.out.println(json ? r.json() : r.text());
    }

    /** Runs the suite; {@code progress} hears one line per finished configuration. */
    public static LargeScaleReport run(Settings settings, Consumer<String> progress) {
        double loadAtStart = loadAverage();
        List<Row> rows = new ArrayList<>();
        List<MemoryTraffic.Pass> passes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        PythonBridge scipy = PythonBridge.python3();
        String missing = settings.scipyMethods().isEmpty() ? "SciPy not requested" : scipy.unavailable("numpy", "scipy").orElse(null);
        if (missing != null) {
            notes.add("SciPy skipped: " + missing + (settings.scipyMethods().isEmpty() ? "" : " (install: apt-get install python3-scipy)"));
        }
        String[] version = {null};
        for (int n : settings.dimensions()) {
            MemoryTraffic.Pass pass = MemoryTraffic.measure(n, 5);
            passes.add(pass);
            progress.accept(String.format(java.util.Locale.ROOT, "n = %d: vector pass %.3g ms CPU (%.1f GB/s)", n, pass.cpuSeconds() * 1e3,
                    pass.gigabytesPerSecond()));
            List<TestProblem> problems = new ArrayList<>();
            for (String name : settings.problemsAt(n)) {
                TestProblem t = Suites.problem(name, n);
                problems.add(t);
                for (String method : settings.javaMethods()) {
                    Row r = solveJava(t, method, settings);
                    rows.add(r);
                    progress.accept(describe(r));
                }
            }
            if (missing == null) {
                rows.addAll(ScipyLarge.solve(scipy, problems, settings, notes, disagreements, version, progress));
            }
        }
        return new LargeScaleReport(settings, rows, passes, notes, disagreements, version[0], loadAtStart, loadAverage());
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String describe(Row r) {
        return String.format(java.util.Locale.ROOT, "%s n=%d %s %s: %s, %d iterations, %.3g s", r.problem(), r.n(), r.tool(), r.method(),
                r.solved() ? "solved" : "not solved (" + r.status() + ")", r.iterations(), r.seconds());
    }

    /** The gradient-norm target of a problem: the relative tolerance times ‖∇f(x₀)‖₂. */
    static double target(TestProblem t, Settings s) {
        double[] g = new double[t.dimension()];
        t.objective().gradient(t.start(), g);
        return s.relativeTolerance() * Vectors.norm(g);
    }

    /** The settings of a Fixpoint solve: the method's defaults with the suite's gradient target and iteration limit, no trace. */
    public static io.fixpoint.solve.Settings settings(SolverSpec<Objective> spec, TestProblem t, Settings s) {
        return spec.defaults().withTolerances(Tolerances.of(target(t, s))).withMaxIterations(s.iterationLimit(spec.name())).withTrace(false);
    }

    /** ‖∇f(x)‖₂ and f(x) by Fixpoint's definition. */
    static double[] judge(TestProblem t, double[] x) {
        double[] g = new double[x.length];
        double f = t.objective().valueAndGradient(x, g);
        return new double[] {f, Vectors.norm(g)};
    }

    private record Run(Solution solution, double wall, double cpu, double objectiveCpu) {
    }

    /**
     * Times one configuration as {@code scipy_runner.py} times SciPy's: a first solve under
     * {@value #WARM_BELOW_SECONDS} s is not timed, and is followed by untimed warm-up solves (at least {@value #WARM_UP_SOLVES}
     * and {@value #WARM_UP_SECONDS} s, at most {@value #WARM_UP_LIMIT_SECONDS} s) before the timed ones; a slower first solve is itself the
     * first timed one, and above {@value #ONCE_ABOVE_SECONDS} s the only one. The time inside the
     * objective is read by clocks around every evaluation ({@link TimedObjective}), which cost about
     * 15 µs a read on this kind of virtual machine; so fast solves are timed on the bare objective and
     * one more solve, not timed, measures the share inside it.
     */
    private static Row solveJava(TestProblem t, String method, Settings s) {
        double target = target(t, s);
        TimedObjective clocked = new TimedObjective(t.objective());
        SolverSpec<Objective> spec = Catalog.builtIn().minimizer(method);
        Driver driver = settings(spec, t, s).withTimeLimit(s.timeLimit()).driver();
        List<Run> runs = new ArrayList<>();
        double objectiveCpu;
        try {
            Run first = once(driver, spec, clocked, t.start());
            if (first.wall() >= WARM_BELOW_SECONDS || !s.warmUp()) {
                runs.add(first);
                while (runs.size() < s.repeats() && first.wall() <= ONCE_ABOVE_SECONDS) {
                    runs.add(once(driver, spec, clocked, t.start()));
                }
                objectiveCpu = Timing.median(runs.stream().mapToDouble(Run::objectiveCpu).toArray());
            } else {
                double warm = first.wall();
                for (int i = 1; warm < WARM_UP_LIMIT_SECONDS && (i < WARM_UP_SOLVES || warm < WARM_UP_SECONDS); i++) {
                    warm += once(driver, spec, t.objective(), t.start()).wall();
                }
                for (int i = 0; i < s.repeats(); i++) {
                    runs.add(once(driver, spec, t.objective(), t.start()));
                }
                objectiveCpu = once(driver, spec, clocked, t.start()).objectiveCpu();
            }
        } catch (RuntimeException e) {
            return new Row(t.name(), t.dimension(), "fixpoint", method, "ERROR", false, 0, 0, 0, Double.NaN, Double.NaN, target, Double.NaN,
                    Double.NaN, 0, Double.NaN, String.valueOf(e.getMessage()));
        }
        Solution sol = runs.get(runs.size() - 1).solution();
        double[] fg = judge(t, sol.x());
        boolean solved = Double.isFinite(fg[0]) && fg[1] <= target * (1 + JUDGE_SLACK);
        double[] wall = runs.stream().mapToDouble(Run::wall).toArray();
        double[] cpu = runs.stream().mapToDouble(Run::cpu).toArray();
        return new Row(t.name(), t.dimension(), "fixpoint", method, sol.status().name(), solved, sol.iterations(),
                sol.evaluations().get(Evaluation.GRADIENT), sol.evaluations().get(Evaluation.HESSIAN_VECTOR), fg[0], fg[1], target,
                Timing.median(wall), Timing.median(cpu), runs.size(), Math.min(objectiveCpu, Timing.median(cpu)), "");
    }

    private static Run once(Driver driver, SolverSpec<Objective> spec, Objective f, double[] start) {
        TimedObjective clocked = f instanceof TimedObjective c ? c : null;
        if (clocked != null) {
            clocked.reset();
        }
        long w = System.nanoTime();
        long c = TimedObjective.cpuNow();
        Solution s = driver.solve(spec.create(), f, start);
        double cpu = (TimedObjective.cpuNow() - c) * 1e-9;
        double wall = (System.nanoTime() - w) * 1e-9;
        return new Run(s, wall, cpu, clocked == null ? Double.NaN : clocked.cpuNanos * 1e-9);
    }

    /** Reads a vector of little-endian float64 written by NumPy's {@code tofile}. */
    static double[] readVector(Path file, int n) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != 8L * n) {
                throw new IOException(file + " holds " + ch.size() + " bytes, not " + 8L * n);
            }
            double[] v = new double[n];
            ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
