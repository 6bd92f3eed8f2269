package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plan and cost frozen from POT by scripts/pot-fixtures.py: two point clouds, their weights, ε and POT's answer. */
record PotFixture(String name, int n, int m, double reg, boolean converged, double potError, double cost, double[][] source,
        double[][] target, double[] a, double[] b, double[] plan) {

    static final List<String> NAMES = List.of("uniform-5x7-reg1", "uniform-20x20-reg0.1", "random-30x25-reg0.05",
            "uniform-50x50-reg0.02", "random-40x40-reg0.005", "random-64x64-reg0.01", "zero-12x9-reg0.1", "uniform-30x30-reg0.003");

    static PotFixture load(String name) {
        Map<String, String> fields = new HashMap<>();
        try (InputStream in = PotFixture.class.getResourceAsStream("pot-" + name + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    int space = line.indexOf(' ');
                    fields.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int[] shape = Arrays.stream(fields.get("shape").split(" ")).mapToInt(Integer::parseInt).toArray();
        return new PotFixture(name, shape[0], shape[1], Double.parseDouble(fields.get("reg")), fields.get("converged").equals("1"),
                Double.parseDouble(fields.get("potError")), Double.parseDouble(fields.get("cost")), points(fields.get("source"), shape[0]),
                points(fields.get("target"), shape[1]), numbers(fields.get("a")), numbers(fields.get("b")), numbers(fields.get("plan")));
    }

    TransportProblem problem() {
        return TransportProblem.ofPoints(source, a, target, b, reg);
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[][] points(String s, int count) {
        double[] flat = numbers(s);
        int dim = flat.length / count;
        double[][] p = new double[count][];
        for (int i = 0; i < count; i++) {
            p[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
        }
        return p;
    }
}
