package io.fixpoint.bench.large;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.peer.AgreementCheck;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.TestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * SciPy's side of the large-scale suite, through {@link PythonBridge} ({@code scipy_runner.py}): a check request (f(x₀) and
 * ∇f(x₀) of {@code peers/large.py}, the gradient as a file), then one solve request per method for the
 * problems whose definitions agree, each returned point read back from its file and judged by Fixpoint.
 */
final class ScipyLarge {
    private static final String SCRIPT = "scipy_runner.py";

    private ScipyLarge() {
    }

    static List<LargeScaleBench.Row> solve(PythonBridge scipy, List<TestProblem> problems, LargeScaleBench.Settings s, List<String> notes,
            List<String> disagreements, String[] version, Consumer<String> progress) {
        List<LargeScaleBench.Row> rows = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fixpoint-large");
            Map<String, TestProblem> byName = new LinkedHashMap<>();
            Map<String, Double> targets = new LinkedHashMap<>();
            for (TestProblem t : problems) {
                byName.put(t.name(), t);
                targets.put(t.name(), LargeScaleBench.target(t, s));
            }
            List<TestProblem> agreed = new ArrayList<>();
            Path binary = dir;
            PythonBridge.Exit check = scipy.run(SCRIPT, request("check", problems, targets, List.of(), s, binary, 0), Duration.ofMinutes(30), line -> {
                switch (line.path("type").asText()) {
                    case "hello" -> version[0] = "SciPy " + line.path("scipy").asText() + ", NumPy " + line.path("numpy").asText() + ", Python "
                            + line.path("python").asText();
                    case "check" -> {
                        TestProblem t = byName.get(line.path("problem").asText());
                        if (t == null) {
                            return;
                        }
                        if (line.has("error")) {
                            notes.add("SciPy cannot build " + t.name() + " at n = " + t.dimension() + ": " + line.path("error").asText());
                            return;
                        }
                        double[] g0 = LargeScaleBench.readVector(Path.of(line.path("g0_file").asText()), t.dimension());
                        Optional<String> d = AgreementCheck.compare(t, PythonBridge.number(line.path("f0")), g0);
                        if (d.isPresent()) {
                            disagreements.add(t.name() + " at n = " + t.dimension() + ": SciPy's definition disagrees with Fixpoint's: " + d.get());
                        } else {
                            agreed.add(t);
                        }
                    }
                    default -> {
                    }
                }
            });
            if (!check.ok()) {
                notes.add("the SciPy runner failed while checking the definitions: " + check.describe());
                return rows;
            }
            for (String method : s.scipyMethods()) {
                int iterations = s.iterationLimit(method);
                PythonBridge.Exit solve = scipy.run(SCRIPT, request("solve", agreed, targets, List.of(method), s, binary, iterations),
                        budget(agreed.size(), s), line -> {
                            if (!line.path("type").asText().equals("result")) {
                                return;
                            }
                            TestProblem t = byName.get(line.path("problem").asText());
                            if (t != null) {
                                LargeScaleBench.Row r = row(t, line, targets.get(t.name()));
                                rows.add(r);
                                progress.accept(LargeScaleBench.describe(r));
                            }
                        });
                if (!solve.ok()) {
                    notes.add("the SciPy runner stopped early on " + method + ": " + solve.describe());
                }
            }
        } catch (IOException e) {
            notes.add("SciPy failed: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
        return rows;
    }

    private static Duration budget(int problems, LargeScaleBench.Settings s) {
        return s.timeLimit().multipliedBy((long) (s.repeats() + 1) * Math.max(1, problems)).plusMinutes(10);
    }

    private static Map<String, Object> request(String mode, List<TestProblem> problems, Map<String, Double> targets, List<String> methods,
            LargeScaleBench.Settings s, Path binary, int maxIterations) {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (TestProblem t : problems) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", t.name());
            spec.put("n", t.dimension());
            spec.put("suite", "large");
            spec.put("gtol", targets.get(t.name()));
            specs.add(spec);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("protocol", 1);
        req.put("mode", mode);
        req.put("problems", specs);
        req.put("methods", methods);
        req.put("maxiter", Math.max(1, maxIterations));
        req.put("repeats", s.repeats());
        req.put("seconds_per_method", (double) s.timeLimit().toSeconds() * s.repeats());
        req.put("seconds_per_solve", (double) s.timeLimit().toSeconds());
        req.put("gradient_norm", 2);
        req.put("value_change", 0.0);
        req.put("binary_dir", binary.toString());
        req.put("warm_below", s.warmUp() ? LargeScaleBench.WARM_BELOW_SECONDS : 0.0);
        req.put("once_above", LargeScaleBench.ONCE_ABOVE_SECONDS);
        return req;
    }

    private static LargeScaleBench.Row row(TestProblem t, JsonNode r, double target) {
        String method = r.path("method").asText();
        if (r.path("status").asText().equals("error")) {
            return new LargeScaleBench.Row(t.name(), t.dimension(), "scipy", method, "error", false, 0, 0, 0, Double.NaN, Double.NaN, target,
                    Double.NaN, Double.NaN, 0, Double.NaN, r.path("message").asText());
        }
        Path file = Path.of(r.path("x_file").asText());
        double[] x = LargeScaleBench.readVector(file, t.dimension());
        deleteQuietly(file);
        double[] fg = LargeScaleBench.judge(t, x);
        boolean solved = Double.isFinite(fg[0]) && fg[1] <= target * (1 + LargeScaleBench.JUDGE_SLACK);
        return new LargeScaleBench.Row(t.name(), t.dimension(), "scipy", method, r.path("message").asText(), solved, r.path("nit").asInt(),
                r.path("njev").asLong(), r.path("nhev").asLong(), fg[0], fg[1], target, PythonBridge.number(r.path("seconds")),
                PythonBridge.number(r.path("cpu_seconds")), r.path("times").size(), Double.NaN, "");
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
