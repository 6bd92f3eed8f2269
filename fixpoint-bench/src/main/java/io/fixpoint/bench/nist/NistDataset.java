package io.fixpoint.bench.nist;

import io.fixpoint.expr.Expression;
import io.fixpoint.leastsquares.CurveFit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NIST StRD nonlinear regression dataset read from its {@code .dat} file: the model (converted from
 * NIST's notation, {@code **}, square brackets, {@code arctan}, to the expression language), the two
 * starting vectors, the certified values with their standard deviations, the certified residual sum
 * of squares and the data.
 *
 * @param name          the dataset name (e.g. Misra1a)
 * @param model         the model, as an expression of the parameters and {@code x}
 * @param parameters    parameter names b1, b2, ...
 * @param start1        the first starting vector
 * @param start2        the second starting vector
 * @param certified     certified parameter values
 * @param certifiedSd   certified standard deviations of the parameters
 * @param certifiedRss  certified residual sum of squares
 * @param x             the predictor
 * @param y             the response
 */
public record NistDataset(String name, Expression model, List<String> parameters, double[] start1, double[] start2,
        double[] certified, double[] certifiedSd, double certifiedRss, double[] x, double[] y) {

    /** The datasets shipped in the resources, in alphabetical order. */
    public static final List<String> BUILT_IN = List.of("BoxBOD", "Chwirut2", "DanWood", "ENSO", "Gauss1", "Gauss3", "Hahn1",
            "Kirby2", "Lanczos1", "Lanczos3", "MGH10", "MGH17", "Misra1a", "Misra1b", "Misra1c", "Misra1d", "Rat42", "Roszman1");

    private static final String NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern PARAM = Pattern.compile("^\\s*(b\\d+)\\s*=\\s*" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s*$");
    private static final Pattern RSS = Pattern.compile("^\\s*Residual Sum of Squares:\\s*" + NUM + "\\s*$");
    private static final Pattern OBS = Pattern.compile("^\\s*Number of Observations:\\s*(\\d+)\\s*$");
    private static final Pattern DATA_HEADER = Pattern.compile("^\\s*Data:\\s+(\\w+)\\s+(\\w+)\\s*$");
    private static final Pattern MODEL_START = Pattern.compile("^\\s*y\\s*=(.*)$");
    private static final Pattern MODEL_END = Pattern.compile("^(.*)\\+\\s*e\\s*$");

    /** The fitting problem: residuals model(x; b) − y. */
    public CurveFit problem() {
        return CurveFit.of(model, parameters, "x", x, y);
    }

    public double[] start(int which) {
        return switch (which) {
            case 1 -> start1.clone();
            case 2 -> start2.clone();
            default -> throw new IllegalArgumentException("NIST datasets have starting vectors 1 and 2, not " + which);
        };
    }

    /** Reads a built-in dataset by name (case-insensitive). */
    public static NistDataset builtIn(String name) {
        String match = BUILT_IN.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in NIST dataset '" + name + "' (known: " + String.join(", ", BUILT_IN) + ")"));
        try (InputStream in = NistDataset.class.getResourceAsStream("/nist-strd/" + match + ".dat")) {
            if (in == null) {
                throw new IllegalStateException("resource /nist-strd/" + match + ".dat is missing");
            }
            return parse(match, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@code .dat} file. */
    public static NistDataset read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(base, text);
    }

    /**
     * Parses the text of a {@code .dat} file.
     *
     * @throws IllegalArgumentException naming the file and what is missing or malformed
     */
    public static NistDataset parse(String name, String text) {
        String[] lines = text.split("\\R");
        StringBuilder model = null;
        boolean modelDone = false;
        List<String> params = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        double rss = Double.NaN;
        int observations = -1;
        int dataStart = -1;
        boolean yFirst = true;
        for (int i = 0; i < lines.length && dataStart < 0; i++) {
            String line = lines[i];
            Matcher mm;
            if (!modelDone && model == null && (mm = MODEL_START.matcher(line)).matches()) {
                model = new StringBuilder();
                line = mm.group(1);
            }
            if (model != null && !modelDone) {
                Matcher end = MODEL_END.matcher(line);
                if (end.matches()) {
                    model.append(' ').append(end.group(1));
                    modelDone = true;
                } else if (line.isBlank()) {
                    throw error(name, i, "the model 'y = ...' does not end with '+ e'");
                } else {
                    model.append(' ').append(line.strip());
                }
                continue;
            }
            if ((mm = PARAM.matcher(line)).matches()) {
                params.add(mm.group(1));
                values.add(new double[] {d(mm.group(2)), d(mm.group(3)), d(mm.group(4)), d(mm.group(5))});
            } else if ((mm = RSS.matcher(line)).matches()) {
                rss = d(mm.group(1));
            } else if ((mm = OBS.matcher(line)).matches()) {
                try {
                    observations = Integer.parseInt(mm.group(1));
                } catch (NumberFormatException e) {
                    throw error(name, i, "the number of observations " + mm.group(1) + " is too large");
                }
            } else if ((mm = DATA_HEADER.matcher(line)).matches()) {
                if (!(mm.group(1).equals("y") && mm.group(2).equals("x") || mm.group(1).equals("x") && mm.group(2).equals("y"))) {
                    throw error(name, i, "the data header names columns '" + mm.group(1) + "' and '" + mm.group(2) + "', expected y and x");
                }
                yFirst = mm.group(1).equals("y");
                dataStart = i + 1;
            }
        }
        if (model == null || !modelDone) {
            throw error(name, -1, "no model line 'y = ... + e' in the header");
        }
        if (params.isEmpty()) {
            throw error(name, -1, "no parameter lines 'b1 = start1 start2 certified sd'");
        }
        if (Double.isNaN(rss)) {
            throw error(name, -1, "no 'Residual Sum of Squares:' line");
        }
        if (dataStart < 0) {
            throw error(name, -1, "no data block (a line 'Data:   y   x')");
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = dataStart; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 2) {
                throw error(name, i, "expected two numbers, found '" + line + "'");
            }
            try {
                double a = Double.parseDouble(f[0]);
                double b = Double.parseDouble(f[1]);
                rows.add(yFirst ? new double[] {b, a} : new double[] {a, b});
            } catch (NumberFormatException e) {
                throw error(name, i, "not a number in '" + line + "'");
            }
        }
        if (rows.isEmpty()) {
            throw error(name, -1, "the data block is empty");
        }
        if (observations >= 0 && observations != rows.size()) {
            throw error(name, -1, "the header says " + observations + " observations but the data block has " + rows.size());
        }
        String converted = model.toString().replace("**", "^").replace('[', '(').replace(']', ')')
                .replaceAll("\\barctan\\b", "atan").replaceAll("\\s+", " ").strip();
        Expression expr;
        try {
            expr = Expression.parse(converted);
        } catch (IllegalArgumentException e) {
            throw error(name, -1, "cannot parse the model '" + converted + "': " + e.getMessage());
        }
        int n = params.size();
        double[][] cols = new double[4][n];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < 4; c++) {
                cols[c][j] = values.get(j)[c];
            }
            if (!params.get(j).equals("b" + (j + 1))) {
                throw error(name, -1, "parameters must be b1, b2, ... in order, found " + params);
            }
        }
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        return new NistDataset(name, expr, List.copyOf(params), cols[0], cols[1], cols[2], cols[3], rss, x, y);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static IllegalArgumentException error(String name, int line, String what) {
        return new IllegalArgumentException("malformed NIST file " + name + (line >= 0 ? " (line " + (line + 1) + ")" : "") + ": " + what);
    }
}
