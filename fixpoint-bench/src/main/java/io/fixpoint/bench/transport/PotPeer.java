package io.fixpoint.bench.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.problem.TransportProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POT (Python Optimal Transport) on the same cost matrices, through {@code pot_runner.py} and the {@link PythonBridge}:
 * on the bridge's interpreter when it has POT, else on Debian's {@code /usr/bin/python3} (where python3-pot installs).
 * Unavailable, with the reason and the install command, when neither has it.
 */
final class PotPeer {
    static final String INSTALL = "apt-get install -y python3-pot (POT for /usr/bin/python3; FIXPOINT_PYTHON names another interpreter)";

    /** One problem for POT: its name, the data, the methods to run and POT's own stopping rule. */
    record Case(String name, TransportProblem problem, List<String> methods, double stopThr, int numItermax) {
    }

    /**
     * One POT solve: its iterations, its own error measure (the 2-norm of the target marginal's error, which it stops on),
     * the wall time of {@code ot.sinkhorn} alone, whether the plan is finite, POT's warnings, and the plan (null when not finite).
     */
    record Answer(String name, String method, int iterations, double error, double seconds, boolean finite, List<String> warnings,
            double[] plan) {
    }

    /** What POT answered, and its version. */
    record Outcome(String version, List<Answer> answers) {
    }

    private PotPeer() {
    }

    static Outcome run(List<Case> cases, Duration limit) throws Unavailable {
        PythonBridge python = PythonBridge.importing("numpy", "ot");
        Optional<String> missing = python.unavailable("numpy", "ot");
        if (missing.isPresent()) {
            throw new Unavailable(missing.get() + "; install POT with " + INSTALL);
        }
        List<Answer> answers = new ArrayList<>();
        String[] version = {null};
        PythonBridge.Exit exit = python.run("pot_runner.py", Map.of("cases", cases.stream().map(PotPeer::request).toList()), limit, n -> {
            if (n.has("version")) {
                version[0] = n.get("version").asText();
            } else {
                answers.add(answer(n));
            }
        });
        if (!exit.ok() || version[0] == null) {
            throw new Unavailable("the POT run failed (" + exit.describe() + ")");
        }
        return new Outcome(version[0], answers);
    }

    private static Answer answer(JsonNode n) {
        List<String> warnings = new ArrayList<>();
        n.get("warnings").forEach(w -> warnings.add(w.asText()));
        return new Answer(n.get("name").asText(), n.get("method").asText(), n.get("niter").asInt(), PythonBridge.number(n.get("err")),
                n.get("seconds").asDouble(), n.get("finite").asBoolean(), warnings, PythonBridge.numbers(n.get("plan")));
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

    /** Why POT could not run. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
