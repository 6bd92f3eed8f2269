package io.fixpoint.bench.lp;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.report.PerformanceProfile;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The linear-programming bench: Fixpoint's PDHG solvers beside OR-Tools' PDLP, Glop (simplex) and
 * HiGHS, and SciPy's {@code linprog(method="highs")}, on the same programs, the same ε and the same
 * wall-time and iteration budgets per solve, every solve judged by {@link LpJudge}.
 *
 * <p>Fixpoint's methods run in this JVM, OR-Tools in child JVMs ({@link ChildRuns}), SciPy through the
 * Python bridge ({@link ScipyLinprog}); with {@code isolate} every OR-Tools and Fixpoint solve gets a
 * child of its own and its peak resident memory is reported. Shifted geometric means use shifts of
 * 1 s and 100 KKT passes, an unsolved run counting the time budget and the passes it used.
 */
public final class LpBench {
    public static final String SUITE = "lp";
    public static final List<String> ORTOOLS = List.of("ortools-pdlp", "ortools-glop", "ortools-highs");
    public static final String SCIPY = "scipy-highs";
    /** Shifts of the geometric means. */
    static final double TIME_SHIFT = 1;
    static final double PASS_SHIFT = 100;

    /** The large generated programs of {@code --full}, from 4·10⁵ to 10⁷ non-zeros. */
    public static final List<String> LARGE = List.of("gen:transport:200:1000:1", "gen:pagerank:200000:4:1",
            "gen:svm:20000:2000:0.02:1", "gen:transport:1000:2000:1", "gen:pagerank:2000000:4:1", "gen:transport:1000:5000:1");

    /**
     * @param models     programs: netlib:NAME or gen:SPEC
     * @param methods    Fixpoint methods (catalogue names)
     * @param peers      from {@link #ORTOOLS} and {@link #SCIPY}
     * @param seconds    wall-time budget of each solve
     * @param iterations iteration budget of each first-order solve (one KKT pass per iteration)
     * @param threads    threads for every solver
     * @param isolate    one child JVM per solve, memory measured
     * @param heap       -Xmx of the child JVMs
     */
    public record Settings(List<String> models, List<String> methods, List<String> peers, double seconds, int iterations, int threads,
            boolean isolate, String heap) {

        public Settings {
            models = List.copyOf(models);
            methods = List.copyOf(methods);
            peers = List.copyOf(peers);
        }

        /** The quick Netlib subset, every method, every peer, 20 s and 10⁵ iterations per solve. */
        public static Settings quick() {
            return new Settings(netlib(Netlib.QUICK), METHODS, ALL_PEERS, 20, 100_000, 1, false, "2g");
        }

        /** Every Netlib model, 60 s and 10⁵ iterations per solve. */
        public static Settings netlib() {
            return new Settings(netlib(Netlib.ALL), METHODS, ALL_PEERS, 60, 100_000, 1, false, "2g");
        }

        /** The large generated programs, each solve in a child JVM of its own, 300 s per solve, two threads. */
        public static Settings large() {
            return new Settings(LARGE, List.of("r2hpdhg"), ORTOOLS, 300, 1_000_000, 2, true, "12g");
        }

        public Settings withModels(List<String> m) {
            return new Settings(m, methods, peers, seconds, iterations, threads, isolate, heap);
        }

        public Settings withMethods(List<String> m) {
            return new Settings(models, m, peers, seconds, iterations, threads, isolate, heap);
        }

        public Settings withPeers(List<String> p) {
            return new Settings(models, methods, p, seconds, iterations, threads, isolate, heap);
        }

        public Settings withSeconds(double s) {
            return new Settings(models, methods, peers, s, iterations, threads, isolate, heap);
        }

        public Settings withIterations(int n) {
            return new Settings(models, methods, peers, seconds, n, threads, isolate, heap);
        }

        /** A Fixpoint method's catalogue defaults held to this run's ε and budgets. */
        io.fixpoint.solve.Settings budgetOf(SolverSpec<LinearProgram> spec) {
            return spec.defaults().override(LpJudge.TOLERANCE, null, iterations, Duration.ofNanos((long) (seconds * 1e9)));
        }

        private static List<String> netlib(List<String> names) {
            return names.stream().map(n -> "netlib:" + n).toList();
        }
    }

    private static final List<String> METHODS = Catalog.builtIn().names(ProblemKind.LINEAR_PROGRAM);
    private static final List<String> ALL_PEERS = List.of("ortools-pdlp", "ortools-glop", "ortools-highs", SCIPY);

