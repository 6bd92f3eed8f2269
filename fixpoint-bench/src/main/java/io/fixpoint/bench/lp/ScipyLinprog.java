package io.fixpoint.bench.lp;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.LinearProgram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SciPy's {@code linprog(method="highs")} as a peer, through {@link PythonBridge} and
 * {@code peers/scipy_linprog.py}: every program is sent as triplets and bounds (an infinite bound as
 * null), and each answer comes back as an {@link LpRun} named {@value LpBench#SCIPY}.
 */
final class ScipyLinprog {
    static final String SCRIPT = "scipy_linprog.py";

    private ScipyLinprog() {
    }

    /**
     * Solves {@code models} within {@code seconds} each and hands each run to {@code add} as it arrives.
     *
     * @return why the peer did not run, or empty when it did (a program it did not answer comes back as an ERROR run)
     */
    static Optional<String> run(List<String> models, double seconds, Consumer<List<LpRun>> add) {
        PythonBridge python = PythonBridge.python3();
        Optional<String> missing = python.unavailable("numpy", "scipy");
        if (missing.isPresent()) {
            return missing;
        }
        List<Map<String, Object>> programs = new ArrayList<>();
        Map<String, LinearProgram> byName = new HashMap<>();
        for (String model : models) {
            LinearProgram lp = LpRunner.load(model);
            byName.put(LpRunner.name(model), lp);
            programs.add(program(LpRunner.name(model), lp));
        }
        Map<String, Object> request = Map.of("timeLimit", seconds, "programs", programs);
        List<String> answered = new ArrayList<>();
        Duration limit = Duration.ofSeconds((long) Math.ceil(models.size() * (seconds + 5) + 30));
        PythonBridge.Exit exit = python.run(SCRIPT, request, limit, line -> {
            String name = line.get("name").asText();
            LinearProgram lp = byName.get(name);
            answered.add(name);
            add.accept(List.of(new LpRun(name, LpBench.SCIPY, line.get("status").asText(), PythonBridge.number(line.get("objective")),
                    PythonBridge.number(line.get("seconds")), iterations(line), -1, Double.NaN, -1, Double.NaN, Double.NaN, lp.dimension(),
                    lp.matrix().nonZeros(), null)));
        });
        for (String model : models) {
            String name = LpRunner.name(model);
            if (!answered.contains(name)) {
                LinearProgram lp = byName.get(name);
                add.accept(List.of(new LpRun(name, LpBench.SCIPY, ChildRuns.ERROR + "no answer (" + exit.describe() + ")", Double.NaN, Double.NaN,
                        -1, -1, Double.NaN, -1, Double.NaN, Double.NaN, lp.dimension(), lp.matrix().nonZeros(), null)));
            }
        }
        return Optional.empty();
    }

    private static long iterations(JsonNode line) {
        JsonNode n = line.get("iterations");
        return n == null || !n.isNumber() ? -1 : n.asLong();
    }

    /** The request's form of a program: data, bounds with null for an infinite one, A as triplets. */
    static Map<String, Object> program(String name, LinearProgram lp) {
        SparseMatrix a = lp.matrix();
        int nnz = a.nonZeros();
        int[] rows = new int[nnz];
        int[] cols = new int[nnz];
        double[] vals = new double[nnz];
        int k = 0;
        for (int i = 0; i < lp.constraints(); i++) {
            for (int p = a.rowStart()[i]; p < a.rowStart()[i + 1]; p++) {
                rows[k] = i;
                cols[k] = a.rowColumn()[p];
                vals[k++] = a.rowValue()[p];
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("m", lp.constraints());
        m.put("n", lp.dimension());
        m.put("c", lp.objective());
        m.put("offset", lp.objectiveOffset());
        m.put("lower", finiteOrNull(lp.variableLower()));
        m.put("upper", finiteOrNull(lp.variableUpper()));
        m.put("rowLower", finiteOrNull(lp.constraintLower()));
        m.put("rowUpper", finiteOrNull(lp.constraintUpper()));
        m.put("rows", rows);
        m.put("cols", cols);
        m.put("vals", vals);
        return m;
    }

    private static List<Double> finiteOrNull(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(Double.isInfinite(d) ? null : d);
        }
        return out;
    }
}
