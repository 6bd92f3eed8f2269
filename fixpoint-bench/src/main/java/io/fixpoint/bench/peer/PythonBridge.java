package io.fixpoint.bench.peer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one way the bench talks to Python peers. The scripts travel inside the jar (from
 * {@code fixpoint-bench/peers/}); a run extracts them to a temporary directory, starts the
 * interpreter on one of them with BLAS pinned to one thread, writes one JSON request to its stdin
 * and hands every JSON line it prints to a callback, within a wall-time limit. A missing interpreter
 * or module is a clean skip with the reason ({@link #unavailable}); nothing here throws for a
 * peer's failure.
 */
public final class PythonBridge {
    private static final String RESOURCES = "/io/fixpoint/bench/peer/python/";
    /** Every script shipped in the jar; they may import one another, so a run extracts them all. */
    static final List<String> SCRIPTS = List.of("scipy_runner.py", "mgh.py", "large.py", "constrained.py", "scipy_fixed_point.py", "nist_scipy.py",
            "scipy_linprog.py", "pot_runner.py", "torch_train.py");
    private static final String DEBIAN = "/usr/bin/python3";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final String python;

    private PythonBridge(String python) {
        this.python = python;
    }

    /** The interpreter named by $FIXPOINT_PYTHON, or python3. */
    public static PythonBridge python3() {
        String env = System.getenv("FIXPOINT_PYTHON");
        return new PythonBridge(env == null || env.isBlank() ? "python3" : env);
    }

    public static PythonBridge of(String python) {
        return new PythonBridge(python);
    }

    /**
     * {@link #python3()} when it imports {@code modules}; else Debian's {@code /usr/bin/python3} when that does
     * (where python3-torch and python3-pot install); else {@link #python3()}, whose {@link #unavailable} says why.
     */
    public static PythonBridge importing(String... modules) {
        PythonBridge bridge = python3();
        if (bridge.unavailable(modules).isPresent() && Files.isExecutable(Path.of(DEBIAN)) && of(DEBIAN).unavailable(modules).isEmpty()) {
            return of(DEBIAN);
        }
        return bridge;
    }

    public String interpreter() {
        return python;
    }

    /** Empty when the interpreter runs and imports every module; otherwise why not, in words. */
    public Optional<String> unavailable(String... modules) {
        String imports = modules.length == 0 ? "pass" : "import " + String.join(", ", modules);
        ProcessBuilder pb = new ProcessBuilder(python, "-c", imports).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("'" + python + "' did not answer within 60 s");
            }
            if (p.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                String last = text.isEmpty() ? "exit code " + p.exitValue() : text.substring(text.lastIndexOf('\n') + 1);
                return Optional.of("'" + python + "' cannot import " + String.join(", ", modules) + " (" + last + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no Python interpreter at '" + python + "' (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** How a run ended. */
    public record Exit(int code, boolean timedOut, String stderrTail) {
        public boolean ok() {
            return code == 0 && !timedOut;
        }

        public String describe() {
            if (timedOut) {
                return "time limit reached";
            }
            return "exit code " + code + (stderrTail.isBlank() ? "" : ": " + stderrTail);
        }
    }

    /**
     * Runs {@code script} with {@code request} (any Jackson-serialisable object) on stdin and hands
     * each JSON line of its stdout to {@code onLine} as it arrives. The process is killed when
     * {@code limit} passes; what it printed until then has been delivered.
     */
    public Exit run(String script, Object request, Duration limit, Consumer<JsonNode> onLine) {
        if (!SCRIPTS.contains(script)) {
            throw new IllegalArgumentException("no Python script '" + script + "' ships with the bench (known: " + SCRIPTS + ")");
        }
        Path dir = null;
        try {
            dir = extract();
            return run(dir, script, request, limit, onLine);
        } catch (IOException | UncheckedIOException e) {
            return new Exit(-1, false, e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    private Exit run(Path dir, String script, Object request, Duration limit, Consumer<JsonNode> onLine) throws IOException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(python, script).directory(dir.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(v, "1"); // threaded BLAS on small problems only spins; the Java side runs single-threaded too
        }
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new Exit(-1, false, "no Python interpreter at '" + python + "' (" + e.getMessage() + ")");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "python-peer-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (OutputStream in = process.getOutputStream()) {
            JSON.writeValue(in, request);
        } catch (IOException e) {
            // the script died before reading its request; its exit code and stderr say why
        }
        try (InputStream out = process.getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    onLine.accept(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            if (!timedOut.get()) {
                throw e;
            }
            // the watchdog's kill closed the stream under the reader: a time limit, not a failure
        }
        try {
            int code = process.waitFor();
            watchdog.interrupt();
            return new Exit(code, timedOut.get(), tail(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Exit(-1, false, "interrupted");
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
    }

    private static Path extract() throws IOException {
        Path dir = Files.createTempDirectory("fixpoint-python");
        for (String s : SCRIPTS) {
            try (InputStream in = PythonBridge.class.getResourceAsStream(RESOURCES + s)) {
                if (in == null) {
                    throw new IOException("the Python script " + s + " is missing from the jar");
                }
                Files.copy(in, dir.resolve(s));
            }
        }
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }

    /** A JSON number, or the strings Python writes for non-finite floats. */
    public static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return switch (n.asText().toLowerCase(Locale.ROOT)) {
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** A JSON array of numbers; null for a JSON null. */
    public static double[] numbers(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }
}
