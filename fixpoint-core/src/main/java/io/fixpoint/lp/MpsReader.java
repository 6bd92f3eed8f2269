package io.fixpoint.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LinearProgram;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a linear program in MPS format, fixed or free, plain or gzipped (recognised by its magic
 * bytes). Sections: NAME, OBJSENSE (MIN/MAX, on its own line or after the keyword), ROWS, COLUMNS,
 * RHS, RANGES, BOUNDS, ENDATA. Integer markers are ignored and BV is read as the continuous bounds
 * [0, 1]: the relaxation is what a linear-programming solver solves. An RHS on the objective row is
 * the negated objective constant. An UP bound below zero on a variable whose lower bound is still the
 * default 0 makes the lower bound −∞ (the convention of CPLEX, Gurobi and HiGHS).
 *
 * <p>Names are whitespace-separated fields; a data line whose field count fits no reading of the
 * free format is read by the fixed format's columns (2–3, 5–12, 15–22, 25–36, 40–47, 50–61), which
 * allows names with spaces. A malformed file is an {@link InvalidProblemException} whose message
 * starts with the file name and line number.
 */
public final class MpsReader {
    private static final int[][] FIXED_FIELDS = {{1, 3}, {4, 12}, {14, 22}, {24, 36}, {39, 47}, {49, 61}};

    private final String source;
    private int lineNumber;
    private String section = "";
    private String name = "";
    private boolean maximize;
    private String objectiveRow;
    private final Map<String, Integer> rowIndex = new HashMap<>();
    private final List<String> rowNames = new ArrayList<>();
    private final List<Character> rowTypes = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String> columnNames = new ArrayList<>();
    private final Map<String, Integer> freeRows = new HashMap<>();
    private double[] rhs = new double[0];
    private double[] range = new double[0];
    private boolean[] hasRange = new boolean[0];
    private double objectiveConstant;
    private final List<Double> objective = new ArrayList<>();
    private int[] entryRow = new int[1024];
    private int[] entryColumn = new int[1024];
    private double[] entryValue = new double[1024];
    private int entries;
    private int[] lastColumnOfRow = new int[0];
    private double[] lower;
    private double[] upper;
    private boolean[] lowerSet;
    private boolean sawRhs;
    private boolean sawEnd;
    private boolean sawColumns;

    private MpsReader(String source) {
        this.source = source;
    }

    /** Reads {@code path}, gzipped or not. */
    public static MpsModel read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream, gzipped or not; {@code source} names it in error messages. */
    public static MpsModel read(InputStream stream, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        return read(new InputStreamReader(body, StandardCharsets.US_ASCII), source);
    }

    /** Reads MPS text. */
    public static MpsModel read(Reader reader, String source) throws IOException {
        MpsReader r = new MpsReader(source);
        try (BufferedReader br = new BufferedReader(reader, 1 << 16)) {
            String line;
            while ((line = br.readLine()) != null) {
                r.lineNumber++;
                r.line(line);
                if (r.sawEnd) {
                    break;
                }
            }
        }
        return r.finish();
    }

    private InvalidProblemException error(String message) {
        return new InvalidProblemException(source + ":" + lineNumber + ": " + message);
    }

    private void line(String line) {
        if (line.isBlank() || line.charAt(0) == '*') {
            return;
        }
        String[] f = fields(line);
        if (!Character.isWhitespace(line.charAt(0))) {
            header(f);
            return;
        }
        if (section.equals("OBJSENSE")) {
            sense(f[0]);
            return;
        }
        if (section.equals("NAME") || section.equals("OBJNAME")) {
            return;
        }
        if (section.equals("COLUMNS") && f.length >= 3 && f[1].equalsIgnoreCase("'MARKER'")) {
            return;
        }
        String[] fields = plausible(f) ? f : fixedFields(line);
        if (fields == null || !plausible(fields)) {
            fields = f;
        }
        switch (section) {
            case "ROWS" -> row(count(fields, 2, 2));
            case "COLUMNS" -> column(count(fields, 3, 5));
            case "RHS" -> rhsOrRange(count(fields, 2, 5), false);
            case "RANGES" -> rhsOrRange(count(fields, 2, 5), true);
            case "BOUNDS" -> bound(count(fields, 3, 4));
            default -> throw error("data line outside any section: '" + line.trim() + "'");
        }
    }

