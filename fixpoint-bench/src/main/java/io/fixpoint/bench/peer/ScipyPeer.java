package io.fixpoint.bench.peer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Peer;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.compare.Progress;
import io.fixpoint.bench.compare.SolveRecord;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.ExpressionProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.linalg.Vectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * SciPy ({@code scipy.optimize.minimize}) as a peer: runs {@code scipy_runner.py} in a python3
 * subprocess on the same problems, start points and gradient tolerances. Before anything is timed the
 * runner reports f(x₀) and ∇f(x₀) of its NumPy definitions; a problem whose values disagree with
 * Fixpoint's is excluded and reported as a failure. A missing python3 or SciPy is a clean skip.
 */
public final class ScipyPeer implements Peer {
    /** The SciPy methods compared, by their SciPy names. */
    public static final List<String> METHODS = List.of("BFGS", "L-BFGS-B", "CG", "Newton-CG", "trust-ncg", "trust-krylov");
    private static final String RESOURCES = "/io/fixpoint/bench/peer/python/";
    private static final List<String> SCRIPTS = List.of("scipy_runner.py", "mgh.py", "large.py", "constrained.py");
    /** The SciPy methods for problems with general constraints. */
    public static final List<String> CONSTRAINED_METHODS = List.of("SLSQP", "trust-constr");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final String python;
    private final List<String> methods;
    private final Duration timeLimit;
    private final Set<String> perturbed;

    /** python3 (or $FIXPOINT_PYTHON), every method, at most {@code timeLimit} for the whole run. */
    public ScipyPeer(Duration timeLimit) {
        this(defaultPython(), METHODS, timeLimit, Set.of());
    }

    /**
     * @param python    the interpreter to run
     * @param methods   SciPy method names
     * @param timeLimit wall-time limit of the subprocess; the solves finished by then are kept
     * @param perturbed problems whose Python values the runner perturbs by 1e-9 relative (a self-test of the agreement check)
     */
    public ScipyPeer(String python, List<String> methods, Duration timeLimit, Set<String> perturbed) {
        this.python = python;
        this.methods = List.copyOf(methods);
        this.timeLimit = timeLimit;
        this.perturbed = Set.copyOf(perturbed);
    }

    public static String defaultPython() {
        String env = System.getenv("FIXPOINT_PYTHON");
        return env == null || env.isBlank() ? "python3" : env;
    }

    @Override
    public String name() {
        return "scipy";
    }

    @Override
    public int plannedSolves(List<TestProblem> problems) {
        return problems.size() * methods.size();
    }

