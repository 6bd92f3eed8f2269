package io.fixpoint.bench.nist;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.peer.PythonBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SciPy's {@code least_squares} on the same NIST files, through {@code nist_scipy.py} and the
 * {@link PythonBridge}. The datasets travel in the request from this jar's resources, so both sides
 * read the same bytes. Missing python3 or SciPy gives an empty result and a reason.
 */
public final class ScipyNist {
    private String skipReason;

    /** Why the last {@link #run} returned nothing, or null. */
    public String skipReason() {
        return skipReason;
    }

    public List<SolveRecord> run(List<NistDataset> datasets, List<String> methods, long timeoutSeconds) {
        skipReason = null;
        PythonBridge python = PythonBridge.python3();
        Optional<String> missing = python.unavailable("numpy", "scipy");
        if (missing.isPresent()) {
            skipReason = missing.get();
            return List.of();
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (NistDataset d : datasets) {
            files.add(Map.of("name", d.name(), "text", text(d)));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("datasets", files);
        request.put("methods", methods);
        List<SolveRecord> out = new ArrayList<>();
        PythonBridge.Exit exit = python.run("nist_scipy.py", request, Duration.ofSeconds(timeoutSeconds), j -> {
            NistDataset d = datasets.stream().filter(ds -> ds.name().equals(j.get("dataset").asText())).findFirst().orElseThrow();
            out.add(record(d, j));
        });
        if (!exit.ok()) {
            skipReason = "the SciPy run stopped early (" + exit.describe() + "); " + out.size() + " fits completed";
        }
        return out;
    }

    private static SolveRecord record(NistDataset d, JsonNode j) {
        double[] x = PythonBridge.numbers(j.get("x"));
        double rss = 2 * PythonBridge.number(j.get("cost"));
        int start = j.get("start").asInt();
        Map<String, Object> figures = NistBench.figures(d, start, x, rss);
        String status = (j.get("success").asBoolean() ? "ok " : "fail ") + j.get("status").asInt();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("residual", j.get("nfev").asLong());
        counts.put("jacobian", j.get("njev").asLong());
        return new SolveRecord(NistBench.SUITE, d.name(), d.certified().length, "scipy", j.get("method").asText(), "nonlinear least squares",
                SolveRecord.Outcome.RAN, null, status, j.get("success").asBoolean(), NistBench.judge(figures), j.get("message").asText(), -1,
                counts, rss / 2, Double.NaN, j.has("seconds") ? j.get("seconds").asDouble() : Double.NaN, 5, x, null, figures);
    }

    private static String text(NistDataset d) {
        try (InputStream in = NistDataset.class.getResourceAsStream("/nist-strd/" + d.name() + ".dat")) {
            if (in == null) {
                throw new IllegalStateException("no resource for " + d.name());
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
