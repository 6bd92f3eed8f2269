package io.fixpoint.bench.train;

import io.fixpoint.model.Corpus;
import io.fixpoint.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The training data that ships with Fixpoint ({@code ml-data/} on the class path; provenance in its
 * README): four labelled tables and a text corpus.
 */
public final class BuiltinData {
    /** The labelled tables. */
    public static final List<String> TABLES = List.of("digits", "iris", "wine", "breast-cancer");
    /** The text corpora. */
    public static final List<String> CORPORA = List.of("abstracts");

    private BuiltinData() {
    }

    public static boolean isBuiltin(String name) {
        return TABLES.contains(name) || CORPORA.contains(name);
    }

    /** Every built-in name. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(TABLES);
        all.addAll(CORPORA);
        return all;
    }

    /** A labelled table by name. */
    public static Dataset table(String name) {
        return switch (name) {
            case "digits" -> parse(name, read("digits.csv.gz", true), false);
            case "iris" -> parse(name, read("iris.csv", false), true);
            case "wine" -> parse(name, read("wine_data.csv", false), true);
            case "breast-cancer" -> parse(name, read("breast_cancer.csv", false), true);
            default -> throw new IllegalArgumentException("no built-in table '" + name + "'; expected one of " + String.join(", ", TABLES));
        };
    }

    /** A corpus by name. */
    public static Corpus corpus(String name) {
        if (!CORPORA.contains(name)) {
            throw new IllegalArgumentException("no built-in corpus '" + name + "'; expected one of " + String.join(", ", CORPORA));
        }
        return Corpus.of(name, read("abstracts.txt", false));
    }

    /** Rows of comma-separated features followed by an integer label; the first line is skipped when {@code header}. */
    private static Dataset parse(String name, String text, boolean header) {
        String[] lines = text.split("\n");
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = header ? 1 : 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].trim().split(",");
            double[] row = new double[f.length - 1];
            for (int j = 0; j < row.length; j++) {
                row[j] = Double.parseDouble(f[j]);
            }
            rows.add(row);
            labels.add((int) Double.parseDouble(f[f.length - 1]));
        }
        int d = rows.get(0).length;
        double[] x = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
        }
        return Dataset.classification(name, x, d, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String read(String file, boolean gzip) {
        try (InputStream raw = BuiltinData.class.getResourceAsStream("/ml-data/" + file)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource ml-data/" + file);
            }
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ml-data/" + file, e);
        }
    }
}
