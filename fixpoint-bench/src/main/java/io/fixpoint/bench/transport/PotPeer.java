package io.fixpoint.bench.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.problem.TransportProblem;
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
 * POT (Python Optimal Transport) on the same cost matrices, through {@code peers/pot_runner.py} (shipped in the jar)
 * in a python3 subprocess: Debian's {@code /usr/bin/python3} when it exists (python3-pot installs there), else the
 * python3 on the path. Unavailable, with the reason and the install command, when POT is missing.
 */
final class PotPeer {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INSTALL = "apt-get install -y python3-pot";

    /** One problem for POT: its name, the data and the methods to run. */
    record Case(String name, TransportProblem problem, List<String> methods, double stopThr, int numItermax) {
    }

    /** One POT solve. */
    record Answer(String name, String method, int iterations, double error, double seconds, double cost, boolean finite,
            List<String> warnings, double[] plan) {
    }

    /** What POT answered, and its version. */
    record Outcome(String version, List<Answer> answers) {
    }

    private PotPeer() {
    }

    static Outcome run(List<Case> cases) throws Unavailable {
        Path script;
        try (InputStream in = PotPeer.class.getResourceAsStream("/io/fixpoint/bench/peer/python/pot_runner.py")) {
            if (in == null) {
                throw new Unavailable("peer script missing from the jar");
            }
            script = Files.createTempFile("fixpoint-pot", ".py");
            script.toFile().deleteOnExit();
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Unavailable("cannot write the peer script: " + e.getMessage());
        }
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p;
        try {
            p = new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Unavailable("python3 not found; POT needs it: " + INSTALL);
        }
        try (OutputStream out = p.getOutputStream()) {
            out.write(JSON.writeValueAsBytes(Map.of("cases", cases.stream().map(PotPeer::request).toList())));
        } catch (IOException e) {
            // The runner exits early when POT is missing; its answer below says so.
        }
        try {
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(30, TimeUnit.MINUTES);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            if (!lines.isEmpty() && lines.get(0).has("error")) {
                throw new Unavailable(lines.get(0).get("error").asText());
            }
            if (!done || p.exitValue() != 0 || lines.isEmpty()) {
                p.destroy();
                throw new Unavailable("the POT runner failed (exit " + (done ? p.exitValue() : "timeout") + "); POT: " + INSTALL);
            }
            List<Answer> answers = new ArrayList<>();
            for (JsonNode n : lines.subList(1, lines.size())) {
                answers.add(new Answer(n.get("name").asText(), n.get("method").asText(), n.get("niter").asInt(), number(n.get("err")),
                        n.get("seconds").asDouble(), number(n.get("cost")), n.get("finite").asBoolean(),
                        JSON.convertValue(n.get("warnings"), JSON.getTypeFactory().constructCollectionType(List.class, String.class)),
                        n.hasNonNull("plan") ? JSON.convertValue(n.get("plan"), double[].class) : null));
            }
            return new Outcome(lines.get(0).get("version").asText(), answers);
        } catch (IOException e) {
            throw new Unavailable("cannot read POT's answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    private static Map<String, Object> request(Case c) {
        TransportProblem p = c.problem();
        double[] cost = new double[p.sources() * p.targets()];
        for (int i = 0; i < p.sources(); i++) {
            for (int j = 0; j < p.targets(); j++) {
                cost[i * p.targets() + j] = p.cost(i, j);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("a", p.sourceWeights());
        m.put("b", p.targetWeights());
        m.put("cost", cost);
        m.put("reg", p.regularization());
        m.put("methods", c.methods());
        m.put("stopThr", c.stopThr());
        m.put("numItermax", c.numItermax());
        m.put("plan", true);
        return m;
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    /** Why POT could not run. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
