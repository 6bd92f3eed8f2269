package io.fixpoint.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The LIBSVM text format: one example per line, {@code label index:value index:value ...} with 1-based,
 * strictly increasing indices; blank lines and {@code #} comments are skipped. Rows become sparse
 * {@link LabeledRow}s with 0-based indices. A malformed line is reported with its number and text.
 */
public final class LibSvm {
    private LibSvm() {
    }

    /** Rows read from a file and the number of features (the largest index seen). */
    public record Data(List<LabeledRow> rows, int features) {
    }

    public static Data read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** The rows of the LIBSVM text {@code in}, named {@code source} in errors. */
    public static Data read(BufferedReader in, String source) throws IOException {
        List<LabeledRow> rows = new ArrayList<>();
        int features = 0;
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            LabeledRow r = parse(line, number);
            if (r != null) {
                rows.add(r);
                features = Math.max(features, r.width());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no examples");
        }
        return new Data(rows, features);
    }

    /** The example on line {@code number}, or null for a blank or comment line. */
    public static LabeledRow parse(String line, long number) {
        int hash = line.indexOf('#');
        String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
        if (body.isEmpty()) {
            return null;
        }
        String[] tokens = body.split("\\s+");
        double label = number(tokens[0], "label", line, number);
        int[] indices = new int[tokens.length - 1];
        double[] values = new double[tokens.length - 1];
        for (int k = 1; k < tokens.length; k++) {
            String t = tokens[k];
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw bad(line, number, "'" + t + "' is not index:value");
            }
            int index;
            try {
                index = Integer.parseInt(t.substring(0, colon));
            } catch (NumberFormatException e) {
                throw bad(line, number, "index '" + t.substring(0, colon) + "' is not an integer");
            }
            if (index < 1) {
                throw bad(line, number, "index " + index + " is not ≥ 1 (indices are 1-based)");
            }
            if (k > 1 && index <= indices[k - 2] + 1) {
                throw bad(line, number, "index " + index + " does not increase after " + (indices[k - 2] + 1));
            }
            indices[k - 1] = index - 1;
            values[k - 1] = number(t.substring(colon + 1), "value of index " + index, line, number);
        }
        return LabeledRow.sparse(label, indices, values);
    }

    private static double number(String s, String what, String line, long number) {
        double x;
        try {
            x = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(line, number, what + " '" + s + "' is not a number");
        }
        if (!Double.isFinite(x)) {
            throw bad(line, number, what + " is " + s);
        }
        return x;
    }

    private static IllegalArgumentException bad(String line, long number, String what) {
        String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        return new IllegalArgumentException("LIBSVM line " + number + ": " + what + ": " + shown);
    }
}
