package io.fixpoint.bench.ranking;

import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.ComparisonData.Home;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a CSV file hold comparisons, in one of two layouts: counts per pair
 * ({@code wins1}, {@code wins2}: item1's wins over item2 and the reverse) or one row per game
 * ({@code result}: 1 item1 won, 0 it lost, 0.5 a tie). The venue is optional: a {@code home} column
 * (true/false, 1/0, T/F) saying the {@code homeSide} item played at home, or no column and a
 * {@code homeSide} at home in every row. Fields may be double-quoted ("" inside quotes is a quote).
 * Every error is an {@link IllegalArgumentException} naming the file, the row (1-based, header = 1)
 * and the column.
 *
 * @param item1    column of the first item's name
 * @param item2    column of the second item's name
 * @param wins1    column of item1's wins (counts layout), or null
 * @param wins2    column of item2's wins (counts layout), or null
 * @param result   column of the result (games layout), or null
 * @param home     column of the home flag, or null
 * @param homeSide the side the flag marks, or that is at home in every row without a flag column;
 *                 NEUTRAL for no venue
 */
public record ComparisonCsv(String item1, String item2, String wins1, String wins2, String result, String home, Home homeSide) {

    public ComparisonCsv {
        if (item1 == null || item2 == null) {
            throw new IllegalArgumentException("name the columns of both items (item1 and item2)");
        }
        boolean counts = wins1 != null || wins2 != null;
        if (counts && result != null) {
            throw new IllegalArgumentException("give either the wins of both items (counts per pair) or a result column (one row per game), not both");
        }
        if (counts && (wins1 == null || wins2 == null)) {
            throw new IllegalArgumentException("the counts layout needs the wins of both items: wins1 and wins2");
        }
        if (!counts && result == null) {
            throw new IllegalArgumentException("give the wins of both items (counts per pair) or a result column (one row per game)");
        }
        if (homeSide == null || (home != null && homeSide == Home.NEUTRAL)) {
            throw new IllegalArgumentException("a home column needs the side it marks: item1 or item2");
        }
    }

    /** Counts per pair: item1's wins over item2 and item2's over item1. */
    public static ComparisonCsv counts(String item1, String item2, String wins1, String wins2) {
        return new ComparisonCsv(item1, item2, wins1, wins2, null, null, Home.NEUTRAL);
    }

    /** One row per game with a result 1, 0 or 0.5 for item1. */
    public static ComparisonCsv games(String item1, String item2, String result) {
        return new ComparisonCsv(item1, item2, null, null, result, null, Home.NEUTRAL);
    }

    /** With a column saying {@code side} played at home. */
    public ComparisonCsv withHome(String column, Home side) {
        return new ComparisonCsv(item1, item2, wins1, wins2, result, column, side);
    }

    /** With {@code side} at home in every row. */
    public ComparisonCsv withHomeSide(Home side) {
        return new ComparisonCsv(item1, item2, wins1, wins2, result, null, side);
    }

    /** Reads {@code file} with these columns. */
    public ComparisonData read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses CSV {@code text}; {@code source} names it in messages. */
    public ComparisonData parse(String source, String text) {
        List<String> lines = text.lines().toList();
        int headerRow = 0;
        while (headerRow < lines.size() && lines.get(headerRow).isBlank()) {
            headerRow++;
        }
        if (headerRow == lines.size()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        List<String> header = fields(lines.get(headerRow), source, headerRow + 1);
        int c1 = column(header, item1, source);
        int c2 = column(header, item2, source);
        int cw1 = wins1 == null ? -1 : column(header, wins1, source);
        int cw2 = wins2 == null ? -1 : column(header, wins2, source);
        int cr = result == null ? -1 : column(header, result, source);
        int ch = home == null ? -1 : column(header, home, source);
        ComparisonData.Builder b = ComparisonData.builder();
        int rows = 0;
        for (int i = headerRow + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int row = i + 1;
            List<String> f = fields(lines.get(i), source, row);
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(source + ": row " + row + " has " + f.size() + " fields but the header has " + header.size());
            }
            Home venue = ch < 0 ? homeSide : flag(f.get(ch), source, row, home) ? homeSide : Home.NEUTRAL;
            try {
                if (cr >= 0) {
                    b.game(f.get(c1), f.get(c2), number(f.get(cr), source, row, result), venue);
                } else {
                    b.counts(f.get(c1), f.get(c2), number(f.get(cw1), source, row, wins1), number(f.get(cw2), source, row, wins2), 0, venue);
                }
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith(source)) {
                    throw e;
                }
                throw new IllegalArgumentException(source + ": row " + row + ": " + e.getMessage());
            }
            rows++;
        }
        if (rows == 0) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        return b.build();
    }

    private static int column(List<String> header, String name, String source) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + " (columns: " + String.join(", ", header) + ")");
        }
        return c;
    }

    private static double number(String cell, String source, int row, String column) {
        String where = source + ": row " + row + ", column '" + column + "'";
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing value");
        }
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": '" + cell + "' is not a finite number");
    }

    private static boolean flag(String cell, String source, int row, String column) {
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes":
                return true;
            case "false", "f", "0", "no":
                return false;
            default:
                throw new IllegalArgumentException(source + ": row " + row + ", column '" + column + "': '" + cell
                        + "' is not a home flag (true/false, 1/0)");
        }
    }

    /** The fields of one line, unquoted and stripped. */
    static List<String> fields(String line, String source, int row) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (quoted) {
                if (ch == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    field.append('"');
                    k++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ": row " + row + " has an unclosed quote");
        }
        out.add(field.toString().strip());
        return out;
    }
}
