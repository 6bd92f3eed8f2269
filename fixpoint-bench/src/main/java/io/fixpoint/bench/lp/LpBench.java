package io.fixpoint.bench.lp;

import io.fixpoint.bench.report.PerformanceProfile;
import io.fixpoint.problem.LinearProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The linear-programming bench: Fixpoint's PDHG solvers beside OR-Tools' PDLP, Glop (simplex) and
 * HiGHS on the same programs, the same ε and the same wall-time budget per solve, judged alike.
 *
 * <p><b>Judging.</b> A solve is <i>solved at 1e-8</i> when the solver reports optimality at ε = 1e-8
 * (Fixpoint: the three relative KKT figures recomputed on the original program; PDLP: its own
 * criteria, the same relative ones; simplex: its optimal status), and <i>solved at 1e-4</i> when the
 * relative KKT error first fell to 1e-4 within the budget (read from PDLP's log every 64 iterations;
 * a simplex optimum counts for both). The reference objective of a model is HiGHS's optimum (Glop's
 * when HiGHS has none); every returned objective is compared with it, |f − f*| / max(1, |f*|).
 * Shifted geometric means use shifts of 1 s and 100 KKT passes, an unsolved run counting the budget
 * (time) or the passes it used. Fixpoint's methods run in this JVM, the peers in child JVMs
 * ({@link ChildRuns}); with {@code isolate} every solve gets a child of its own and its peak
 * resident memory is reported beside the resident memory before the solve.
 */
public final class LpBench {
    public static final List<String> PEERS = List.of("ortools-pdlp", "ortools-glop", "ortools-highs");

    /** The large generated programs of {@code --full}, from 4·10⁵ to 10⁷ non-zeros. */
    public static final List<String> LARGE = List.of("gen:transport:200:1000:1", "gen:pagerank:200000:4:1",
            "gen:svm:20000:2000:0.02:1", "gen:transport:1000:2000:1", "gen:pagerank:2000000:4:1", "gen:transport:1000:5000:1");

    /**
     * @param models  programs: netlib:NAME or gen:SPEC
     * @param methods Fixpoint methods
     * @param peers   OR-Tools solvers from {@link #PEERS}
     * @param seconds wall-time budget of each solve
     * @param iterations iteration budget of each first-order solve (one KKT pass per iteration)
     * @param threads threads for every solver
     * @param isolate one child JVM per solve, memory measured
     * @param heap    -Xmx of the child JVMs
     */
    public record Settings(List<String> models, List<String> methods, List<String> peers, double seconds, int iterations, int threads,
            boolean isolate, String heap) {

        /** The quick Netlib subset, every method, every peer, 20 s per solve. */
        public static Settings quick() {
            return new Settings(Netlib.QUICK.stream().map(n -> "netlib:" + n).toList(), List.of("r2hpdhg", "halpern-pdhg", "pdhg"),
                    PEERS, 20, 100_000, 1, false, "2g");
        }

        /** Every Netlib model, 60 s per solve. */
        public static Settings netlib() {
            return new Settings(Netlib.ALL.stream().map(n -> "netlib:" + n).toList(), List.of("r2hpdhg", "halpern-pdhg", "pdhg"),
                    PEERS, 60, 100_000, 1, false, "2g");
        }

        /** The large generated programs, each solve in a child JVM of its own, 300 s per solve. */
        public static Settings large() {
            return new Settings(LARGE, List.of("r2hpdhg"), PEERS, 300, 1_000_000, 2, true, "12g");
        }
    }

    /** Every run, the reference objectives, the text report and the JSON. */
    public record Result(List<LpRun> runs, Map<String, Double> reference, String text, Map<String, Object> json) {
    }

    private LpBench() {
    }

