package io.fixpoint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric CSV table with a header row: comma-separated, optional double quotes around fields,
 * blank lines skipped. Every error names the file, the row (1-based, header = row 1) and the column.
 */
final class CsvTable {
    private final String source;
    private final Map<String, double[]> columns;

    private CsvTable(String source, Map<String, double[]> columns) {
        this.source = source;
        this.columns = columns;
    }

    static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static CsvTable parse(String source, List<String> lines) {
        int headerRow = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                headerRow = i;
                break;
            }
        }
        if (headerRow < 0) {
            throw new UserError(source + " is empty");
        }
        List<String> header = fields(lines.get(headerRow));
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new UserError(source + ": row " + (headerRow + 1) + ": column " + (c + 1) + " has no name");
            }
            if (header.indexOf(header.get(c)) != c) {
                throw new UserError(source + ": row " + (headerRow + 1) + ": column name '" + header.get(c) + "' appears twice");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = headerRow + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            double[] row = new double[header.size()];
            for (int c = 0; c < header.size(); c++) {
                String cell = c < f.size() ? f.get(c) : "";
                String where = source + ": row " + (i + 1) + ", column '" + header.get(c) + "'";
                if (cell.isEmpty()) {
                    throw new UserError(where + ": missing value");
                }
                try {
                    row[c] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new UserError(where + ": '" + cell + "' is not a number");
                }
                if (!Double.isFinite(row[c])) {
                    throw new UserError(where + ": '" + cell + "' is not a finite number");
                }
            }
            if (f.size() > header.size()) {
                throw new UserError(source + ": row " + (i + 1) + " has " + f.size() + " fields but the header has " + header.size());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new UserError(source + " has a header but no data rows");
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            double[] col = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                col[r] = rows.get(r)[c];
            }
            cols.put(header.get(c), col);
        }
        return new CsvTable(source, cols);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            String t = f.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            out.add(t);
        }
        return out;
    }

    List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** The column, or a user error listing the columns there are. */
    double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new UserError("no column '" + name + "' in " + source + " (columns: " + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }
}