    /** Empty when python3 runs and imports NumPy and SciPy; otherwise why not. */
    public Optional<String> unavailable() {
        ProcessBuilder pb = new ProcessBuilder(python, "-c", "import numpy, scipy, sys; print(scipy.__version__)").redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("'" + python + "' did not answer within 60 s");
            }
            if (p.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                String last = text.isEmpty() ? "exit code " + p.exitValue() : text.substring(text.lastIndexOf('\n') + 1);
                return Optional.of("'" + python + "' cannot import NumPy and SciPy (" + last + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no Python interpreter at '" + python + "' (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    @Override
    public PeerOutcome run(List<TestProblem> problems, CompareSettings settings, Progress progress) {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            skipProgress(progress, problems.size() * methods.size());
            return PeerOutcome.skipped(name(), "SciPy peer skipped: " + missing.get());
        }
        Path dir = null;
        try {
            dir = extractScripts();
            return compare(dir, problems, settings, progress);
        } catch (IOException e) {
            return PeerOutcome.skipped(name(), "SciPy peer failed: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    private PeerOutcome compare(Path dir, List<TestProblem> problems, CompareSettings settings, Progress progress) throws IOException {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<String> disagreements = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, TestProblem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));

        // 1. the definitions must agree before anything is timed
        Map<String, String> versions = new LinkedHashMap<>();
        List<TestProblem> agreed = new ArrayList<>();
        RunnerExit check = runRunner(dir, request("check", problems, settings), remaining(deadline), line -> {
            String type = line.path("type").asText();
            if (type.equals("hello")) {
                versions.put("scipy", line.path("scipy").asText());
                versions.put("numpy", line.path("numpy").asText());
                versions.put("python", line.path("python").asText());
            } else if (type.equals("check")) {
                TestProblem p = byName.get(line.path("problem").asText());
                if (p == null) {
                    return;
                }
                if (line.has("error")) {
                    excluded.add(p.name() + ": " + line.path("error").asText());
                    return;
                }
                Optional<String> d = AgreementCheck.compare(p, number(line.path("f0")), numbers(line.path("g0")));
                if (d.isPresent()) {
                    disagreements.add(p.name() + ": SciPy's definition disagrees with Fixpoint's: " + d.get());
                } else {
                    agreed.add(p);
                }
            }
        });
        if (!check.ok()) {
            skipProgress(progress, problems.size() * methods.size());
            return PeerOutcome.skipped(name(), "SciPy peer failed while checking the definitions: " + check.describe());
        }
        skipProgress(progress, (problems.size() - agreed.size()) * methods.size());

        // 2. solve the problems whose definitions agree
        List<SolveRecord> records = new ArrayList<>();
        Map<String, TestProblem> agreedByName = new LinkedHashMap<>();
        agreed.forEach(p -> agreedByName.put(p.name(), p));
        RunnerExit solve = agreed.isEmpty() ? RunnerExit.OK : runRunner(dir, request("solve", agreed, settings), remaining(deadline), line -> {
            if (!line.path("type").asText().equals("result")) {
                return;
            }
            TestProblem p = agreedByName.get(line.path("problem").asText());
            if (p != null) {
                records.add(record(p, line, settings));
                progress.advance("scipy " + line.path("method").asText() + " " + p.name());
            }
        });
        if (!solve.ok()) {
            notes.add("the SciPy runner stopped early (" + solve.describe() + "); " + records.size() + " of "
                    + agreed.size() * methods.size() + " solves completed");
            skipProgress(progress, agreed.size() * methods.size() - records.size());
        }
        notes.add("BLAS limited to one thread, as the Java side runs single-threaded");
        String version = String.format(Locale.ROOT, "SciPy %s, NumPy %s, Python %s", versions.getOrDefault("scipy", "?"),
                versions.getOrDefault("numpy", "?"), versions.getOrDefault("python", "?"));
        return new PeerOutcome(name(), version, null, disagreements, excluded, notes, records);
    }

    private SolveRecord record(TestProblem p, JsonNode r, CompareSettings settings) {
        String method = r.path("method").asText();
        if (r.path("status").asText().equals("error")) {
            return SolveRecord.judged("scipy", method, p, null, settings, "error", false, 0, 0, 0, 0, Double.NaN, 0, new double[0],
                    r.path("message").asText());
        }
        return SolveRecord.judged("scipy", method, p, numbers(r.path("x")), settings, "status " + r.path("status").asText(),
                r.path("success").asBoolean(), r.path("nfev").asLong(), r.path("njev").asLong(), r.path("nhev").asLong(),
                r.path("nit").asInt(), number(r.path("seconds")), r.path("times").size(), numbers(r.path("history")),
                r.path("message").asText());
    }

    private Map<String, Object> request(String mode, List<TestProblem> problems, CompareSettings settings) {
        Map<String, Integer> residuals = new LinkedHashMap<>();
        Mgh.problems().forEach(e -> residuals.put(e.name() + "/" + e.function().n(), e.function().m()));
        List<Map<String, Object>> specs = new ArrayList<>();
        for (TestProblem p : problems) {
            double[] g = new double[p.dimension()];
            p.objective().gradient(p.start().clone(), g);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", p.name());
            spec.put("n", p.dimension());
            Integer m = residuals.get(p.name() + "/" + p.dimension());
            if (m != null) {
                spec.put("m", m); // the residual count of an MGH problem; otherwise the Python side's default
            }
            spec.put("x0", p.start());
            spec.put("gtol", settings.gradientTarget(Vectors.norm(g)));
            specs.add(spec);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("protocol", 1);
        req.put("mode", mode);
        req.put("problems", specs);
        req.put("methods", methods);
        req.put("maxiter", settings.maxIterations());
        req.put("repeats", settings.repeats());
        req.put("seconds_per_method", settings.secondsPerMethod());
        req.put("perturb", List.copyOf(perturbed));
        return req;
    }

    /** One SciPy solve of a constrained problem, as the runner reported it (x empty when SciPy raised an error). */
    public record ConstrainedRun(String problem, String method, double[] x, long valueEvaluations, long gradientEvaluations,
            long constraintEvaluations, long jacobianEvaluations, int iterations, double seconds, String status, boolean success,
            String message) {
    }

    /**
     * The constrained runs, SciPy's version, the problems excluded because SciPy's values at the start
     * disagree with Fixpoint's, and, when SciPy could not run, why ({@code skipped} non-null).
     */
    public record ConstrainedOutcome(String version, String skipped, List<String> disagreements, List<ConstrainedRun> runs) {
    }

    /**
     * Runs SciPy's {@code methods} ({@link #CONSTRAINED_METHODS}) on the constrained problems, given
     * to Python as their expressions, from their projected starts. Before solving, the runner reports
     * f(x₀) and c(x₀) of its translation; a problem where they differ from Fixpoint's by more than
     * {@link AgreementCheck#TOLERANCE} relative is excluded and listed in {@code disagreements}.
     *
     * @param tolerance     SLSQP's ftol is tolerance^1.25, trust-constr's gtol, xtol and barrier_tol are tolerance
     * @param repeats       solves per pair; the time reported is their median
     */
    public ConstrainedOutcome solveConstrained(List<ConstrainedTestProblem> problems, List<String> methods, double tolerance,
            int maxIterations, int repeats) {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            return new ConstrainedOutcome(null, "SciPy skipped: " + missing.get(), List.of(), List.of());
        }
        Map<String, ConstrainedTestProblem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));
        List<Map<String, Object>> specs = new ArrayList<>();
        for (ConstrainedTestProblem p : problems) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", p.name());
            spec.put("variables", p.variables());
            spec.put("objective", p.objective());
            List<Map<String, String>> constraints = new ArrayList<>();
            for (ExpressionProblem.Constraint c : p.orderedConstraints()) {
                constraints.add(Map.of("lhs", c.lhs().text(), "relation", c.relation().symbol(), "rhs", c.rhs().text()));
            }
            spec.put("constraints", constraints);
            spec.put("lower", finiteOrNull(p.bounds().lower()));
            spec.put("upper", finiteOrNull(p.bounds().upper()));
            spec.put("x0", p.projectedStart());
            specs.add(spec);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("protocol", 1);
        request.put("mode", "constrained");
        request.put("problems", specs);
        request.put("methods", methods);
        request.put("tolerance", tolerance);
        request.put("maxiter", maxIterations);
        request.put("repeats", repeats);
        Map<String, String> versions = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        List<ConstrainedRun> runs = new ArrayList<>();
        java.util.Set<String> excluded = new java.util.HashSet<>();
        try {
            RunnerExit exit = call(request, timeLimit, line -> {
                String type = line.path("type").asText();
                String name = line.path("problem").asText();
                if (type.equals("hello")) {
                    versions.put("version", String.format(Locale.ROOT, "SciPy %s, NumPy %s, Python %s", line.path("scipy").asText(),
                            line.path("numpy").asText(), line.path("python").asText()));
                } else if (type.equals("check") && byName.containsKey(name)) {
                    Optional<String> d = line.has("error") ? Optional.of(line.path("error").asText())
                            : agreement(byName.get(name), number(line.path("f0")), numbers(line.path("c0")));
                    if (d.isPresent()) {
                        excluded.add(name);
                        disagreements.add(name + ": SciPy's definition disagrees with Fixpoint's: " + d.get());
                    }
                } else if (type.equals("result") && byName.containsKey(name) && !excluded.contains(name)) {
                    boolean error = line.path("status").asText().equals("error");
                    runs.add(new ConstrainedRun(name, line.path("method").asText(), error ? new double[0] : numbers(line.path("x")),
                            line.path("nfev").asLong(), line.path("njev").asLong(), line.path("ncev").asLong(), line.path("ncjev").asLong(),
                            line.path("nit").asInt(), error ? Double.NaN : number(line.path("seconds")), line.path("status").asText(),
                            line.path("success").asBoolean(), line.path("message").asText()));
                }
            });
            String skipped = exit.ok() ? null : "the SciPy runner stopped early (" + exit.describe() + "); " + runs.size() + " solves completed";
            return new ConstrainedOutcome(versions.get("version"), skipped, disagreements, runs);
        } catch (IOException e) {
            return new ConstrainedOutcome(null, "SciPy failed: " + e.getMessage(), List.of(), List.of());
        }
    }

    /**
     * Runs {@code scipy_runner.py} once on a request of its protocol (see the script's docstring),
     * handing each JSON line it prints to {@code onLine}: the bridge for suites that build their own
     * requests, such as the large-scale bench. The caller checks {@link #unavailable()} first.
     *
     * @param limit the wall-time limit of the subprocess
     */
    public RunnerExit call(Map<String, Object> request, Duration limit, Consumer<JsonNode> onLine) throws IOException {
        Path dir = extractScripts();
        try {
            return runRunner(dir, request, limit, onLine);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** f(x₀) and c(x₀) of SciPy's translation against Fixpoint's, to {@link AgreementCheck#TOLERANCE} relative. */
    private static Optional<String> agreement(ConstrainedTestProblem p, double f0, double[] c0) {
        ConstrainedProblem problem = p.problem();
        double[] x0 = p.projectedStart();
        double[] c = new double[problem.constraintCount()];
        problem.constraints(x0.clone(), c);
        double[] mine = new double[c.length + 1];
        double[] theirs = new double[c0.length + 1];
        mine[0] = problem.objective().value(x0.clone());
        theirs[0] = f0;
        System.arraycopy(c, 0, mine, 1, c.length);
        System.arraycopy(c0, 0, theirs, 1, c0.length);
        return AgreementCheck.compare("(f, c)(x0)", mine, theirs);
    }

    private static List<Double> finiteOrNull(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(Double.isFinite(d) ? d : null);
        }
        return out;
    }

    /** How a runner invocation ended. */
    public record RunnerExit(int code, boolean timedOut, String stderrTail) {
        static final RunnerExit OK = new RunnerExit(0, false, "");

        public boolean ok() {
            return code == 0 && !timedOut;
        }

        public String describe() {
            if (timedOut) {
                return "time limit reached";
            }
            return "exit code " + code + (stderrTail.isBlank() ? "" : ": " + stderrTail);
        }
    }

    private RunnerExit runRunner(Path dir, Map<String, Object> request, Duration limit, Consumer<JsonNode> onLine) throws IOException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(python, "scipy_runner.py").directory(dir.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(v, "1"); // threaded BLAS on tiny problems only spins; the Java side is single-threaded too
        }
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = pb.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "scipy-runner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (OutputStream in = process.getOutputStream()) {
            JSON.writeValue(in, request);
        } catch (IOException e) {
            // the runner died before reading its request; its exit code and stderr say why
        }
        try (InputStream out = process.getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    onLine.accept(JSON.readTree(line));
                }
            }
        }
        try {
            int code = process.waitFor();
            watchdog.interrupt();
            return new RunnerExit(code, timedOut.get(), tail(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new RunnerExit(-1, false, "interrupted");
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
    }

    private static Path extractScripts() throws IOException {
        Path dir = Files.createTempDirectory("fixpoint-scipy");
        for (String s : SCRIPTS) {
            try (InputStream in = ScipyPeer.class.getResourceAsStream(RESOURCES + s)) {
                if (in == null) {
                    throw new IOException("the SciPy runner script " + s + " is missing from the jar");
                }
                Files.copy(in, dir.resolve(s));
            }
        }
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is harmless
        }
    }

    private static void skipProgress(Progress progress, int n) {
        for (int i = 0; i < n; i++) {
            progress.advance("scipy");
        }
    }

    /** A JSON number, or the strings Python writes for non-finite floats. */
    public static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return switch (n.asText().toLowerCase(Locale.ROOT)) {
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    public static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }
}