    /**
     * {@code LpBench quick|netlib|large [SECONDS] [METHODS] [PEERS] [OUT.json] [ITERATIONS] [MODELS]}: runs a set and prints the
     * report, one progress line per solve on stderr; METHODS and PEERS are comma-separated, "-" for none.
     */
    public static void main(String[] args) throws IOException {
        Settings s = switch (args.length > 0 ? args[0] : "quick") {
            case "netlib" -> Settings.netlib();
            case "large" -> Settings.large();
            default -> Settings.quick();
        };
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : s.seconds();
        List<String> methods = args.length > 2 ? names(args[2]) : s.methods();
        List<String> peers = args.length > 3 ? names(args[3]) : s.peers();
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : s.iterations();
        List<String> models = args.length > 6 ? names(args[6]) : s.models();
        s = new Settings(models, methods, peers, seconds, iterations, s.threads(), s.isolate(), s.heap());
        Result r = run(s, run -> System.err.printf(Locale.ROOT, "%-12s %-14s %-18s %8.2f s%n", run.model(), run.solver(),
                shorten(run.status()), run.seconds()));
        System.out.print(r.text());
        if (args.length > 4) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[4]),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.json()));
        }
    }

    private static List<String> names(String csv) {
        return csv.equals("-") ? List.of() : List.of(csv.split(","));
    }

    public static Result run(Settings s, Consumer<LpRun> progress) {
        List<LpRun> runs = new ArrayList<>();
        try {
            for (String peer : s.peers()) {
                if (s.isolate()) {
                    for (String model : s.models()) {
                        report(ChildRuns.run(peer, List.of(model), 1e-8, s.seconds(), s.iterations(), s.threads(), s.heap()), runs, progress, s.isolate());
                    }
                } else {
                    report(ChildRuns.run(peer, s.models(), 1e-8, s.seconds(), s.iterations(), s.threads(), s.heap()), runs, progress, s.isolate());
                }
            }
            for (String method : s.methods()) {
                for (String model : s.models()) {
                    if (s.isolate()) {
                        report(ChildRuns.run(method, List.of(model), 1e-8, s.seconds(), s.iterations(), s.threads(), s.heap()), runs, progress, s.isolate());
                    } else {
                        LinearProgram lp = LpRunner.load(model);
                        report(List.of(LpRunner.fixpoint(method, LpRunner.name(model), lp, 1e-8, s.seconds(), s.iterations(), s.threads())), runs, progress, false);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a child JVM: " + e.getMessage(), e);
        }
        return summarise(s, runs);
    }

    private static void report(List<LpRun> batch, List<LpRun> runs, Consumer<LpRun> progress, boolean isolated) {
        for (LpRun r : batch) {
            // a child that ran several solves measured its whole life, not one solve
            r = isolated ? r : r.withMemory(Double.NaN, Double.NaN);
            runs.add(r);
            progress.accept(r);
        }
    }

    /** Reference objectives, the per-model table, the per-solver summary and profiles. */
    static Result summarise(Settings s, List<LpRun> runs) {
        List<String> models = s.models().stream().map(LpRunner::name).toList();
        List<String> solvers = new ArrayList<>(s.methods());
        solvers.addAll(s.peers());
        Map<String, Double> reference = new LinkedHashMap<>();
        for (String m : models) {
            reference.put(m, referenceOf(runs, m));
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Linear programs: %d models, ε = 1e-8, %.0f s, %d iterations and %d thread(s) per solve%n%n",
                models.size(), s.seconds(), s.iterations(), s.threads()));
        t.append(String.format(Locale.ROOT, "%-12s %-16s %-18s %10s %10s %12s %10s %9s%n", "model", "solver", "status", "seconds",
                "KKT passes", "obj. error", "to 1e-4 s", "memory MB"));
        for (String m : models) {
            for (String solver : solvers) {
                LpRun r = find(runs, m, solver);
                if (r == null) {
                    continue;
                }
                t.append(String.format(Locale.ROOT, "%-12s %-16s %-18s %10.3f %10s %12s %10s %9s%n", m, solver, shorten(r.status()), r.seconds(),
                        r.kktPasses() < 0 ? "-" : String.valueOf(r.kktPasses()), fmt(error(r, reference.get(m))),
                        r.reached1e4() ? String.format(Locale.ROOT, "%.3f", r.secondsTo1e4()) : "-",
                        Double.isNaN(r.peakMemoryMb()) ? "-" : String.format(Locale.ROOT, "%.0f", r.peakMemoryMb())));
            }
        }
        t.append('\n');
        t.append(String.format(Locale.ROOT, "%-16s %9s %9s %12s %14s %14s %12s%n", "solver", "1e-4", "1e-8", "SGM seconds", "SGM KKT passes",
                "worst error", "passes/PDLP"));
        List<Map<String, Object>> summary = new ArrayList<>();
        double[][] times = new double[solvers.size()][models.size()];
        for (int si = 0; si < solvers.size(); si++) {
            String solver = solvers.get(si);
            int solved4 = 0;
            int solved8 = 0;
            double logTime = 0;
            double logPasses = 0;
            int passCount = 0;
            double worst = 0;
            List<Double> ratios = new ArrayList<>();
            for (int mi = 0; mi < models.size(); mi++) {
                String m = models.get(mi);
                LpRun r = find(runs, m, solver);
                boolean optimal = r != null && r.optimal();
                solved8 += optimal ? 1 : 0;
                solved4 += r != null && (r.reached1e4() || optimal) ? 1 : 0;
                double time = optimal ? r.seconds() : s.seconds();
                times[si][mi] = optimal ? r.seconds() : Double.POSITIVE_INFINITY;
                logTime += Math.log(time + 1);
                if (r != null && r.kktPasses() >= 0) {
                    logPasses += Math.log(r.kktPasses() + 100);
                    passCount++;
                }
                if (optimal) {
                    double e = error(r, reference.get(m));
                    if (!Double.isNaN(e)) {
                        worst = Math.max(worst, e);
                    }
                    LpRun pdlp = find(runs, m, "ortools-pdlp");
                    if (pdlp != null && pdlp.optimal() && pdlp.kktPasses() > 0 && r.kktPasses() > 0 && !solver.equals("ortools-pdlp")) {
                        ratios.add((double) r.kktPasses() / pdlp.kktPasses());
                    }
                }
            }
            double sgmTime = Math.exp(logTime / models.size()) - 1;
            double sgmPasses = passCount == 0 ? Double.NaN : Math.exp(logPasses / passCount) - 100;
            double median = median(ratios);
            t.append(String.format(Locale.ROOT, "%-16s %5d/%-3d %5d/%-3d %12.3f %14s %14s %12s%n", solver, solved4, models.size(), solved8,
                    models.size(), sgmTime, Double.isNaN(sgmPasses) ? "-" : String.format(Locale.ROOT, "%.0f", sgmPasses), fmt(worst),
                    ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f (%d)", median, ratios.size())));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("solver", solver);
            row.put("solved1e4", solved4);
            row.put("solved1e8", solved8);
            row.put("models", models.size());
            row.put("sgmSeconds", sgmTime);
            row.put("sgmKktPasses", Double.isNaN(sgmPasses) ? null : sgmPasses);
            row.put("worstObjectiveError", worst);
            row.put("medianKktPassRatioToPdlp", ratios.isEmpty() ? null : median);
            row.put("modelsInRatio", ratios.size());
            summary.add(row);
        }
        PerformanceProfile profile = PerformanceProfile.of(solvers, times);
        t.append("\nDolan–Moré profile of time (share of models solved at 1e-8 within τ × the fastest):\n");
        t.append(String.format(Locale.ROOT, "%-16s", "τ"));
        double[] taus = {1, 2, 4, 10, 100};
        for (double tau : taus) {
            t.append(String.format(Locale.ROOT, "%8.0f", tau));
        }
        t.append('\n');
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (int si = 0; si < solvers.size(); si++) {
            t.append(String.format(Locale.ROOT, "%-16s", solvers.get(si)));
            double[] f = new double[taus.length];
            for (int k = 0; k < taus.length; k++) {
                f[k] = profile.fraction(si, taus[k]);
                t.append(String.format(Locale.ROOT, "%8.2f", f[k]));
            }
            t.append('\n');
            profiles.add(Map.of("solver", solvers.get(si), "tau", taus, "fraction", f));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tolerance", 1e-8);
        json.put("secondsPerSolve", s.seconds());
        json.put("iterationsPerSolve", s.iterations());
        json.put("threads", s.threads());
        json.put("reference", reference);
        json.put("runs", runs.stream().map(LpRun::fields).toList());
        json.put("summary", summary);
        json.put("timeProfile", profiles);
        return new Result(List.copyOf(runs), reference, t.toString(), json);
    }

    private static Double referenceOf(List<LpRun> runs, String model) {
        for (String peer : List.of("ortools-highs", "ortools-glop")) {
            LpRun r = find(runs, model, peer);
            if (r != null && r.optimal()) {
                return r.objective();
            }
        }
        return Double.NaN;
    }

    private static LpRun find(List<LpRun> runs, String model, String solver) {
        for (LpRun r : runs) {
            if (r.model().equals(model) && r.solver().equals(solver)) {
                return r;
            }
        }
        return null;
    }

    /** |f − f*| / max(1, |f*|), NaN without both. */
    static double error(LpRun r, Double reference) {
        if (reference == null || Double.isNaN(reference) || Double.isNaN(r.objective())) {
            return Double.NaN;
        }
        return Math.abs(r.objective() - reference) / Math.max(1, Math.abs(reference));
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1e", v);
    }

    private static String shorten(String status) {
        return status.length() > 18 ? status.substring(0, 18) : status;
    }
}
