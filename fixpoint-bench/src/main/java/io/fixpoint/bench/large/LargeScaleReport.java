package io.fixpoint.bench.large;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.bench.compare.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a large-scale run: every row, the memory passes, and the two comparisons the suite
 * exists for, as text or one JSON object.
 *
 * @param disagreements problems whose SciPy definition differs from Fixpoint's (excluded from SciPy's rows)
 * @param scipyVersion  SciPy, NumPy and Python versions, or null when SciPy did not run
 * @param loadAtStart   the machine's one-minute load average when the run began (negative when unknown)
 * @param loadAtEnd     and when it ended
 */
public record LargeScaleReport(LargeScaleBench.Settings settings, List<LargeScaleBench.Row> rows, List<MemoryTraffic.Pass> passes,
        List<String> notes, List<String> disagreements, String scipyVersion, double loadAtStart, double loadAtEnd) {

    /** The memory-traffic target: L-BFGS's own time per iteration at most this multiple of the passes it must make. */
    public static final double TRAFFIC_TARGET = 1.5;
    /** The dimension of the traffic target. */
    public static final int TRAFFIC_DIMENSION = 1_000_000;

    /**
     * L-BFGS's time per iteration outside the objective against its vector passes at the measured pass
     * time (CPU seconds), for one solved problem.
     */
    public record Traffic(String problem, int n, double outsidePerIteration, double passes, double passSeconds) {
        public double ratio() {
            return outsidePerIteration / (passes * passSeconds);
        }
    }

    /**
     * Medians over the problems both solve, Fixpoint's method against SciPy's, at one n.
     *
     * @param hessianVectorRatio the median ratio of Hessian–vector products (NaN when SciPy's method makes none)
     */
    public record Versus(String method, String scipyMethod, int n, int bothSolve, double wallRatio, double cpuRatio, double gradientRatio,
            double hessianVectorRatio) {
    }

    public List<Traffic> traffic() {
        List<Traffic> out = new ArrayList<>();
        for (LargeScaleBench.Row r : rows) {
            if (r.tool().equals("fixpoint") && r.method().equals("lbfgs") && r.solved() && r.iterations() > 0) {
                Optional<MemoryTraffic.Pass> pass = passes.stream().filter(p -> p.n() == r.n()).findFirst();
                if (pass.isPresent()) {
                    double pairs = MemoryTraffic.averagePairs(r.iterations(), LargeScaleBench.LBFGS_MEMORY);
                    double trials = (double) r.gradients() / r.iterations();
                    out.add(new Traffic(r.problem(), r.n(), r.outsidePerIteration(), MemoryTraffic.lbfgsPasses(pairs, trials),
                            pass.get().cpuSeconds()));
                }
            }
        }
        return out;
    }

    public List<Versus> versus() {
        List<Versus> out = new ArrayList<>();
        for (int n : settings.dimensions()) {
            for (Map.Entry<String, String> e : LargeScaleBench.COUNTERPARTS.entrySet()) {
                String[] pair = {e.getKey(), e.getValue()};
                List<Double> wall = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<Double> grads = new ArrayList<>();
                List<Double> products = new ArrayList<>();
                for (LargeScaleBench.Row a : rows) {
                    if (a.n() != n || !a.tool().equals("fixpoint") || !a.method().equals(pair[0]) || !a.solved()) {
                        continue;
                    }
                    for (LargeScaleBench.Row b : rows) {
                        if (b.n() == n && b.tool().equals("scipy") && b.method().equals(pair[1]) && b.problem().equals(a.problem()) && b.solved()) {
                            wall.add(a.seconds() / b.seconds());
                            cpu.add(a.cpuSeconds() / b.cpuSeconds());
                            grads.add((double) a.gradients() / b.gradients());
                            if (b.hessianVectors() > 0) {
                                products.add((double) a.hessianVectors() / b.hessianVectors());
                            }
                        }
                    }
                }
                if (!wall.isEmpty()) {
                    out.add(new Versus(pair[0], pair[1], n, wall.size(), median(wall), median(cpu), median(grads),
                            products.isEmpty() ? Double.NaN : median(products)));
                }
            }
        }
        return out;
    }

    private static double median(List<Double> v) {
        return Timing.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** How the solves were timed, the same for both tools. */
    static String timingRule(LargeScaleBench.Settings s) {
        String times = s.repeats() == 1 ? "Times are of one warm solve" : "Times are medians of " + s.repeats() + " warm solves";
        if (!s.warmUp()) {
            return String.format(Locale.ROOT, "Times are medians of %d solves for both tools, the first included: no warm-up, so Fixpoint's include "
                    + "the JIT's compilation.", s.repeats());
        }
        return String.format(Locale.ROOT, "%s for both tools: a configuration whose first solve takes under %.0f s "
                + "does not time it (and Fixpoint then makes untimed warm-up solves for the JIT, at least %d and %.0f s, at most %.0f s); "
                + "a slower first solve is timed, and above %.0f s it is the only one.", times, LargeScaleBench.WARM_BELOW_SECONDS,
                LargeScaleBench.WARM_UP_SOLVES, LargeScaleBench.WARM_UP_SECONDS, LargeScaleBench.WARM_UP_LIMIT_SECONDS, LargeScaleBench.ONCE_ABOVE_SECONDS);
    }

    /** Which problems run at n = 10⁷, when that is fewer than at the other sizes. */
    static Optional<String> largestNote(LargeScaleBench.Settings s) {
        List<String> largest = s.problemsAt(LargeScaleBench.LARGEST);
        return s.dimensions().contains(LargeScaleBench.LARGEST) && !largest.equals(s.problems())
                ? Optional.of("At n = " + LargeScaleBench.LARGEST + " only " + String.join(", ", largest)) : Optional.empty();
    }

    /** The machine's load during the run, which the wall times depend on. */
    String loadNote() {
        if (loadAtStart < 0) {
            return String.format(Locale.ROOT, "%d processors; the load average is not available.", Runtime.getRuntime().availableProcessors());
        }
        return String.format(Locale.ROOT, "%d processors, one-minute load average %.2f at the start of the run and %.2f at its end: wall times "
                + "include waiting for a processor, CPU times do not.", Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd);
    }

    /**
     * L-BFGS against SciPy's L-BFGS-B at each n where both ran: whether its median wall time and gradient
     * evaluations over the problems both solve are at most SciPy's, or that no problem was solved by both.
     */
    public List<String> lbfgsHeadline() {
        List<String> out = new ArrayList<>();
        for (int n : settings.dimensions()) {
            Optional<Versus> versus = versus().stream().filter(v -> v.n() == n && v.method().equals("lbfgs")).findFirst();
            if (versus.isPresent()) {
                Versus v = versus.get();
                boolean holds = v.wallRatio() <= 1 && v.gradientRatio() <= 1;
                out.add(String.format(Locale.ROOT, "n = %d: lbfgs / L-BFGS-B wall %.3g, CPU %.3g, gradient evaluations %.3g over %d problems: %s", v.n(),
                        v.wallRatio(), v.cpuRatio(), v.gradientRatio(), v.bothSolve(), holds ? "wall and evaluations ≤ SciPy's"
                        : (v.wallRatio() > 1 ? "wall time above SciPy's" : "") + (v.wallRatio() > 1 && v.gradientRatio() > 1 ? ", " : "")
                        + (v.gradientRatio() > 1 ? "more evaluations than SciPy" : "")));
            } else if (ran(n, "fixpoint", "lbfgs") > 0 && ran(n, "scipy", "L-BFGS-B") > 0) {
                out.add(String.format(Locale.ROOT, "n = %d: lbfgs / L-BFGS-B: no problem solved by both (lbfgs solved %d of %d, L-BFGS-B %d of %d), "
                        + "no ratio", n, solved(n, "fixpoint", "lbfgs"), ran(n, "fixpoint", "lbfgs"), solved(n, "scipy", "L-BFGS-B"),
                        ran(n, "scipy", "L-BFGS-B")));
            }
        }
        return out;
    }

    private long ran(int n, String tool, String method) {
        return rows.stream().filter(r -> r.n() == n && r.tool().equals(tool) && r.method().equals(method)).count();
    }

    private long solved(int n, String tool, String method) {
        return rows.stream().filter(r -> r.n() == n && r.tool().equals(tool) && r.method().equals(method) && r.solved()).count();
    }

    /** The table, the memory passes and the comparisons. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Large-scale suite: stop at ‖∇f‖₂ ≤ %.0e·‖∇f(x₀)‖₂, at most %d iterations (%d for trust methods), %d s per solve%n",
                settings.relativeTolerance(), settings.maxIterations(), settings.secondOrderIterations(), settings.timeLimit().toSeconds()));
        largestNote(settings).ifPresent(note -> b.append(note).append(" (the others take minutes a solve there).\n"));
        b.append(timingRule(settings)).append('\n').append(loadNote()).append('\n');
        if (scipyVersion != null) {
            b.append(scipyVersion).append(", BLAS on one thread\n");
        }
        for (int n : settings.dimensions()) {
            passes.stream().filter(p -> p.n() == n).findFirst().ifPresent(p -> b.append(String.format(Locale.ROOT,
                    "%nn = %d — vector pass (three-stream a ← b + s·c, over %d vectors): %.3g ms CPU, %.3g ms wall, %.1f GB/s%n", n,
                    MemoryTraffic.POOL, p.cpuSeconds() * 1e3, p.wallSeconds() * 1e3, p.gigabytesPerSecond())));
            b.append(String.format(Locale.ROOT, "%-24s %-8s %-16s %-6s %7s %8s %8s %10s %10s %12s  %s%n", "problem", "tool", "method", "solved",
                    "iters", "grads", "H·v", "wall s", "CPU s", "own ms/iter", "status"));
            for (LargeScaleBench.Row r : rows) {
                if (r.n() != n) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "%-24s %-8s %-16s %-6s %7d %8d %8d %10.4g %10.4g %12s  %s%n", r.problem(), r.tool(), r.method(),
                        r.solved() ? "yes" : "no", r.iterations(), r.gradients(), r.hessianVectors(), r.seconds(), r.cpuSeconds(),
                        Double.isNaN(r.outsidePerIteration()) ? "" : String.format(Locale.ROOT, "%.4g", r.outsidePerIteration() * 1e3),
                        r.note().isEmpty() ? r.status() : r.note()));
            }
        }
        b.append("\nL-BFGS's own time per iteration (CPU, outside f and ∇f) against the vector passes it must make (8k + 5t + 7):\n");
        for (Traffic t : traffic()) {
            b.append(String.format(Locale.ROOT, "  %-24s n = %-9d %8.4g ms/iter, %6.1f passes × %.4g ms = %8.4g ms: ratio %.2f%n", t.problem(), t.n(),
                    t.outsidePerIteration() * 1e3, t.passes(), t.passSeconds() * 1e3, t.passes() * t.passSeconds() * 1e3, t.ratio()));
        }
        trafficHeadline().ifPresent(h -> b.append(h).append('\n'));
        if (!versus().isEmpty()) {
            b.append("\nFixpoint / SciPy over the problems both solve (medians):\n");
            for (Versus v : versus()) {
                b.append(String.format(Locale.ROOT, "  n = %-9d %-16s / %-12s %d problems: wall %.3g, CPU %.3g, gradient evaluations %.3g%s%n", v.n(),
                        v.method(), v.scipyMethod(), v.bothSolve(), v.wallRatio(), v.cpuRatio(), v.gradientRatio(),
                        Double.isNaN(v.hessianVectorRatio()) ? "" : String.format(Locale.ROOT, ", Hessian–vector products %.3g", v.hessianVectorRatio())));
            }
        }
        lbfgsHeadline().forEach(h -> b.append("  ").append(h).append('\n'));
        b.append("\nSolved:\n");
        for (int n : settings.dimensions()) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (LargeScaleBench.Row r : rows) {
                if (r.n() == n) {
                    int[] c = counts.computeIfAbsent(r.tool() + " " + r.method(), k -> new int[2]);
                    c[0] += r.solved() ? 1 : 0;
                    c[1]++;
                }
            }
            b.append(String.format(Locale.ROOT, "  n = %-9d", n));
            counts.forEach((k, c) -> b.append(String.format(Locale.ROOT, " %s %d/%d;", k, c[0], c[1])));
            b.append('\n');
        }
        for (String d : disagreements) {
            b.append("DISAGREEMENT: ").append(d).append('\n');
        }
        for (String note : notes) {
            b.append("note: ").append(note).append('\n');
        }
        return b.toString();
    }

    /** The traffic target at n = 10⁶: the median ratio over the problems L-BFGS solved there. */
    public Optional<String> trafficHeadline() {
        double[] ratios = traffic().stream().filter(t -> t.n() == TRAFFIC_DIMENSION).mapToDouble(Traffic::ratio).toArray();
        if (ratios.length == 0) {
            return Optional.empty();
        }
        double m = Timing.median(ratios);
        return Optional.of(String.format(Locale.ROOT, "  at n = %d the median ratio over %d problems is %.2f (target ≤ %.1f: %s)", TRAFFIC_DIMENSION,
                ratios.length, m, TRAFFIC_TARGET, m <= TRAFFIC_TARGET ? "met" : "not met"));
    }

    /** One JSON object: settings, passes, rows, the comparisons, notes. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dimensions", settings.dimensions());
        s.put("problems", settings.problems());
        s.put("javaMethods", settings.javaMethods());
        s.put("scipyMethods", settings.scipyMethods());
        s.put("relativeTolerance", settings.relativeTolerance());
        s.put("maxIterations", settings.maxIterations());
        s.put("secondOrderIterations", settings.secondOrderIterations());
        s.put("repeats", settings.repeats());
        s.put("secondsPerSolve", settings.timeLimit().toSeconds());
        s.put("largestProblems", settings.problemsAt(LargeScaleBench.LARGEST));
        s.put("timing", timingRule(settings));
        m.put("settings", s);
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("loadAverage", Map.of("start", loadAtStart, "end", loadAtEnd));
        m.put("scipy", scipyVersion);
        m.put("passes", passes.stream().map(p -> Map.of("n", p.n(), "cpuSeconds", p.cpuSeconds(), "wallSeconds", p.wallSeconds(),
                "gigabytesPerSecond", p.gigabytesPerSecond())).toList());
        m.put("rows", rows.stream().map(LargeScaleBench.Row::fields).toList());
        m.put("traffic", traffic().stream().map(t -> Map.of("problem", t.problem(), "n", t.n(), "outsidePerIteration", t.outsidePerIteration(),
                "passes", t.passes(), "passSeconds", t.passSeconds(), "ratio", t.ratio())).toList());
        m.put("versus", versus());
        m.put("disagreements", disagreements);
        m.put("notes", notes);
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
