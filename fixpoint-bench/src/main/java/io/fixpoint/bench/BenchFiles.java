package io.fixpoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.solve.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Solve records and traces as files: CSV for spreadsheets, JSON for programs. */
public final class BenchFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String RECORD_HEADER = "suite,problem,dimension,tool,method,family,status,claimed_success,solved,iterations,value,optimality,"
            + "seconds,repeats";
    static final String TRACE_HEADER = "iteration,value,optimality,step,evaluations,seconds";

    private BenchFiles() {
    }

    /**
     * The records as CSV: the common columns, one column per evaluation kind that occurs, then the
     * message. Numbers at full precision, so a CSV round-trips.
     */
    public static String csv(List<SolveRecord> records) {
        List<String> kinds = new ArrayList<>(new TreeSet<>(records.stream().flatMap(r -> r.evaluations().keySet().stream()).toList()));
        StringBuilder b = new StringBuilder(RECORD_HEADER);
        kinds.forEach(k -> b.append(',').append(k).append("_evaluations"));
        b.append(",message\n");
        for (SolveRecord r : records) {
            List<String> f = new ArrayList<>(List.of(r.suite(), r.problem(), String.valueOf(r.dimension()), r.tool(), r.method(), r.family(),
                    r.statusText(), String.valueOf(r.claimed()), String.valueOf(r.solved()), String.valueOf(r.iterations()), num(r.value()),
                    num(r.optimality()), num(r.seconds()), String.valueOf(r.repeats())));
            kinds.forEach(k -> f.add(String.valueOf(r.count(k))));
            f.add(r.message() == null ? "" : r.message());
            b.append(String.join(",", f.stream().map(BenchFiles::csvField).toList())).append('\n');
        }
        return b.toString();
    }

    /** The records as a JSON array (pretty-printed). */
    public static String json(List<SolveRecord> records) {
        return json((Object) records.stream().map(SolveRecord::json).toList());
    }

    /** Any JSON-ready value (maps, lists, records), pretty-printed. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code dir/results.csv} and {@code dir/results.json} (creating {@code dir}); returns the two paths. */
    public static List<Path> writeResults(Path dir, List<SolveRecord> records) {
        return write(dir, Map.of("results.csv", csv(records), "results.json", json(records)));
    }

    /** Writes each named text into {@code dir} (created if missing); returns the paths in name order. */
    public static List<Path> write(Path dir, Map<String, String> files) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : new TreeSet<>(files.keySet())) {
                Path p = dir.resolve(name);
                Files.writeString(p, files.get(name), StandardCharsets.UTF_8);
                written.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Writes {@code trace} as CSV with the columns of {@link #TRACE_HEADER}, one row per iterate from 0.
     * A regular file is written beside it and moved into place, so that a reader (or a second run
     * writing the same file) never sees half of one trace and half of another; a device or a pipe is
     * written directly.
     */
    public static void writeTrace(Trace trace, Path file) {
        double[] value = trace.values();
        double[] opt = trace.optimality();
        double[] step = trace.stepNorms();
        long[] evals = trace.evaluations();
        double[] secs = trace.seconds();
        Path temp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean replace = parent != null && (Files.notExists(file) || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
            if (replace) {
                temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(replace ? temp : file, StandardCharsets.UTF_8))) {
                out.println(TRACE_HEADER);
                for (int k = 0; k < value.length; k++) {
                    out.println(k + "," + num(value[k]) + "," + num(opt[k]) + "," + num(step[k]) + "," + evals[k] + "," + num(secs[k]));
                }
                if (out.checkError()) {
                    throw new IOException("write failed (disk full?)");
                }
            }
            if (replace) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover hidden temporary file is harmless
                }
            }
        }
    }

    /** Full precision, so a CSV round-trips; non-finite values as {@code NaN} or {@code Infinity}. */
    private static String num(double v) {
        return Double.toString(v);
    }

    /** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
    public static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