    /**
     * One solver's line of the summary.
     *
     * @param solved1e4        models where it reached relative KKT error 1e-4 (or was solved)
     * @param solved1e8        models solved by the judge's rule
     * @param sgmKktPasses     NaN for a solver that does not count KKT passes
     * @param worstClaimError  the largest objective error of a claimed optimum (NaN without a claim and a reference)
     * @param rejectedClaims   claimed optima whose objective disagreed with the reference
     * @param medianPassRatio  median of its KKT passes over PDLP's, on the models both solve
     * @param infeasibleClaims infeasibility verdicts on models whose reference optimum shows them feasible and bounded
     */
    public record Summary(String solver, int solved1e4, int solved1e8, int models, double sgmSeconds, double sgmKktPasses,
            double worstClaimError, int rejectedClaims, double medianPassRatio, int ratioModels, int infeasibleClaims) {
    }

    /** A run: every solve as the bench saw it and as the judge recorded it, the reference objectives, the summary, notes and text. */
    public record Result(Settings settings, List<LpRun> runs, Map<String, Double> reference, List<SolveRecord> records,
            List<Summary> summary, List<String> notes, String text) {

        public List<String> solvers() {
            return summary.stream().map(Summary::solver).toList();
        }

        /** Model names, in the order of the settings. */
        public List<String> models() {
            return settings.models().stream().map(LpRunner::name).toList();
        }

        /** The record of {@code solver} on {@code model}, or null. */
        public SolveRecord record(String model, String solver) {
            return find(records, model, solver);
        }

        /** Non-zeros of a model as the processes that read it counted them (−1 when none did). */
        public long nonZeros(String model) {
            return runs.stream().filter(r -> r.model().equals(model)).mapToLong(LpRun::nonZeros).max().orElse(-1);
        }
    }

    private LpBench() {
    }

    /**
     * {@code LpBench quick|netlib|large [SECONDS] [METHODS] [PEERS] [OUT.json] [ITERATIONS] [MODELS]}: runs a set and prints the
     * report, one line per solve on stderr; METHODS, PEERS and MODELS are comma-separated, "-" for none.
     */
    public static void main(String[] args) throws IOException {
        Settings s = switch (args.length > 0 ? args[0] : "quick") {
            case "netlib" -> Settings.netlib();
            case "large" -> Settings.large();
            default -> Settings.quick();
        };
        s = s.withSeconds(args.length > 1 ? Double.parseDouble(args[1]) : s.seconds())
                .withMethods(args.length > 2 ? names(args[2]) : s.methods())
                .withPeers(args.length > 3 ? names(args[3]) : s.peers())
                .withIterations(args.length > 5 ? Integer.parseInt(args[5]) : s.iterations())
                .withModels(args.length > 6 ? names(args[6]) : s.models());
        Result r = run(s, Catalog.builtIn(), run -> System.err.printf(Locale.ROOT, "%-12s %-14s %-18s %8.2f s%n", run.model(), run.solver(),
                shorten(run.status()), run.seconds()));
        System.out.print(r.text());
        r.notes().forEach(n -> System.err.println("note: " + n));
        if (args.length > 4) {
            Map<String, Object> json = json(r);
            json.put("runs", r.records().stream().map(SolveRecord::json).toList());
            Files.writeString(Path.of(args[4]), BenchFiles.json(json));
        }
    }

    private static List<String> names(String csv) {
        return csv.equals("-") ? List.of() : List.of(csv.split(","));
    }

