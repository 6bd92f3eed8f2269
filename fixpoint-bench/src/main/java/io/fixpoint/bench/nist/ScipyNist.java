package io.fixpoint.bench.nist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs SciPy's {@code least_squares} on the same NIST files through {@code fixpoint-bench/peers/nist_scipy.py}
 * in a python3 subprocess. The datasets are written out from this jar's resources, so both sides
 * read the same bytes. Missing python3, SciPy or the script gives an empty result and a reason.
 */
public final class ScipyNist {
    static final String SCRIPT = "fixpoint-bench/peers/nist_scipy.py";

    private String skipReason;

    /** Why the last {@link #run} returned nothing, or null. */
    public String skipReason() {
        return skipReason;
    }

    public List<NistResult> run(List<NistDataset> datasets, List<String> methods, long timeoutSeconds) {
        skipReason = null;
        Optional<Path> script = locateScript();
        if (script.isEmpty()) {
            skipReason = "peer script " + SCRIPT + " not found (run from the repository)";
            return List.of();
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fixpoint-nist");
            for (NistDataset d : datasets) {
                try (InputStream in = NistDataset.class.getResourceAsStream("/nist-strd/" + d.name() + ".dat")) {
                    if (in == null) {
                        throw new IllegalStateException("no resource for " + d.name());
                    }
                    Files.copy(in, dir.resolve(d.name() + ".dat"));
                }
            }
            List<String> cmd = List.of("python3", script.get().toString(), dir.toString(),
                    String.join(",", datasets.stream().map(NistDataset::name).toList()), String.join(",", methods));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            List<NistResult> out = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode j = mapper.readTree(line);
                    NistDataset d = datasets.stream().filter(ds -> ds.name().equals(j.get("dataset").asText())).findFirst().orElseThrow();
                    double[] x = j.get("x").isNull() ? null : mapper.convertValue(j.get("x"), double[].class);
                    double rss = j.get("cost").isNull() ? Double.NaN : 2 * j.get("cost").asDouble();
                    String status = (j.get("success").asBoolean() ? "ok " : "fail ") + j.get("status").asInt() + ": " + j.get("message").asText();
                    out.add(NistResult.of(d, j.get("start").asInt(), "scipy-" + j.get("method").asText(), status, x, rss,
                            j.get("nfev").asLong(), j.get("njev").asLong(), Double.NaN));
                }
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                skipReason = "SciPy run timed out";
            } else if (p.exitValue() != 0 && out.isEmpty()) {
                skipReason = "python3/SciPy unavailable: " + lastLine(err);
            }
            return out;
        } catch (IOException e) {
            skipReason = "cannot run python3: " + e.getMessage();
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipReason = "interrupted";
            return List.of();
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The script, looked for above the directory this code was loaded from, then above the working directory. */
    static Optional<Path> locateScript() {
        List<Path> roots = new ArrayList<>();
        try {
            roots.add(Path.of(ScipyNist.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the working directory
        }
        roots.add(Path.of("").toAbsolutePath());
        for (Path root : roots) {
            for (Path p = root; p != null; p = p.getParent()) {
                Path candidate = p.resolve(SCRIPT);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String lastLine(String s) {
        String[] lines = s.split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
