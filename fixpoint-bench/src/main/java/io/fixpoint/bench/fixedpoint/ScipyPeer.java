package io.fixpoint.bench.fixedpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the SciPy side of the bench ({@code peers/scipy_fixed_point.py}, shipped as a resource) in a
 * python3 subprocess on the same systems and maps. When python3 or SciPy is missing the peer is simply
 * unavailable, with the reason.
 */
public final class ScipyPeer {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private ScipyPeer() {
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
    public static ScipyPeer run(Map<String, Integer> systems, Map<String, Integer> maps, int repeats) throws Unavailable {
        return run(systems, maps, repeats, List.of("hybr", "broyden1", "anderson", "krylov"));
    }

    /** As {@link #run(Map, Map, int)} with only the named root methods. */
    public static ScipyPeer run(Map<String, Integer> systems, Map<String, Integer> maps, int repeats, List<String> rootMethods)
            throws Unavailable {
        Path script;
        try (InputStream in = ScipyPeer.class.getResourceAsStream("/peers/scipy_fixed_point.py")) {
            if (in == null) {
                throw new Unavailable("peer script missing from the jar");
            }
            script = Files.createTempFile("fixpoint-scipy", ".py");
            script.toFile().deleteOnExit();
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Unavailable("cannot write the peer script: " + e.getMessage());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("systems", entries(systems));
        request.put("maps", entries(maps));
        request.put("repeats", repeats);
        request.put("methods", rootMethods);
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Unavailable("python3 not found");
        }
        ScipyPeer peer = new ScipyPeer();
        try (OutputStream out = p.getOutputStream()) {
            out.write(JSON.writeValueAsBytes(request));
        } catch (IOException e) {
            p.destroy();
            throw new Unavailable("python3 did not accept the request (is SciPy installed?)");
        }
        try {
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroy();
                throw new Unavailable("python3 with numpy and scipy is not available (peer exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    peer.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new Unavailable("cannot read the peer's answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
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
            startValues.put(kind + ":" + name, new StartValue(doubles(node.get("start")), doubles(node.get("f0"))));
            return;
        }
        results.add(new Result(kind, name, node.get("method").asText(), doubles(node.get("x")), number(node.get("fnorm")),
                node.get("nfev").asLong(), node.get("njev").asLong(), node.get("success").asBoolean(), node.get("seconds").asDouble()));
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().replace("nan", "NaN").replace("inf", "Infinity"));
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }

    /** Why the peer could not run. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
