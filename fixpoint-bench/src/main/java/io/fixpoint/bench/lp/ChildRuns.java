package io.fixpoint.bench.lp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link LpRunner} in a child JVM and reads its runs back; for OR-Tools' PDLP it also reads
 * the iteration table PDLP logs every 64 iterations (iterations, KKT passes, seconds, relative
 * residuals) to find the KKT passes and the moment the relative KKT error first fell to 1e-4.
 */
final class ChildRuns {
    /** How the status of a solve that did not come back begins. */
    static final String ERROR = "ERROR: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A row of PDLP's table: iter#, kkt_pass, time | rel_prim_res rel_dual_res rel_gap | ... */
    private static final Pattern PDLP_ROW = Pattern.compile("^\\s*(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+\\|\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\|");

    private ChildRuns() {
    }

    /**
     * Runs {@code solver} on each model in one child process.
     *
     * @return one run per model; a model the child did not finish gets status ERROR with the child's last words
     */
    static List<LpRun> run(String solver, List<String> models, double tol, double seconds, int iterations, int threads, String heap) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), LpRunner.class.getName(), solver, String.valueOf(tol),
                String.valueOf(seconds), String.valueOf(iterations), String.valueOf(threads)));
        cmd.addAll(models);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<LpRun> runs = new ArrayList<>();
        String current = null;
        long[] last = {-1, -1};
        double[] first = {Double.NaN, -1};
        StringBuilder tail = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(LpRunner.BEGIN)) {
                    current = line.substring(LpRunner.BEGIN.length());
                    last[0] = -1;
                    last[1] = -1;
                    first[0] = Double.NaN;
                    first[1] = -1;
                    tail.setLength(0);
                } else if (line.startsWith(LpRunner.RESULT)) {
                    LpRun r = LpRun.fromFields(JSON.readValue(line.substring(LpRunner.RESULT.length()), new TypeReference<Map<String, Object>>() { }));
                    if (last[0] >= 0) {
                        r = new LpRun(r.model(), r.solver(), r.status(), r.objective(), r.seconds(), last[0], last[1], first[0], (long) first[1],
                                r.peakMemoryMb(), r.baseMemoryMb(), r.columns(), r.nonZeros(), null);
                    }
                    runs.add(r);
                    current = null;
                } else {
                    Matcher m = PDLP_ROW.matcher(line);
                    if (m.find()) {
                        last[0] = Long.parseLong(m.group(1));
                        last[1] = (long) Double.parseDouble(m.group(2));
                        double kkt = Math.max(Math.abs(number(m.group(4))), Math.max(Math.abs(number(m.group(5))), Math.abs(number(m.group(6)))));
                        if (Double.isNaN(first[0]) && kkt <= 1e-4) {
                            first[0] = Double.parseDouble(m.group(3));
                            first[1] = last[1];
                        }
                    } else if (tail.length() < 2000) {
                        tail.append(line).append(' ');
                    }
                }
            }
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String model : models.subList(runs.size(), models.size())) {
            String why = model.equals(current) ? tail.toString().strip() : "not reached";
            runs.add(new LpRun(LpRunner.name(model), solver, ERROR + why, Double.NaN, Double.NaN, -1, -1, Double.NaN, -1, Double.NaN, Double.NaN,
                    -1, -1, null));
        }
        return runs;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
