package io.fixpoint.bench.ranking;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.BradleyTerryModel;
import io.fixpoint.ranking.Ranking;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.ranking.Ties;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.SolverSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ranking bench: every ranking method of the catalogue on the fits certified against R's
 * BradleyTerry2 (the shipped data) and on seeded random comparison graphs, BradleyTerry2 itself beside
 * them when R is installed, and Newman's claim (his iteration "over a hundred times faster" than
 * Zermelo's "in some cases") as the ratio of the two measured side by side.
 *
 * <p>One judge for every tool: a solve is <b>solved</b> when ‖∇f‖ ≤ {@value #TOLERANCE} at its
 * returned estimate (recomputed by Fixpoint's model) <i>and</i>, on the certified fits, every estimate
 * (score contrasts, centred MAP scores, h, log ν) is within {@value #AGREEMENT} relative of
 * BradleyTerry2's (this run's live fit, else its frozen fit). Times are CPU seconds of the fitting
 * thread, medians of timed repeats after JIT warm-up; iteration and evaluation counts are exact.
 */
public final class RankingBench {
    public static final String SUITE = "ranking";
    /** The judge's bound on ‖∇f‖ at the returned estimate. */
    public static final double TOLERANCE = 1e-10;
    /** The judge's bound on the relative difference from BradleyTerry2's estimates. */
    public static final double AGREEMENT = 1e-8;
    /** Newman's "over a hundred times faster". */
    public static final double CLAIMED_RATIO = 100;
    /** The peer's tool name in the records. */
    public static final String PEER = "bradleyterry2";

    /**
     * What to run.
     *
     * @param full          the grid of random graphs of 10⁵ games (minutes) instead of the small one
     * @param repeats       fewest timed repeats of a fast solve
     * @param perSolve      time limit of one solve; a solve that hits it is BUDGET_EXHAUSTED
     * @param maxIterations iteration limit of one solve
     * @param reference     run R's BradleyTerry2 when Rscript is installed
     * @param methods       the catalogue's ranking methods to run
     */
    public record Settings(boolean full, int repeats, Duration perSolve, int maxIterations, boolean reference, List<String> methods) {
        public Settings {
            if (repeats < 1 || perSolve == null || perSolve.isNegative() || perSolve.isZero() || maxIterations < 1) {
                throw new IllegalArgumentException("the ranking bench needs repeats ≥ 1, a positive time per solve and maxIterations ≥ 1");
            }
            if (methods == null || methods.isEmpty()) {
                throw new IllegalArgumentException("the ranking bench needs at least one method");
            }
            methods = List.copyOf(methods);
        }

        /** The quick run: every method, 3 repeats, 30 s and 300 000 iterations per solve, BradleyTerry2 when present. */
        public static Settings quick(Catalog catalog) {
            return new Settings(false, 3, Duration.ofSeconds(30), 300_000, true, catalog.names(ProblemKind.RANKING));
        }

        public Settings withFull(boolean f) {
            return new Settings(f, repeats, perSolve, maxIterations, reference, methods);
        }

        public Settings withMethods(List<String> m) {
            return new Settings(full, repeats, perSolve, maxIterations, reference, m);
        }

        public Settings withRepeats(int r) {
            return new Settings(full, r, perSolve, maxIterations, reference, methods);
        }

        public Settings withPerSolve(Duration d) {
            return new Settings(full, repeats, d, maxIterations, reference, methods);
        }

        public Settings withReference(boolean on) {
            return new Settings(full, repeats, perSolve, maxIterations, on, methods);
        }

        /** The driver settings of one solve: {@code method}'s defaults with ‖∇f‖ ≤ the judge's bound and this run's budgets. */
        io.fixpoint.solve.Settings driver(SolverSpec<RankingProblem> method) {
            return method.defaults().override(TOLERANCE, null, maxIterations, perSolve);
        }
    }

    /**
     * One model to rank.
     *
     * @param name        short name
     * @param description what it is
     * @param model       the model
     * @param certified   the BradleyTerry2 fit of the same model, or null (random graphs)
     */
    public record Instance(String name, String description, BradleyTerryModel model, ReferenceCase certified) {
    }

    /**
     * Newman's claim on one instance: Zermelo's iteration against his.
     *
     * @param iterationRatio Zermelo's iterations / Newman's (a lower bound when Zermelo did not converge)
     * @param timeRatio      Zermelo's time / Newman's (likewise)
     * @param lowerBound     whether Zermelo stopped at a budget, so the ratios are lower bounds
     * @param holds          whether the measured iteration ratio reaches 100
     */
    public record Claim(String instance, int zermelo, int newman, double iterationRatio, double timeRatio, boolean lowerBound, boolean holds) {
    }

    /**
     * Everything one run measured.
     *
     * @param records          one per solve, Fixpoint's and BradleyTerry2's, judged
     * @param certification    Fixpoint's Newton fit with standard errors against BradleyTerry2, per certified fit
     * @param referenceSource  where the judge's reference estimates came from (live or frozen)
     * @param referenceSeconds wall time of the one R process that fitted every certified model (NaN when not run)
     */
    public record Result(Settings settings, List<Instance> instances, List<SolveRecord> records, List<Claim> claims,
            List<ReferenceCase.Agreement> certification, String referenceSource, double referenceSeconds, List<String> notes) {
    }

    private RankingBench() {
    }

    /** The certified fits of the shipped data, then the random graphs (one of 10⁴ games on 30 items; fifteen of 10⁵ games in the full grid). */
    public static List<Instance> instances(boolean full) {
        List<Instance> out = new ArrayList<>();
        for (ReferenceCase c : ReferenceCase.values()) {
            out.add(new Instance(c.label(), c.description(), c.model(), c));
        }
        for (double[] g : full ? FULL_GRID : GRID) {
            SyntheticComparisons s = new SyntheticComparisons((int) g[0], (int) g[2], g[1], 1);
            BradleyTerryModel mle = BradleyTerryModel.of(s.data());
            boolean exists = mle.existenceProblem().isEmpty();
            BradleyTerryModel model = exists ? mle : BradleyTerryModel.of(mle.data(), Ties.HALF, false, true);
            out.add(new Instance(String.format(Locale.ROOT, "random-%d-%dk-s%s%s", (int) g[0], (int) g[2] / 1000, trim(g[1]), exists ? "" : "-map"),
                    s.label() + (exists ? "" : ", MAP (the MLE does not exist)"), model, null));
        }
        return out;
    }

    /** Random graphs: {items, spread of the log-strengths, games}. */
    private static final double[][] GRID = {{30, 3, 10_000}};
    private static final double[][] FULL_GRID = {{100, 0.5, 1e5}, {100, 1, 1e5}, {100, 1.5, 1e5}, {100, 2, 1e5}, {100, 3, 1e5}, {1000, 0.5, 1e5},
        {1000, 1, 1e5}, {1000, 1.5, 1e5}, {1000, 2, 1e5}, {1000, 3, 1e5}, {10_000, 0.5, 1e5}, {10_000, 1, 1e5}, {10_000, 1.5, 1e5},
        {10_000, 2, 1e5}, {10_000, 3, 1e5}};

    /** Runs every chosen method on every instance, then BradleyTerry2; {@code done} hears of each finished solve. */
    public static Result run(Settings settings, Catalog catalog, List<Instance> instances, Consumer<String> done) {
        List<String> notes = new ArrayList<>();
        List<BradleyTerry2.Estimate> live = null;
        double referenceSeconds = Double.NaN;
        if (settings.reference()) {
            long t0 = System.nanoTime();
            try {
                live = BradleyTerry2.run(Duration.ofMinutes(10));
                referenceSeconds = (System.nanoTime() - t0) * 1e-9;
            } catch (BradleyTerry2.Unavailable e) {
                notes.add("BradleyTerry2 skipped: " + e.getMessage() + "; the certified fits are judged against its frozen fits");
            }
            done.accept(PEER);
        } else {
            notes.add("BradleyTerry2 not run (peers switched off); the certified fits are judged against its frozen fits");
        }
        List<BradleyTerry2.Estimate> reference = live != null ? live : BradleyTerry2.frozen();
        String source = live != null ? "BradleyTerry2 run live in this run" : "BradleyTerry2's frozen fits (" + BradleyTerry2.FROZEN + ")";
        List<SolveRecord> records = new ArrayList<>();
        for (Instance instance : instances) {
            for (String method : settings.methods()) {
                records.add(solve(instance, catalog.ranking(method), settings, reference));
                done.accept(instance.name() + " " + method);
            }
            if (live != null && instance.certified() != null) {
                records.add(peer(instance, live, referenceSeconds));
            }
        }
        List<ReferenceCase.Agreement> certification = new ArrayList<>();
        if (live != null) {
            SolverSpec<RankingProblem> newton = catalog.ranking(catalog.defaultMethod(ProblemKind.RANKING));
            for (ReferenceCase c : ReferenceCase.values()) {
                certification.add(c.agreement(Ranking.fit(c.model(), newton), live));
            }
        }
        return new Result(settings, instances, records, claims(instances, records), certification, source, referenceSeconds, notes);
    }

    /**
     * One method on one instance, judged: the first run's counts, the median CPU time of the timed
     * repeats; a method that does not apply to the model is NOT_APPLICABLE with its reason.
     */
    static SolveRecord solve(Instance instance, SolverSpec<RankingProblem> method, Settings settings, List<BradleyTerry2.Estimate> reference) {
        io.fixpoint.solve.Settings driver = settings.driver(method);
        Supplier<RankingFit> once = () -> Ranking.fit(instance.model(), method, driver, false);
        Timing.Timed<RankingFit> timed;
        try {
            timed = time(once, settings.repeats());
        } catch (IllegalArgumentException e) {
            return SolveRecord.failed(SUITE, instance.name(), instance.model().dimension(), method.name(), method.family(),
                    SolveRecord.Outcome.NOT_APPLICABLE, e.getMessage());
        }
        RankingFit f = timed.result();
        double[] theta = parameters(f);
        double disagreement = instance.certified() == null ? Double.NaN : instance.certified().estimateError(theta, reference);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("gradientNorm", f.gradientNorm());
        figures.put("referenceError", disagreement);
        figures.put("logLikelihood", f.logLikelihood());
        return SolveRecord.of(SUITE, instance.name(), method.name(), method.family(), f.solution(), judge(f.gradientNorm(), disagreement),
                f.logLikelihood(), f.gradientNorm(), timed.seconds(), timed.repeats(), figures);
    }

    /** BradleyTerry2's fit of a certified instance as a record, judged by the same rule at its estimate. */
    private static SolveRecord peer(Instance instance, List<BradleyTerry2.Estimate> live, double seconds) {
        ReferenceCase c = instance.certified();
        double[] theta = c.parameters(live);
        BradleyTerryModel m = instance.model();
        double[] g = new double[m.dimension()];
        m.objective().gradient(theta, g);
        double gradientNorm = Vectors.norm(g);
        double disagreement = c.estimateError(theta, live);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("gradientNorm", gradientNorm);
        figures.put("referenceError", disagreement);
        figures.put("logLikelihood", m.logLikelihood(theta));
        figures.put("processSeconds", seconds);
        return new SolveRecord(SUITE, instance.name(), m.dimension(), PEER, c.peerMethod(), "R", SolveRecord.Outcome.RAN, null, "converged",
                true, judge(gradientNorm, disagreement), "glm with epsilon 1e-13, refitted from its own estimate", -1, Map.of(),
                m.logLikelihood(theta), gradientNorm, Double.NaN, 1, theta, null, figures);
    }

    /** The judge: ‖∇f‖ ≤ 1e-10 at the estimate and, where there is a reference, within 1e-8 relative of it (NaN: none). */
    public static boolean judge(double gradientNorm, double referenceError) {
        return gradientNorm <= TOLERANCE && (Double.isNaN(referenceError) || referenceError <= AGREEMENT);
    }

    /** θ as reported: the centred scores, then h and log ν when the model has them. */
    static double[] parameters(RankingFit f) {
        BradleyTerryModel m = f.model();
        double[] theta = Arrays.copyOf(f.scores(), m.dimension());
        int k = f.scores().length;
        if (m.homeAdvantage()) {
            theta[k++] = f.homeAdvantage();
        }
        if (m.ties() == Ties.DAVIDSON) {
            theta[k] = f.logTie();
        }
        return theta;
    }

    /**
     * The first run kept; a fit under a second is warmed up and timed again, as many times as fit in
     * about a tenth of a second (at least {@code repeats}, at most 100), and the median reported. Time
     * is the CPU time of the fitting thread (the existence check, the solve and the certificate): on a
     * shared machine the wall time of a millisecond solve measures the scheduler, not the solve.
     */
    private static Timing.Timed<RankingFit> time(Supplier<RankingFit> solve, int repeats) {
        double[] once = new double[1];
        RankingFit first = cpu(solve, once);
        if (once[0] >= 1 || repeats == 1) {
            return new Timing.Timed<>(first, once[0], 1);
        }
        int runs = (int) Math.max(repeats, Math.min(100, Math.ceil(0.1 / Math.max(once[0], 1e-6))));
        for (int k = 0; k < Math.max(2, runs / 4); k++) {
            solve.get();
        }
        double[] times = new double[runs];
        for (int k = 0; k < runs; k++) {
            cpu(solve, once);
            times[k] = once[0];
        }
        return new Timing.Timed<>(first, Timing.median(times), runs);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Runs {@code solve}, writing its CPU seconds (wall seconds where CPU time is not measured) into {@code seconds[0]}. */
    private static RankingFit cpu(Supplier<RankingFit> solve, double[] seconds) {
        boolean measured = THREADS.isCurrentThreadCpuTimeSupported();
        long t0 = measured ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        RankingFit fit = solve.get();
        seconds[0] = ((measured ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) * 1e-9;
        return fit;
    }

    private static List<Claim> claims(List<Instance> instances, List<SolveRecord> records) {
        List<Claim> out = new ArrayList<>();
        for (Instance i : instances) {
            SolveRecord z = record(records, i.name(), "zermelo");
            SolveRecord n = record(records, i.name(), "newman");
            if (z == null || n == null || !n.solved() || !z.applicable()) {
                continue;
            }
            double it = (double) z.iterations() / n.iterations();
            double t = z.seconds() / n.seconds();
            out.add(new Claim(i.name(), z.iterations(), n.iterations(), it, t, !z.solved(), it >= CLAIMED_RATIO));
        }
        return out;
    }

    /** Fixpoint's record of {@code method} on {@code instance}, or null. */
    public static SolveRecord record(List<SolveRecord> records, String instance, String method) {
        return records.stream().filter(r -> r.isFixpoint() && r.problem().equals(instance) && r.method().equals(method)).findFirst()
                .orElse(null);
    }

    /** The run as text: one table per instance, Newman's claim, the BradleyTerry2 agreement, notes. */
    public static String text(Result result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Bradley–Terry ranking. Solved: ‖∇f‖ ≤ %.0e at the returned estimate (recomputed by Fixpoint) "
                + "and, on the certified fits, every estimate within %.0e relative of the reference (%s). Times: CPU seconds, medians.%n",
                TOLERANCE, AGREEMENT, result.referenceSource()));
        for (Instance i : result.instances()) {
            BradleyTerryModel m = i.model();
            sb.append(String.format(Locale.ROOT, "%n%s — %s (%d items, %d pairings, %.0f comparisons)%n", i.name(), i.description(),
                    m.data().itemCount(), m.data().recordCount(), m.data().comparisons()));
            sb.append(String.format(Locale.ROOT, "  %-18s %-15s %-16s %7s %9s %10s %10s %10s%n", "method", "tool", "status", "solved", "iter",
                    "‖∇f‖", "ref. err", "seconds"));
            for (SolveRecord r : result.records()) {
                if (!r.problem().equals(i.name())) {
                    continue;
                }
                if (!r.applicable()) {
                    sb.append(String.format(Locale.ROOT, "  %-18s %-15s %-16s %s%n", r.method(), r.tool(), r.statusText(), r.message()));
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "  %-18s %-15s %-16s %7s %9s %10.2e %10s %10s%n", r.method(), r.tool(), r.statusText(),
                        r.solved() ? "yes" : "no", r.iterations() < 0 ? "—" : String.valueOf(r.iterations()), r.optimality(),
                        number(r.figure("referenceError", Double.NaN), "%.1e"), number(r.seconds(), "%.4f")));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nNewman (2023): his iteration is \"over a hundred times faster in some cases\" than Zermelo's "
                + "(claimed ratio ≥ %.0f) — measured side by side%n", CLAIMED_RATIO));
        sb.append(String.format(Locale.ROOT, "  %-28s %10s %10s %10s %10s %10s  %s%n", "instance", "Zermelo it", "Newman it", "claimed",
                "it ratio", "time ratio", "≥ 100×?"));
        for (Claim c : result.claims()) {
            String bound = c.lowerBound() ? ">" : "";
            sb.append(String.format(Locale.ROOT, "  %-28s %10d %10d %10s %10s %10s  %s%n", c.instance(), c.zermelo(), c.newman(),
                    "> " + (int) CLAIMED_RATIO, bound + String.format(Locale.ROOT, "%.1f", c.iterationRatio()),
                    bound + String.format(Locale.ROOT, "%.1f", c.timeRatio()),
                    c.holds() ? "yes" : c.lowerBound() ? "unknown (Zermelo stopped at its budget)" : "no"));
        }
        if (!result.certification().isEmpty()) {
            sb.append("\nFixpoint's default method with standard errors against BradleyTerry2 run live: largest relative difference\n");
            sb.append(String.format(Locale.ROOT, "  %-26s %9s %12s %16s%n", "fit", "compared", "estimates", "standard errors"));
            for (ReferenceCase.Agreement a : result.certification()) {
                sb.append(String.format(Locale.ROOT, "  %-26s %9d %12.1e %16.1e%n", a.fit().label(), a.compared(), a.estimateError(),
                        a.standardErrorError()));
            }
        }
        for (String note : result.notes()) {
            sb.append('\n').append(note).append('\n');
        }
        return sb.toString();
    }

    /** The claims and the certification as one JSON-ready map (the records travel as results.json). */
    public static Map<String, Object> summary(Result result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tolerance", TOLERANCE);
        doc.put("agreement", AGREEMENT);
        doc.put("reference", result.referenceSource());
        doc.put("claimedRatio", CLAIMED_RATIO);
        doc.put("claims", result.claims());
        doc.put("certification", result.certification().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fit", a.fit().label());
            m.put("compared", a.compared());
            m.put("estimateError", a.estimateError());
            m.put("standardErrorError", a.standardErrorError());
            m.put("worst", a.worst());
            return m;
        }).toList());
        doc.put("notes", result.notes());
        return doc;
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "—";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
