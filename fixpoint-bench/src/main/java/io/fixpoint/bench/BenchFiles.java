package io.fixpoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Bench results and traces as files: CSV for spreadsheets, JSON for programs. */
public final class BenchFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String RESULTS_HEADER = "problem,dimension,method,status,solved,reached_minimum,iterations,value_evaluations,gradient_evaluations,"
            + "hessian_evaluations,hessian_vector_evaluations,value,gradient_norm,relative_gradient_norm,seconds,rate_kind,rate_parameter,"
            + "rate_fit,message";
    static final String TRACE_HEADER = "iteration,value,optimality,step,evaluations,seconds";

    private BenchFiles() {
    }

    /** Writes {@code dir/results.csv} and {@code dir/results.json} (creating {@code dir}); returns the two paths. */
    public static List<Path> writeResults(Path dir, List<BenchResult> results) {
        Path csv = dir.resolve("results.csv");
        Path json = dir.resolve("results.json");
        try {
            Files.createDirectories(dir);
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                out.println(RESULTS_HEADER);
                for (BenchResult r : results) {
                    out.println(String.join(",", r.problem(), String.valueOf(r.dimension()), r.method(), r.status(),
                            String.valueOf(r.solved()), String.valueOf(r.reachedMinimum()), String.valueOf(r.iterations()),
                            String.valueOf(r.evaluations(Evaluation.VALUE)), String.valueOf(r.evaluations(Evaluation.GRADIENT)),
                            String.valueOf(r.evaluations(Evaluation.HESSIAN)), String.valueOf(r.evaluations(Evaluation.HESSIAN_VECTOR)),
                            num(r.value()), num(r.gradientNorm()), num(r.relativeGradientNorm()), num(r.seconds()),
                            r.rate().kind().name().toLowerCase(Locale.ROOT), num(r.rate().parameter()), num(r.rate().fitQuality()),
                            quoted(r.message())));
                }
            }
            MAPPER.writeValue(json.toFile(), results.stream().map(BenchResult::fields).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
        return List.of(csv, json);
    }

    /** Writes {@code trace} as CSV with the columns of {@link #TRACE_HEADER}, one row per iterate from 0. */
    public static void writeTrace(Trace trace, Path file) {
        double[] value = trace.values();
        double[] opt = trace.optimality();
        double[] step = trace.stepNorms();
        long[] evals = trace.evaluations();
        double[] secs = trace.seconds();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                out.println(TRACE_HEADER);
                for (int k = 0; k < value.length; k++) {
                    out.println(k + "," + num(value[k]) + "," + num(opt[k]) + "," + num(step[k]) + "," + evals[k] + "," + num(secs[k]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Full precision, so a CSV round-trips; non-finite values as {@code NaN} or {@code Infinity}. */
    private static String num(double v) {
        return Double.toString(v);
    }

    private static String quoted(String s) {
        return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
    }
}
