package io.fixpoint.bench.constrained;

import io.fixpoint.bench.peer.AgreementCheck;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.ExpressionProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SciPy's SLSQP and trust-constr as the constrained suite's peer: {@code scipy_runner.py} in its
 * constrained mode, the problems sent as their expressions. Before solving, the runner reports f(x₀)
 * and c(x₀) of its translation; a problem where they differ from Fixpoint's by more than
 * {@link AgreementCheck#TOLERANCE} relative is excluded and listed in the outcome's disagreements.
 */
public final class ScipyConstrained {
    private static final String SCRIPT = "scipy_runner.py";
    /** The SciPy methods for problems with general constraints. */
    public static final List<String> METHODS = List.of("SLSQP", "trust-constr");

    private final PythonBridge python;
    private final Duration timeLimit;

    /** @param timeLimit wall-time limit of the whole SciPy run; the solves finished by then are kept */
    public ScipyConstrained(PythonBridge python, Duration timeLimit) {
        this.python = python;
        this.timeLimit = timeLimit;
    }

    /** One SciPy solve of a constrained problem, as the runner reported it (x empty when SciPy raised an error). */
    public record Run(String problem, String method, double[] x, long valueEvaluations, long gradientEvaluations,
            long constraintEvaluations, long jacobianEvaluations, int iterations, double seconds, String status, boolean success,
            String message) {
    }

    /**
     * The runs, SciPy's version, the problems excluded because SciPy's values at the start disagree with
     * Fixpoint's, and, when SciPy could not run, why ({@code skipped} non-null).
     */
    public record Outcome(String version, String skipped, List<String> disagreements, List<Run> runs) {
    }

    /** Empty when the interpreter imports NumPy and SciPy; otherwise why not. */
    public Optional<String> unavailable() {
        return python.unavailable("numpy", "scipy");
    }

    /**
     * Runs SciPy's {@code methods} on the problems from their projected starts.
     *
     * @param tolerance SLSQP's ftol is tolerance^1.25, trust-constr's gtol, xtol and barrier_tol are tolerance
     * @param repeats   solves per pair; the time reported is their median
     */
    public Outcome solve(List<ConstrainedTestProblem> problems, List<String> methods, double tolerance, int maxIterations, int repeats) {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            return new Outcome(null, "SciPy skipped: " + missing.get(), List.of(), List.of());
        }
        Map<String, ConstrainedTestProblem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));
        Map<String, String> versions = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        PythonBridge.Exit exit = python.run(SCRIPT, request(problems, methods, tolerance, maxIterations, repeats), timeLimit, line -> {
            String type = line.path("type").asText();
            String name = line.path("problem").asText();
            if (type.equals("hello")) {
                versions.put("version", String.format(Locale.ROOT, "SciPy %s, NumPy %s, Python %s", line.path("scipy").asText(),
                        line.path("numpy").asText(), line.path("python").asText()));
            } else if (type.equals("check") && byName.containsKey(name)) {
                Optional<String> d = line.has("error") ? Optional.of(line.path("error").asText())
                        : agreement(byName.get(name), PythonBridge.number(line.path("f0")), PythonBridge.numbers(line.path("c0")));
                if (d.isPresent()) {
                    excluded.add(name);
                    disagreements.add(name + ": SciPy's definition disagrees with Fixpoint's: " + d.get());
                }
            } else if (type.equals("result") && byName.containsKey(name) && !excluded.contains(name)) {
                boolean error = line.path("status").asText().equals("error");
                runs.add(new Run(name, line.path("method").asText(), error ? new double[0] : PythonBridge.numbers(line.path("x")),
                        line.path("nfev").asLong(), line.path("njev").asLong(), line.path("ncev").asLong(), line.path("ncjev").asLong(),
                        line.path("nit").asInt(), error ? Double.NaN : PythonBridge.number(line.path("seconds")), line.path("status").asText(),
                        line.path("success").asBoolean(), line.path("message").asText()));
            }
        });
        String skipped = exit.ok() ? null : "the SciPy runner stopped early (" + exit.describe() + "); " + runs.size() + " solves completed";
        return new Outcome(versions.get("version"), skipped, disagreements, runs);
    }

    private static Map<String, Object> request(List<ConstrainedTestProblem> problems, List<String> methods, double tolerance,
            int maxIterations, int repeats) {
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
        return request;
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
}