    /** Runs the peers, then Fixpoint's methods, model by model; {@code progress} hears every finished solve. */
    public static Result run(Settings s, Catalog catalog, Consumer<LpRun> progress) {
        List<LpRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Consumer<List<LpRun>> add = batch -> batch.forEach(r -> {
            // a child that ran several solves measured its whole life, not one solve
            LpRun kept = s.isolate() || r.result() != null ? r : r.withMemory(Double.NaN, Double.NaN);
            runs.add(kept);
            progress.accept(kept);
        });
        try {
            for (String peer : s.peers()) {
                if (peer.equals(SCIPY)) {
                    ScipyLinprog.run(s.models(), s.seconds(), add).ifPresent(why -> notes.add("SciPy's linprog(method=\"highs\") was "
                            + "skipped: " + why + ". Install it with 'apt-get install python3-scipy' or 'pip install scipy' "
                            + "(or point $FIXPOINT_PYTHON at an interpreter that has it)."));
                } else if (s.isolate()) {
                    for (String model : s.models()) {
                        add.accept(ChildRuns.run(peer, List.of(model), LpJudge.TOLERANCE, s.seconds(), s.iterations(), s.threads(), s.heap()));
                    }
                } else {
                    add.accept(ChildRuns.run(peer, s.models(), LpJudge.TOLERANCE, s.seconds(), s.iterations(), s.threads(), s.heap()));
                }
            }
            Map<String, LinearProgram> loaded = new HashMap<>();
            for (String method : s.methods()) {
                SolverSpec<LinearProgram> spec = catalog.linearProgram(method);
                for (String model : s.models()) {
                    if (s.isolate()) {
                        add.accept(ChildRuns.run(method, List.of(model), LpJudge.TOLERANCE, s.seconds(), s.iterations(), s.threads(), s.heap()));
                    } else {
                        LinearProgram lp = loaded.computeIfAbsent(model, LpRunner::load);
                        add.accept(List.of(LpRunner.fixpoint(spec, LpRunner.name(model), lp, s.budgetOf(spec), s.threads())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a child JVM: " + e.getMessage(), e);
        }
        for (String peer : ORTOOLS) {
            List<LpRun> mine = runs.stream().filter(r -> r.solver().equals(peer)).toList();
            if (!mine.isEmpty() && mine.stream().allMatch(LpRun::failed)) {
                notes.add("OR-Tools " + peer.substring(8) + " could not run (" + mine.get(0).status().substring(ChildRuns.ERROR.length())
                        + "). It comes with the bench module (com.google.ortools:ortools-java, natives for Linux, macOS and Windows on "
                        + "x86-64 and Linux/macOS on arm64); rebuild with 'mvn -q install -DskipTests' if the jar is missing.");
            }
        }
        return summarise(s, catalog, runs, notes);
    }

    /** Judges every run, summarises per solver and writes the text. */
    static Result summarise(Settings s, Catalog catalog, List<LpRun> runs, List<String> notes) {
        List<String> models = s.models().stream().map(LpRunner::name).toList();
        Map<String, Double> reference = new LinkedHashMap<>();
        for (String m : models) {
            reference.put(m, LpJudge.reference(runs, m));
        }
        Map<String, Integer> columns = new HashMap<>();
        runs.stream().filter(r -> r.columns() >= 0).forEach(r -> columns.put(r.model(), r.columns()));
        List<SolveRecord> records = new ArrayList<>();
        for (LpRun r : runs) {
            records.add(record(r, reference.get(r.model()), columns.getOrDefault(r.model(), 0), catalog));
        }
        List<String> solvers = new ArrayList<>(s.methods());
        solvers.addAll(s.peers());
        List<Summary> summary = new ArrayList<>();
        for (String solver : solvers) {
            summary.add(summary(solver, models, records, s.seconds()));
        }
        Result partial = new Result(s, List.copyOf(runs), reference, records, summary, List.copyOf(notes), "");
        return new Result(s, partial.runs(), reference, records, summary, partial.notes(), text(partial));
    }

    /** The judged record of one run: Fixpoint's solution where it ran here, the run's figures otherwise. */
    static SolveRecord record(LpRun r, double reference, int columns, Catalog catalog) {
        boolean solved = LpJudge.solved(r, reference);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reference", reference);
        figures.put("objectiveError", LpJudge.error(r, reference));
        figures.put("reached1e4", LpJudge.reachedLoose(r, reference));
        figures.put("kktPasses", r.kktPasses());
        figures.put("secondsTo1e4", r.secondsTo1e4());
        figures.put("kktPassesTo1e4", r.kktPassesTo1e4());
        figures.put("nonZeros", r.nonZeros());
        figures.put("peakMemoryMb", r.peakMemoryMb());
        figures.put("baseMemoryMb", r.baseMemoryMb());
        boolean fixpoint = !r.solver().startsWith("ortools-") && !r.solver().startsWith("scipy-");
        if (fixpoint) {
            String family = catalog.linearProgram(r.solver()).family();
            if (r.failed()) {
                return SolveRecord.failed(SUITE, r.model(), columns, r.solver(), family, SolveRecord.Outcome.ERROR, r.status());
            }
            if (r.result() != null) {
                figures.put("primalResidual", r.result().kkt().relativePrimalResidual());
                figures.put("dualResidual", r.result().kkt().relativeDualResidual());
                figures.put("gap", r.result().kkt().relativeGap());
                return SolveRecord.of(SUITE, r.model(), r.solver(), family, r.result().solution(), solved, r.objective(),
                        r.result().kkt().relative(), r.seconds(), 1, figures).withoutPoint();
            }
            Status status = r.optimal() ? Status.CONVERGED : Status.valueOf(r.status());
            return new SolveRecord(SUITE, r.model(), columns, SolveRecord.FIXPOINT, r.solver(), family, SolveRecord.Outcome.RAN, status, null,
                    r.optimal(), solved, r.status(), (int) r.iterations(), Map.of("matrixVector", 2 * r.kktPasses()), r.objective(), Double.NaN,
                    r.seconds(), 1, null, null, figures);
        }
        int dash = r.solver().indexOf('-');
        String tool = r.solver().substring(0, dash);
        String method = r.solver().substring(dash + 1);
        String family = method.equals("pdlp") ? Catalog.PRIMAL_DUAL : "simplex";
        Map<String, Long> counts = r.kktPasses() >= 0 ? Map.of("matrixVector", 2 * r.kktPasses()) : Map.of();
        return new SolveRecord(SUITE, r.model(), columns, tool, method, family, r.failed() ? SolveRecord.Outcome.ERROR : SolveRecord.Outcome.RAN,
                null, r.status(), r.optimal(), solved, r.status(), (int) r.iterations(), counts, r.objective(), Double.NaN, r.seconds(), 1, null,
                null, figures);
    }

    /** The name the bench gives a record's solver: Fixpoint's method, or tool-method for a peer. */
    public static String name(SolveRecord r) {
        return r.isFixpoint() ? r.method() : r.tool() + "-" + r.method();
    }

    private static Summary summary(String solver, List<String> models, List<SolveRecord> records, double budget) {
        int solved4 = 0;
        int solved8 = 0;
        double logTime = 0;
        double logPasses = 0;
        int passCount = 0;
        double worst = Double.NaN;
        int rejected = 0;
        int infeasible = 0;
        List<Double> ratios = new ArrayList<>();
        for (String m : models) {
            SolveRecord r = find(records, m, solver);
            boolean solved = r != null && r.solved();
            solved8 += solved ? 1 : 0;
            solved4 += r != null && Boolean.TRUE.equals(r.figures().get("reached1e4")) ? 1 : 0;
            logTime += Math.log((solved ? r.seconds() : budget) + TIME_SHIFT);
            if (r == null) {
                continue;
            }
            double passes = r.figure("kktPasses", -1);
            if (passes >= 0) {
                logPasses += Math.log(passes + PASS_SHIFT);
                passCount++;
            }
            double error = r.figure("objectiveError", Double.NaN);
            if (r.claimed() && !Double.isNaN(error)) {
                worst = Double.isNaN(worst) ? error : Math.max(worst, error);
                rejected += r.solved() ? 0 : 1;
            }
            boolean feasible = !Double.isNaN(r.figure("reference", Double.NaN));
            if (feasible && infeasibilityVerdict(r)) {
                infeasible++;
            }
            SolveRecord pdlp = find(records, m, "ortools-pdlp");
            if (solved && pdlp != null && pdlp.solved() && passes > 0 && pdlp.figure("kktPasses", -1) > 0 && !solver.equals("ortools-pdlp")) {
                ratios.add(passes / pdlp.figure("kktPasses", -1));
            }
        }
        double sgmTime = Math.exp(logTime / models.size()) - TIME_SHIFT;
        double sgmPasses = passCount == 0 ? Double.NaN : Math.exp(logPasses / passCount) - PASS_SHIFT;
        return new Summary(solver, solved4, solved8, models.size(), sgmTime, sgmPasses, worst, rejected, median(ratios), ratios.size(),
                infeasible);
    }

    /** A record's status in the words of LP: OPTIMAL for a converged Fixpoint solve, otherwise its status text. */
    public static String status(SolveRecord r) {
        return r.status() == Status.CONVERGED ? "OPTIMAL" : r.statusText();
    }

    /** Whether a record says the program has no optimum: an infeasibility status (Fixpoint's or the peer's own words). */
    static boolean infeasibilityVerdict(SolveRecord r) {
        if (r.status() != null) {
            return r.status() == Status.PRIMAL_INFEASIBLE || r.status() == Status.DUAL_INFEASIBLE;
        }
        String s = r.toolStatus() == null ? "" : r.toolStatus();
        return s.contains("INFEASIBLE") || s.contains("UNBOUNDED");
    }

    static SolveRecord find(List<SolveRecord> records, String model, String solver) {
        for (SolveRecord r : records) {
            if (r.problem().equals(model) && name(r).equals(solver)) {
                return r;
            }
        }
        return null;
    }

    /** The Dolan–Moré profile of {@code cost} over the solved records (unsolved: ∞), for {@code solvers}. */
    public static PerformanceProfile profile(Result r, List<String> solvers, String cost) {
        double[][] costs = new double[solvers.size()][r.models().size()];
        for (int si = 0; si < solvers.size(); si++) {
            for (int mi = 0; mi < r.models().size(); mi++) {
                SolveRecord rec = r.record(r.models().get(mi), solvers.get(si));
                double c = rec == null ? Double.NaN : cost.equals("seconds") ? rec.seconds() : rec.figure(cost, -1);
                costs[si][mi] = rec != null && rec.solved() && c >= 0 ? c : Double.POSITIVE_INFINITY;
            }
        }
        return PerformanceProfile.of(solvers, costs);
    }

    /** Solvers that count KKT passes (Fixpoint's and PDLP). */
    public static List<String> passCounting(Result r) {
        return r.summary().stream().filter(x -> !Double.isNaN(x.sgmKktPasses())).map(Summary::solver).toList();
    }

    /**
     * Where the simplex codes stop being the fastest. Each program is won by its fastest solved run;
     * the crossover is the largest program a simplex code won: the sentence says how many programs
     * the simplex codes won, up to which size, and what happened on every larger one.
     */
    public static String crossover(Result r) {
        List<String> models = new ArrayList<>(r.models());
        models.sort(Comparator.comparingLong(r::nonZeros));
        List<SolveRecord> winners = new ArrayList<>();
        int lastSimplex = -1;
        for (String m : models) {
            SolveRecord best = null;
            for (SolveRecord rec : r.records()) {
                if (rec.problem().equals(m) && rec.solved() && (best == null || rec.seconds() < best.seconds())) {
                    best = rec;
                }
            }
            winners.add(best);
            if (simplex(best)) {
                lastSimplex = winners.size() - 1;
            }
        }
        long simplexWins = winners.stream().filter(LpBench::simplex).count();
        long firstOrderWins = winners.stream().filter(w -> w != null && !simplex(w)).count();
        if (lastSimplex < 0) {
            return String.format(Locale.ROOT, "No simplex code was the fastest on any of the %d programs; a first-order solver finished first "
                    + "on %d.", models.size(), firstOrderWins);
        }
        String upTo = String.format(Locale.ROOT, "The simplex codes were the fastest on %d of %d programs, the largest of them %s (%,d non-zeros)",
                simplexWins, models.size(), models.get(lastSimplex), r.nonZeros(models.get(lastSimplex)));
        List<SolveRecord> beyond = winners.subList(lastSimplex + 1, winners.size());
        if (beyond.isEmpty()) {
            long smaller = firstOrderWins;
            return upTo + "; no larger program here: no crossover within this set" + (smaller == 0 ? "." : String.format(Locale.ROOT,
                    " (a first-order solver finished first on %d smaller programs, none taking more than %.3g s).", smaller,
                    winners.stream().filter(w -> w != null && !simplex(w)).mapToDouble(SolveRecord::seconds).max().orElse(0)));
        }
        String first = models.get(lastSimplex + 1);
        long won = beyond.stream().filter(w -> w != null).count();
        return upTo + String.format(Locale.ROOT, "; on every larger program, from %s (%,d non-zeros) on, a first-order solver finished first "
                + "(%d of %d) or none was solved within the budget (%d).", first, r.nonZeros(first), won, beyond.size(), beyond.size() - won);
    }

    private static boolean simplex(SolveRecord r) {
        return r != null && r.family().equals("simplex");
    }

    private static String text(Result r) {
        Settings s = r.settings();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Linear programs: %d models, ε = %.0e, %.0f s, %d iterations and %d thread(s) per solve%n%n",
                r.models().size(), LpJudge.TOLERANCE, s.seconds(), s.iterations(), s.threads()));
        t.append(String.format(Locale.ROOT, "%-12s %-16s %-18s %10s %10s %12s %10s %9s%n", "model", "solver", "status", "seconds", "KKT passes",
                "obj. error", "to 1e-4 s", "memory MB"));
        for (String m : r.models()) {
            for (String solver : r.solvers()) {
                SolveRecord rec = r.record(m, solver);
                if (rec == null) {
                    continue;
                }
                long passes = (long) rec.figure("kktPasses", -1);
                double to4 = rec.figure("secondsTo1e4", Double.NaN);
                double memory = rec.figure("peakMemoryMb", Double.NaN);
                t.append(String.format(Locale.ROOT, "%-12s %-16s %-18s %10.3f %10s %12s %10s %9s%n", m, solver,
                        shorten(status(rec) + (rec.solved() ? "" : rec.claimed() ? " (rejected)" : "")), rec.seconds(),
                        passes < 0 ? "-" : String.valueOf(passes), fmt(rec.figure("objectiveError", Double.NaN)),
                        Double.isNaN(to4) ? "-" : String.format(Locale.ROOT, "%.3f", to4),
                        Double.isNaN(memory) ? "-" : String.format(Locale.ROOT, "%.0f", memory)));
            }
        }
        t.append('\n');
        t.append(String.format(Locale.ROOT, "%-16s %9s %9s %12s %14s %14s %12s%n", "solver", "1e-4", "1e-8", "SGM seconds", "SGM KKT passes",
                "worst error", "passes/PDLP"));
        for (Summary x : r.summary()) {
            t.append(String.format(Locale.ROOT, "%-16s %5d/%-3d %5d/%-3d %12.3f %14s %14s %12s%n", x.solver(), x.solved1e4(), x.models(),
                    x.solved1e8(), x.models(), x.sgmSeconds(), Double.isNaN(x.sgmKktPasses()) ? "-" : String.format(Locale.ROOT, "%.0f",
                            x.sgmKktPasses()), fmt(x.worstClaimError()), x.ratioModels() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f (%d)", x.medianPassRatio(), x.ratioModels())));
        }
        int infeasible = r.summary().stream().mapToInt(Summary::infeasibleClaims).sum();
        int rejected = r.summary().stream().mapToInt(Summary::rejectedClaims).sum();
        t.append(String.format(Locale.ROOT, "%nsolved: OPTIMAL at ε = 1e-8 and objective within %.0e of the simplex reference; "
                + "%d claimed optima rejected, %d infeasibility verdicts on models with a reference optimum%n", LpJudge.AGREEMENT, rejected,
                infeasible));
        PerformanceProfile profile = profile(r, r.solvers(), "seconds");
        t.append("\nDolan–Moré profile of time (share of models solved within τ × the fastest):\n");
        t.append(String.format(Locale.ROOT, "%-16s", "τ"));
        double[] taus = {1, 2, 4, 10, 100};
        for (double tau : taus) {
            t.append(String.format(Locale.ROOT, "%8.0f", tau));
        }
        t.append('\n');
        for (int si = 0; si < r.solvers().size(); si++) {
            t.append(String.format(Locale.ROOT, "%-16s", r.solvers().get(si)));
            for (double tau : taus) {
                t.append(String.format(Locale.ROOT, "%8.2f", profile.fraction(si, tau)));
            }
            t.append('\n');
        }
        t.append('\n').append(crossover(r)).append('\n');
        return t.toString();
    }

    /** The run's settings, reference objectives, summary and crossover, as JSON (the records are the suite's results.json). */
    public static Map<String, Object> json(Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tolerance", LpJudge.TOLERANCE);
        json.put("secondsPerSolve", r.settings().seconds());
        json.put("iterationsPerSolve", r.settings().iterations());
        json.put("threads", r.settings().threads());
        Map<String, Object> reference = new LinkedHashMap<>();
        r.reference().forEach((k, v) -> reference.put(k, SolveRecord.finiteOrString(v)));
        json.put("reference", reference);
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Summary x : r.summary()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("solver", x.solver());
            row.put("solved1e4", x.solved1e4());
            row.put("solved1e8", x.solved1e8());
            row.put("models", x.models());
            row.put("sgmSeconds", x.sgmSeconds());
            row.put("sgmKktPasses", SolveRecord.finiteOrString(x.sgmKktPasses()));
            row.put("worstClaimedObjectiveError", SolveRecord.finiteOrString(x.worstClaimError()));
            row.put("rejectedClaims", x.rejectedClaims());
            row.put("medianKktPassRatioToPdlp", SolveRecord.finiteOrString(x.medianPassRatio()));
            row.put("modelsInRatio", x.ratioModels());
            row.put("infeasibilityVerdictsOnFeasibleModels", x.infeasibleClaims());
            summary.add(row);
        }
        json.put("summary", summary);
        json.put("crossover", crossover(r));
        return json;
    }

    static double median(List<Double> v) {
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
