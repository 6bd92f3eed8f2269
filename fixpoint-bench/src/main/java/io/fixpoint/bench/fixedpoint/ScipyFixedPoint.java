package io.fixpoint.bench.fixedpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.peer.PythonBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SciPy side of the fixed-point bench ({@code scipy_fixed_point.py} through the
 * {@link PythonBridge}) on the same systems and maps. When python3 or SciPy is missing the peer is
 * simply unavailable, with the reason.
 */
public final class ScipyFixedPoint {
    /**
     * One SciPy solve.
     *
     * @param success SciPy's own success flag
     */
    public record Result(String kind, String name, String method, double[] x, double fnorm, long nfev, long njev, boolean success,
            double seconds) {
    }

    /** The value SciPy's definition gives at SciPy's start point, for checking that both sides solve the same problem. */
    public record StartValue(double[] start, double[] value) {
    }

    private final Map<String, StartValue> startValues = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();

    private ScipyFixedPoint() {
    }

    public List<Result> results() {
        return results;
    }

    /** Start point and F(x₀) or T(x₀) as SciPy computed them, keyed by "kind:name". */
    public Map<String, StartValue> startValues() {
        return startValues;
    }

    /**
     * Runs the peer on the named systems and maps (name → dimension).
     *
     * @return the peer's answers, or throws {@link Unavailable} saying why it could not run
     */
    public static ScipyFixedPoint run(Map<String, Integer> systems, Map<String, Integer> maps, int repeats) throws Unavailable {
        return run(systems, maps, repeats, List.of("hybr", "broyden1", "anderson", "krylov"));
    }

    /** As {@link #run(Map, Map, int)} with only the named root methods. */
    public static ScipyFixedPoint run(Map<String, Integer> systems, Map<String, Integer> maps, int repeats, List<String> rootMethods)
            throws Unavailable {
        PythonBridge python = PythonBridge.python3();
        Optional<String> missing = python.unavailable("numpy", "scipy");
        if (missing.isPresent()) {
            throw new Unavailable(missing.get());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("systems", entries(systems));
        request.put("maps", entries(maps));
        request.put("repeats", repeats);
        request.put("methods", rootMethods);
        ScipyFixedPoint peer = new ScipyFixedPoint();
        PythonBridge.Exit exit = python.run("scipy_fixed_point.py", request, Duration.ofMinutes(10), peer::add);
        if (!exit.ok()) {
            throw new Unavailable("the SciPy run failed (" + exit.describe() + ")");
        }
        return peer;
    }

    private static List<Map<String, Object>> entries(Map<String, Integer> named) {
        List<Map<String, Object>> list = new ArrayList<>();
        named.forEach((name, n) -> list.add(Map.of("name", name, "n", n)));
        return list;
    }

    private void add(JsonNode node) {
        String kind = node.get("kind").asText();
        String name = node.get("name").asText();
        if (!node.has("method")) {
            startValues.put(kind + ":" + name, new StartValue(PythonBridge.numbers(node.get("start")), PythonBridge.numbers(node.get("f0"))));
            return;
        }
        results.add(new Result(kind, name, node.get("method").asText(), PythonBridge.numbers(node.get("x")),
                PythonBridge.number(node.get("fnorm")), node.get("nfev").asLong(), node.get("njev").asLong(), node.get("success").asBoolean(),
                node.get("seconds").asDouble()));
    }

    /** Why the peer could not run. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
