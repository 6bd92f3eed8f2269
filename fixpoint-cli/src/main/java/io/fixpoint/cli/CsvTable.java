package io.fixpoint.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A numeric CSV table with a header row: UTF-8 text (a byte-order mark is skipped), comma-separated,
 * optional double quotes around fields, blank lines skipped. Every error names the file, the row
 * (1-based, header = row 1) and the column. Rows are parsed straight into columns, so a file of
 * millions of rows costs little more than its numbers.
 */
final class CsvTable {
    /** How much of the file is searched for NUL bytes, the mark of a binary file. */
    private static final int SNIFF = 8192;

    private final String source;
    private final Map<String, double[]> columns;

    private CsvTable(String source, Map<String, double[]> columns) {
        this.source = source;
        this.columns = columns;
    }

    static CsvTable read(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF);
            for (int i = 0; i < head.length; i++) {
                if (head[i] == 0) {
                    throw new UserError(source + " is a binary file (it has a NUL byte at offset " + i + "), not CSV text");
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + source + ": " + e.getMessage());
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16)) {
            return parse(source, r);
        } catch (CharacterCodingException e) {
            throw new UserError(notUtf8(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + source + ": " + e.getMessage());
        }
    }

    /** Where a file stops being UTF-8, and what to do about it. */
    private static String notUtf8(Path file) {
        String where = "";
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true).isError()) {
                int at = in.position(); // the decoder stops at the first malformed sequence
                int line = 1;
                for (int i = 0; i < at; i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                where = String.format(Locale.ROOT, ": byte 0x%02X on line %d (offset %d) is not valid UTF-8", bytes[at] & 0xff, line, at);
            }
        } catch (IOException e) {
            // the position is a courtesy; the message stands without it
        }
        return file + " is not UTF-8 text" + where + "; save it as UTF-8 (in Excel: 'CSV UTF-8')";
    }

    private static CsvTable parse(String source, BufferedReader in) throws IOException {
        String line;
        int row = 0;
        do {
            line = in.readLine();
            row++;
            if (line == null) {
                throw new UserError(source + " is empty");
            }
            if (row == 1 && line.startsWith("\ufeff")) {
                line = line.substring(1); // the byte-order mark Excel writes: not part of the first name
            }
        } while (line.isBlank());
        List<String> header = fields(line);
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new UserError(source + ": row " + row + ": column " + (c + 1) + " has no name");
            }
            if (header.indexOf(header.get(c)) != c) {
                throw new UserError(source + ": row " + row + ": column name '" + header.get(c) + "' appears twice");
            }
        }
        int width = header.size();
        double[][] cols = new double[width][1024];
        int n = 0;
        while ((line = in.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            if (n == cols[0].length) {
                for (int c = 0; c < width; c++) {
                    cols[c] = Arrays.copyOf(cols[c], 2 * n);
                }
            }
            for (int c = 0; c < width; c++) {
                String cell = c < f.size() ? f.get(c) : "";
                if (cell.isEmpty()) {
                    throw new UserError(where(source, row, header.get(c)) + ": missing value");
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new UserError(where(source, row, header.get(c)) + ": '" + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new UserError(where(source, row, header.get(c)) + ": '" + cell + "' is not a finite number");
                }
                cols[c][n] = v;
            }
            if (f.size() > width) {
                throw new UserError(source + ": row " + row + " has " + f.size() + " fields but the header has " + width);
            }
            n++;
        }
        if (n == 0) {
            throw new UserError(source + " has a header but no data rows");
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            columns.put(header.get(c), Arrays.copyOf(cols[c], n));
        }
        return new CsvTable(source, columns);
    }

    private static String where(String source, int row, String column) {
        return source + ": row " + row + ", column '" + column + "'";
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
