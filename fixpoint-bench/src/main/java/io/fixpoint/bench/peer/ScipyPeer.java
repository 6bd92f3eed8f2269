package io.fixpoint.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Peer;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.linalg.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SciPy ({@code scipy.optimize.minimize}) as a peer: runs {@code scipy_runner.py} in a python3
 * subprocess on the same problems, start points and gradient tolerances. Before anything is timed the
 * runner reports f(x₀) and ∇f(x₀) of its NumPy definitions; a problem whose values disagree with
 * Fixpoint's is excluded and reported as a failure. A missing python3 or SciPy is a clean skip.
 */
public final class ScipyPeer implements Peer {
    private static final String SCRIPT = "scipy_runner.py";
    /** The SciPy methods compared, by their SciPy names. */
    public static final List<String> METHODS = List.of("BFGS", "L-BFGS-B", "CG", "Newton-CG", "trust-ncg", "trust-krylov");
    private final PythonBridge python;
    private final List<String> methods;
    private final Duration timeLimit;
    private final Set<String> perturbed;

    /** python3 (or $FIXPOINT_PYTHON), every method, at most {@code timeLimit} for the whole run. */
    public ScipyPeer(Duration timeLimit) {
        this(PythonBridge.python3(), METHODS, timeLimit, Set.of());
    }

    /**
     * @param python    the interpreter to run
     * @param methods   SciPy method names
     * @param timeLimit wall-time limit of the subprocess; the solves finished by then are kept
     * @param perturbed problems whose Python values the runner perturbs by 1e-9 relative (a self-test of the agreement check)
     */
    public ScipyPeer(PythonBridge python, List<String> methods, Duration timeLimit, Set<String> perturbed) {
        this.python = python;
        this.methods = List.copyOf(methods);
        this.timeLimit = timeLimit;
        this.perturbed = Set.copyOf(perturbed);
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
        return python.unavailable("numpy", "scipy");
    }

    @Override
    public PeerOutcome run(List<TestProblem> problems, CompareSettings settings, Progress progress) {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            skipProgress(progress, problems.size() * methods.size());
            return PeerOutcome.skipped(name(), "SciPy peer skipped: " + missing.get());
        }
        return compare(problems, settings, progress);
    }

    private PeerOutcome compare(List<TestProblem> problems, CompareSettings settings, Progress progress) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<String> disagreements = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, TestProblem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));

        // 1. the definitions must agree before anything is timed
        Map<String, String> versions = new LinkedHashMap<>();
        List<TestProblem> agreed = new ArrayList<>();
        PythonBridge.Exit check = python.run(SCRIPT, request("check", problems, settings), remaining(deadline), line -> {
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
                Optional<String> d = AgreementCheck.compare(p, PythonBridge.number(line.path("f0")), PythonBridge.numbers(line.path("g0")));
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
        PythonBridge.Exit solve = agreed.isEmpty() ? new PythonBridge.Exit(0, false, "") : python.run(SCRIPT, request("solve", agreed, settings), remaining(deadline), line -> {
            if (!line.path("type").asText().equals("result")) {
                return;
            }
            TestProblem p = agreedByName.get(line.path("problem").asText());
            if (p != null) {
                records.add(record(p, line));
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

    private static SolveRecord record(TestProblem p, JsonNode r) {
        String method = r.path("method").asText();
        if (r.path("status").asText().equals("error")) {
            return MinimizationBench.peerRecord("scipy", method, p, null, "error", false, 0, 0, 0, 0, Double.NaN, 0, new double[0],
                    r.path("message").asText());
        }
        return MinimizationBench.peerRecord("scipy", method, p, PythonBridge.numbers(r.path("x")), "status " + r.path("status").asText(),
                r.path("success").asBoolean(), r.path("nfev").asLong(), r.path("njev").asLong(), r.path("nhev").asLong(),
                r.path("nit").asInt(), PythonBridge.number(r.path("seconds")), r.path("times").size(), PythonBridge.numbers(r.path("history")),
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

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
    }

    private static void skipProgress(Progress progress, int n) {
        for (int i = 0; i < n; i++) {
            progress.advance("scipy");
        }
    }
}
