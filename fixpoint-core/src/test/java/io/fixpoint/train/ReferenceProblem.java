package io.fixpoint.train;

import io.fixpoint.model.Activation;
import io.fixpoint.model.Dataset;
import io.fixpoint.model.Mlp;
import io.fixpoint.problem.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem the reference trajectories are computed on, in a plain text format both this test and the
 * Python scripts in {@code src/test/python} read: one record per line, a key and its values separated by
 * spaces. {@link #main} writes the inputs (Iris, standardised; an MLP 4→16→3 with tanh; its initial
 * weights; the minibatch order); the scripts append one {@code run} line and one {@code loss} line per
 * optimiser.
 */
final class ReferenceProblem {
    final int features;
    final int[] hidden;
    final Activation activation;
    final int batchSize;
    final long seed;
    final int steps;
    final double[] x;
    final int[] y;
    final double[] w0;
    final int[][] batches;
    /** Optimiser runs: settings (name=value) and the loss of every step. */
    final List<Map<String, String>> runs = new ArrayList<>();
    final List<double[]> losses = new ArrayList<>();

    private ReferenceProblem(Map<String, String[]> fields, List<String[]> batchLines, List<String[]> runLines, List<String[]> lossLines) {
        features = Integer.parseInt(fields.get("features")[0]);
        hidden = Arrays.stream(fields.get("hidden")).mapToInt(Integer::parseInt).toArray();
        activation = Activation.of(fields.get("activation")[0]);
        batchSize = Integer.parseInt(fields.get("batch")[0]);
        seed = Long.parseLong(fields.get("seed")[0]);
        steps = Integer.parseInt(fields.get("steps")[0]);
        x = Arrays.stream(fields.get("x")).mapToDouble(Double::parseDouble).toArray();
        y = Arrays.stream(fields.get("y")).mapToInt(Integer::parseInt).toArray();
        w0 = Arrays.stream(fields.get("w0")).mapToDouble(Double::parseDouble).toArray();
        batches = batchLines.stream().map(b -> Arrays.stream(b).mapToInt(Integer::parseInt).toArray()).toArray(int[][]::new);
        for (String[] r : runLines) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("optimizer", r[0]);
            for (int i = 1; i < r.length; i++) {
                String[] kv = r[i].split("=", 2);
                m.put(kv[0], kv[1]);
            }
            runs.add(m);
        }
        for (String[] l : lossLines) {
            losses.add(Arrays.stream(l).mapToDouble(Double::parseDouble).toArray());
        }
    }

    static ReferenceProblem read(String resource) throws IOException {
        try (InputStream in = ReferenceProblem.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Map<String, String[]> fields = new LinkedHashMap<>();
            List<String[]> batchLines = new ArrayList<>();
            List<String[]> runLines = new ArrayList<>();
            List<String[]> lossLines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                String[] values = Arrays.copyOfRange(parts, 1, parts.length);
                switch (parts[0]) {
                    case "batch-indices" -> batchLines.add(values);
                    case "run" -> runLines.add(values);
                    case "loss" -> lossLines.add(values);
                    default -> fields.put(parts[0], values);
                }
            }
            return new ReferenceProblem(fields, batchLines, runLines, lossLines);
        }
    }

    Mlp model() {
        return Mlp.classifier(Dataset.classification("iris", x, features, y), hidden, activation, 0);
    }

    /**
     * Writes the inputs: {@code main(irisCsv, output)}. Iris from the repository's copy, every row,
     * standardised; MLP 4→16→3 (tanh); 200 steps of batches of 16, seed 7.
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int rows = lines.size() - 1;
        double[] x = new double[rows * 4];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = Double.parseDouble(f[j]);
            }
            y[i] = Integer.parseInt(f[4].trim());
        }
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            for (int i = 0; i < rows; i++) {
                mean += x[i * 4 + j] / rows;
            }
            double var = 0;
            for (int i = 0; i < rows; i++) {
                var += (x[i * 4 + j] - mean) * (x[i * 4 + j] - mean) / rows;
            }
            for (int i = 0; i < rows; i++) {
                x[i * 4 + j] = (x[i * 4 + j] - mean) / Math.sqrt(var);
            }
        }
        long seed = 7;
        int steps = 200;
        int batch = 16;
        Mlp f = Mlp.classifier(Dataset.classification("iris", x, 4, y), new int[] {16}, Activation.TANH, 0);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("# Iris (standardised), MLP 4-16-3 tanh, softmax cross-entropy; made by ReferenceProblem.main");
            out.println("features 4");
            out.println("hidden 16");
            out.println("activation tanh");
            out.println("batch " + batch);
            out.println("seed " + seed);
            out.println("steps " + steps);
            out.println("x " + join(x));
            out.println("y " + String.join(" ", Arrays.stream(y).mapToObj(Integer::toString).toList()));
            out.println("w0 " + join(f.initialParameters(seed)));
            for (var t : f.layout().tensors()) {
                out.println("tensor " + t.name() + " " + t.role() + " " + t.offset() + " " + t.rows() + " " + t.cols() + " " + t.matrix());
            }
            ShuffledBatches sampler = new ShuffledBatches(rows, batch, seed);
            Batch b = Batch.withCapacity(batch);
            for (int k = 0; k < steps; k++) {
                sampler.next(b);
                StringBuilder s = new StringBuilder("batch-indices");
                for (int i = 0; i < b.size(); i++) {
                    s.append(' ').append(b.index(i));
                }
                out.println(s);
            }
        }
    }

    private static String join(double[] v) {
        StringBuilder s = new StringBuilder();
        for (double d : v) {
            s.append(s.length() == 0 ? "" : " ").append(d);
        }
        return s.toString();
    }
}
