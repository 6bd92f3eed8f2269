package io.fixpoint.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Comma-separated examples: a header row of column names, then one example per line, the column
 * named {@code label} its label and every other column a feature, in the header's order. Every cell
 * must be a finite number; blank lines are skipped. Rows become dense {@link LabeledRow}s. A malformed
 * row or cell is reported with its line, and the cell's column by number and name.
 */
public final class Csv {
    private Csv() {
    }

    public static LibSvm.Data read(Path file, String label) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new IllegalArgumentException(file + ": no header row (CSV needs column names on its first line)");
            }
            List<String> header = Arrays.stream(first.split(",", -1)).map(Csv::name).toList();
            int labelColumn = header.indexOf(label);
            if (labelColumn < 0) {
                throw new IllegalArgumentException(file + ": no column '" + label + "' in the header (" + String.join(", ", header)
                        + "); name the label column with --label");
            }
            int d = header.size() - 1;
            if (d < 1) {
                throw new IllegalArgumentException(file + ": the header has the label column only; a model needs at least one feature");
            }
            List<LabeledRow> rows = new ArrayList<>();
            long number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException("CSV line " + number + ": " + cells.length + " cells, the header has " + header.size());
                }
                double y = 0;
                double[] x = new double[d];
                for (int c = 0, j = 0; c < cells.length; c++) {
                    double v = number(cells[c], number, c, header.get(c));
                    if (c == labelColumn) {
                        y = v;
                    } else {
                        x[j++] = v;
                    }
                }
                rows.add(LabeledRow.dense(y, x));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ": no examples after the header");
            }
            return new LibSvm.Data(rows, d);
        }
    }

    /** A header cell without surrounding blanks and double quotes. */
    private static String name(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static double number(String cell, long line, int column, String name) {
        String s = cell.strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CSV line " + line + ", column " + (column + 1) + " ('" + name + "'): "
                    + (s.isEmpty() ? "empty cell" : "'" + abbreviated(s) + "' is not a number"));
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("CSV line " + line + ", column " + (column + 1) + " ('" + name + "'): " + s + " is not finite");
        }
        return v;
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