    private void header(String[] f) {
        String key = f[0].toUpperCase(Locale.ROOT);
        if (section.equals("COLUMNS") && !key.equals("COLUMNS")) {
            sizeColumnArrays();
        }
        switch (key) {
            case "NAME" -> name = f.length > 1 ? f[1] : "";
            case "OBJSENSE" -> {
                if (f.length > 1) {
                    sense(f[1]);
                }
            }
            case "OBJNAME" -> {
            }
            case "ROWS", "RANGES", "BOUNDS" -> {
            }
            case "COLUMNS" -> sawColumns = true;
            case "RHS" -> sawRhs = true;
            case "ENDATA" -> sawEnd = true;
            default -> throw error("unknown section '" + f[0] + "'");
        }
        if ((key.equals("RHS") || key.equals("RANGES") || key.equals("BOUNDS")) && !sawColumns) {
            throw error("section " + key + " before COLUMNS");
        }
        section = key;
    }

    private void sense(String word) {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "MAX", "MAXIMIZE", "MAXIMISE" -> maximize = true;
            case "MIN", "MINIMIZE", "MINIMISE" -> maximize = false;
            default -> throw error("unknown objective sense '" + word + "' (expected MIN or MAX)");
        }
    }

    /** The whitespace-separated fields of a line that is not blank. */
    private static String[] fields(String line) {
        int count = 0;
        int length = line.length();
        for (int k = 0; k < length; k++) {
            if (!Character.isWhitespace(line.charAt(k)) && (k == 0 || Character.isWhitespace(line.charAt(k - 1)))) {
                count++;
            }
        }
        String[] f = new String[count];
        int n = 0;
        int k = 0;
        while (n < count) {
            while (Character.isWhitespace(line.charAt(k))) {
                k++;
            }
            int start = k;
            while (k < length && !Character.isWhitespace(line.charAt(k))) {
                k++;
            }
            f[n++] = line.substring(start, k);
        }
        return f;
    }

    /** The fixed format's fields of a line (columns 2–3, 5–12, 15–22, 25–36, 40–47, 50–61), or null. */
    private static String[] fixedFields(String line) {
        List<String> out = new ArrayList<>();
        for (int[] c : FIXED_FIELDS) {
            if (c[0] < line.length()) {
                out.add(line.substring(c[0], Math.min(c[1], line.length())).trim());
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out.isEmpty() || out.contains("") ? null : out.toArray(new String[0]);
    }

    /** Whether a reading of a data line names known rows and columns and has numbers where numbers go. */
    private boolean plausible(String[] f) {
        switch (section) {
            case "ROWS":
                return f.length == 2 && f[0].length() == 1 && "NELGnelg".contains(f[0]);
            case "COLUMNS":
                return (f.length == 3 || f.length == 5) && isRow(f[1]) && isNumber(f[2]) && (f.length == 3 || isRow(f[3]) && isNumber(f[4]));
            case "RHS", "RANGES": {
                int first = f.length % 2 == 0 ? 0 : 1;
                if (f.length < 2 || f.length > 5) {
                    return false;
                }
                for (int p = first; p + 1 < f.length; p += 2) {
                    if (!isRow(f[p]) || !isNumber(f[p + 1])) {
                        return false;
                    }
                }
                return true;
            }
            case "BOUNDS":
                return (f.length == 3 || f.length == 4) && (columnIndex.containsKey(f[f.length - 1])
                        || columnIndex.containsKey(f[f.length - 2]) && isNumber(f[f.length - 1]));
            default:
                return true;
        }
    }

    private boolean isRow(String name) {
        return rowIndex.containsKey(name) || freeRows.containsKey(name) || name.equals(objectiveRow);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(fortranExponent(s));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String[] count(String[] f, int min, int max) {
        if (f.length < min || f.length > max) {
            throw error("expected " + (min == max ? String.valueOf(min) : min + " to " + max) + " fields, found " + f.length
                    + ": '" + String.join(" ", f) + "'");
        }
        return f;
    }

    private void row(String[] f) {
        String type = f[0].toUpperCase(Locale.ROOT);
        String rowName = f[1];
        if (rowIndex.containsKey(rowName) || freeRows.containsKey(rowName)) {
            throw error("duplicate row name '" + rowName + "'");
        }
        switch (type) {
            case "N" -> {
                if (objectiveRow == null) {
                    objectiveRow = rowName;
                } else {
                    freeRows.put(rowName, freeRows.size());
                }
            }
            case "E", "L", "G" -> {
                rowIndex.put(rowName, rowNames.size());
                rowNames.add(rowName);
                rowTypes.add(type.charAt(0));
            }
            default -> throw error("unknown row type '" + f[0] + "' for row '" + rowName + "' (expected N, E, L or G)");
        }
    }

    private void column(String[] f) {
        if (f.length == 4) {
            throw error("a column line needs a row and a value in each pair: '" + String.join(" ", f) + "'");
        }
        String col = f[0];
        Integer j = columnIndex.get(col);
        if (j == null) {
            j = columnNames.size();
            columnIndex.put(col, j);
            columnNames.add(col);
            objective.add(0.0);
        } else if (j != columnNames.size() - 1) {
            throw error("duplicate column name '" + col + "': its entries must be contiguous");
        }
        for (int p = 1; p + 1 < f.length; p += 2) {
            entry(j, f[p], number(f[p + 1]));
        }
    }

    private void entry(int j, String row, double value) {
        if (row.equals(objectiveRow)) {
            objective.set(j, objective.get(j) + value);
            return;
        }
        if (freeRows.containsKey(row)) {
            return;
        }
        Integer i = rowIndex.get(row);
        if (i == null) {
            throw error("unknown row '" + row + "' in column '" + columnNames.get(j) + "'");
        }
        if (lastColumnOfRow.length < rowNames.size()) {
            lastColumnOfRow = new int[rowNames.size()];
            Arrays.fill(lastColumnOfRow, -1);
        }
        if (lastColumnOfRow[i] == j) {
            throw error("duplicate entry: column '" + columnNames.get(j) + "' names row '" + row + "' twice");
        }
        lastColumnOfRow[i] = j;
        if (entries == entryRow.length) {
            int n = entries * 2;
            entryRow = Arrays.copyOf(entryRow, n);
            entryColumn = Arrays.copyOf(entryColumn, n);
            entryValue = Arrays.copyOf(entryValue, n);
        }
        entryRow[entries] = i;
        entryColumn[entries] = j;
        entryValue[entries] = value;
        entries++;
    }

    private void sizeColumnArrays() {
        int m = rowNames.size();
        if (rhs.length != m) {
            rhs = new double[m];
            range = new double[m];
            hasRange = new boolean[m];
        }
        int n = columnNames.size();
        if (lower == null || lower.length != n) {
            lower = new double[n];
            upper = new double[n];
            lowerSet = new boolean[n];
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
        }
    }

    /** RHS and RANGES lines: [set] row value [row value]; the set name is optional. */
    private void rhsOrRange(String[] f, boolean isRange) {
        sizeColumnArrays();
        int first = f.length % 2 == 0 ? 0 : 1;
        if (f.length - first < 2) {
            throw error("expected a row and a value: '" + String.join(" ", f) + "'");
        }
        for (int p = first; p + 1 < f.length; p += 2) {
            String row = f[p];
            double v = number(f[p + 1]);
            if (row.equals(objectiveRow) && !isRange) {
                objectiveConstant = -v;
                continue;
            }
            if (freeRows.containsKey(row)) {
                continue;
            }
            Integer i = rowIndex.get(row);
            if (i == null) {
                throw error("unknown row '" + row + "' in " + (isRange ? "RANGES" : "RHS"));
            }
            if (isRange) {
                range[i] = v;
                hasRange[i] = true;
            } else {
                rhs[i] = v;
            }
        }
    }

    private void bound(String[] f) {
        sizeColumnArrays();
        String type = f[0].toUpperCase(Locale.ROOT);
        boolean needsValue = switch (type) {
            case "UP", "LO", "FX", "LI", "UI" -> true;
            case "FR", "MI", "PL", "BV" -> false;
            default -> throw error("unknown bound type '" + f[0] + "'");
        };
        // [type, set, column, value] or, without a set name, [type, column, value]; FR/MI/PL/BV may omit the value
        String col;
        String valueField = null;
        if (f.length == 4) {
            col = f[2];
            valueField = f[3];
        } else if (needsValue) {
            col = f[1];
            valueField = f[2];
        } else {
            col = f[2];
        }
        Integer j = columnIndex.get(col);
        if (j == null) {
            throw error("unknown column '" + col + "' in BOUNDS");
        }
        double v = valueField == null ? Double.NaN : number(valueField);
        switch (type) {
            case "UP", "UI" -> {
                upper[j] = v;
                if (v < 0 && lower[j] == 0 && !lowerSet[j]) {
                    lower[j] = Double.NEGATIVE_INFINITY;
                }
            }
            case "LO", "LI" -> {
                lower[j] = v;
                lowerSet[j] = true;
            }
            case "FX" -> {
                lower[j] = v;
                upper[j] = v;
                lowerSet[j] = true;
            }
            case "FR" -> {
                lower[j] = Double.NEGATIVE_INFINITY;
                upper[j] = Double.POSITIVE_INFINITY;
                lowerSet[j] = true;
            }
            case "MI" -> {
                lower[j] = Double.NEGATIVE_INFINITY;
                lowerSet[j] = true;
            }
            case "PL" -> upper[j] = Double.POSITIVE_INFINITY;
            case "BV" -> {
                lower[j] = 0;
                upper[j] = 1;
                lowerSet[j] = true;
            }
            default -> throw new AssertionError(type);
        }
        if (lower[j] > upper[j]) {
            throw error("column '" + col + "' has lower bound " + lower[j] + " above its upper bound " + upper[j]);
        }
    }

    private double number(String s) {
        try {
            double v = Double.parseDouble(fortranExponent(s));
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("'" + s + "' is not a number");
        }
    }

    /** 1.5D+03 as 1.5E+03. */
    private static String fortranExponent(String s) {
        return s.indexOf('d') < 0 && s.indexOf('D') < 0 ? s : s.replace('d', 'e').replace('D', 'E');
    }

    private MpsModel finish() {
        if (!sawEnd) {
            throw error("the file ends without ENDATA (truncated?)");
        }
        if (objectiveRow == null) {
            throw error("no objective row: the ROWS section has no N row");
        }
        if (!sawColumns) {
            throw error("missing COLUMNS section");
        }
        if (!sawRhs) {
            throw error("missing RHS section");
        }
        sizeColumnArrays();
        int m = rowNames.size();
        int n = columnNames.size();
        double[] rowLower = new double[m];
        double[] rowUpper = new double[m];
        for (int i = 0; i < m; i++) {
            double b = rhs[i];
            double r = Math.abs(range[i]);
            switch (rowTypes.get(i)) {
                case 'E' -> {
                    rowLower[i] = hasRange[i] && range[i] < 0 ? b - r : b;
                    rowUpper[i] = hasRange[i] && range[i] > 0 ? b + r : b;
                }
                case 'L' -> {
                    rowLower[i] = hasRange[i] ? b - r : Double.NEGATIVE_INFINITY;
                    rowUpper[i] = b;
                }
                default -> {
                    rowLower[i] = b;
                    rowUpper[i] = hasRange[i] ? b + r : Double.POSITIVE_INFINITY;
                }
            }
        }
        double sign = maximize ? -1 : 1;
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = sign * objective.get(j);
        }
        SparseMatrix a = SparseMatrix.fromTriplets(m, n, entryRow, entryColumn, entryValue, entries);
        LinearProgram lp = LinearProgram.of(a, c, sign * objectiveConstant, lower, upper, rowLower, rowUpper);
        return new MpsModel(name, lp, maximize, List.copyOf(rowNames), List.copyOf(columnNames));
    }
}
