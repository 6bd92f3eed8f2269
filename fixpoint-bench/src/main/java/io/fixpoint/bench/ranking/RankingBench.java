package io.fixpoint.bench.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.ranking.BradleyTerryModel;
import io.fixpoint.ranking.Ranking;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.ranking.RankingMethod;
import io.fixpoint.ranking.RankingSettings;
import io.fixpoint.ranking.Ties;
import io.fixpoint.solve.Evaluations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ranking bench: every {@link RankingMethod} to ‖∇f‖ ≤ 10⁻¹⁰ on the shipped data and on seeded
 * random comparison graphs of 10⁵ games, Newman's claim (his iteration "over a hundred times
 * faster" than Zermelo's "in some cases") as the ratio of the two measured side by side, and the
 * agreement with R's BradleyTerry2 recomputed live when R is installed.
 *
 * <p>Every solve is judged by its certificate alone: converged means ‖∇f‖ ≤ 10⁻¹⁰ at the reported
 * point (recomputed by {@link Ranking#fit}). Times are CPU seconds of the fitting thread, medians of
 * the timed repeats after JIT warm-up (a fit slower than a second is timed once); iteration and
 * evaluation counts are exact and do not depend on the machine. The time limit of a solve is wall
 * time.
 */
public final class RankingBench {
    static final double TOLERANCE = 1e-10;
    /** Newman's "over a hundred times faster". */
    static final double CLAIMED_RATIO = 100;

    /**
     * What to run.
     *
     * @param full          the larger grid of random graphs (minutes instead of about one)
     * @param repeats       timed repeats of a fast solve
     * @param perSolve      time limit of one solve; a solve that hits it is BUDGET_EXHAUSTED
     * @param maxIterations iteration limit of one solve
     * @param liveReference run R's BradleyTerry2 when Rscript is installed
     * @param methods       the methods to run
     */
    public record Settings(boolean full, int repeats, Duration perSolve, int maxIterations, boolean liveReference, List<RankingMethod> methods) {
        public static final Settings DEFAULT = new Settings(false, 3, Duration.ofSeconds(30), 300_000, true, List.of(RankingMethod.values()));

        public Settings {
            if (repeats < 1 || perSolve == null || perSolve.isNegative() || perSolve.isZero() || maxIterations < 1) {
                throw new IllegalArgumentException("the ranking bench needs repeats ≥ 1, a positive time per solve and maxIterations ≥ 1");
            }
            if (methods == null || methods.isEmpty()) {
                throw new IllegalArgumentException("the ranking bench needs at least one method");
            }
            methods = List.copyOf(methods);
        }

        /** The larger grid of random graphs, with ten minutes per solve. */
        public Settings withFull() {
            return new Settings(true, repeats, Duration.ofMinutes(10), maxIterations, liveReference, methods);
        }

        /** Only {@code chosen} (Newman's claim needs zermelo and newman). */
        public Settings withMethods(RankingMethod... chosen) {
            return new Settings(full, repeats, perSolve, maxIterations, liveReference, List.of(chosen));
        }

        public Settings withoutLiveReference() {
            return new Settings(full, repeats, perSolve, maxIterations, false, methods);
        }
    }

    /**
     * One model to rank.
     *
     * @param name        short name
     * @param description what it is
     * @param model       the model
     */
    public record Instance(String name, String description, BradleyTerryModel model) {
    }

    /**
     * One solve.
     *
     * @param instance     the instance's name
     * @param method       the method's label
     * @param status       how the solve ended, or "n/a" with the reason in {@code note}
     * @param converged    whether ‖∇f‖ ≤ 10⁻¹⁰ at the reported point
     * @param iterations   iterations
     * @param evaluations  evaluations by kind (map, value, gradient, hessian, hessianVector)
     * @param gradientNorm ‖∇f‖ at the reported point
     * @param seconds      median CPU time of the fit
     * @param repeats      how many timed runs the median is over
     * @param note         why a method does not apply, else empty
     */
    public record Row(String instance, String method, String status, boolean converged, int iterations, Map<String, Long> evaluations,
            double gradientNorm, double seconds, int repeats, String note) {
    }

    /**
     * Newman's claim on one instance: Zermelo's iteration against his.
     *
     * @param iterationRatio Zermelo's iterations / Newman's (a lower bound when Zermelo did not converge)
     * @param timeRatio      Zermelo's time / Newman's (likewise)
     * @param lowerBound     whether Zermelo stopped at a budget, so the ratios are lower bounds
     * @param holds          whether the measured ratio reaches 100
     */
    public record Claim(String instance, int zermelo, int newman, double iterationRatio, double timeRatio, boolean lowerBound, boolean holds) {
    }

    /** Everything one run measured. */
    public record Report(Settings settings, List<Instance> instances, List<Row> rows, List<Claim> claims,
            List<ReferenceCase.Agreement> certification, List<String> notes) {
    }

    private RankingBench() {
    }

    /** The shipped data (maximum likelihood, and the early season's MAP estimate) and the random graphs. */
    public static List<Instance> instances(boolean full) {
        List<Instance> out = new ArrayList<>();
        out.add(new Instance("baseball", ComparisonDataset.BASEBALL.description(), BradleyTerryModel.of(ComparisonDataset.BASEBALL.data())));
        out.add(new Instance("icehockey", ComparisonDataset.ICEHOCKEY.description() + "; ties as half wins",
                BradleyTerryModel.of(ComparisonDataset.ICEHOCKEY.data())));
        out.add(new Instance("icehockey-davidson-home", "the same with Davidson's ties and home advantage",
                BradleyTerryModel.of(ComparisonDataset.ICEHOCKEY.data(), Ties.DAVIDSON, true, false)));
        out.add(new Instance("icehockey-early-map", "its first 150 games, MAP (the MLE does not exist)", ReferenceCase.ICEHOCKEY_EARLY_MAP.model()));
        for (double[] g : full ? FULL_GRID : GRID) {
            SyntheticComparisons s = new SyntheticComparisons((int) g[0], 100_000, g[1], 1);
            BradleyTerryModel mle = BradleyTerryModel.of(s.data());
            boolean exists = mle.existenceProblem().isEmpty();
            BradleyTerryModel model = exists ? mle : BradleyTerryModel.of(mle.data(), Ties.HALF, false, true);
            out.add(new Instance(String.format(Locale.ROOT, "random-%d-s%s%s", (int) g[0], trim(g[1]), exists ? "" : "-map"),
                    s.label() + (exists ? "" : ", MAP (the MLE does not exist)"), model));
        }
        return out;
    }

    /** Random graphs of 10⁵ games: {items, spread of the log-strengths}. */
    private static final double[][] GRID = {{100, 3}, {1000, 1}, {10_000, 0.5}};
    private static final double[][] FULL_GRID = {{100, 0.5}, {100, 1}, {100, 1.5}, {100, 2}, {100, 3}, {1000, 0.5}, {1000, 1},
        {1000, 1.5}, {1000, 2}, {1000, 3}, {10_000, 0.5}, {10_000, 1}, {10_000, 1.5}, {10_000, 2}, {10_000, 3}};

    public static Report run(Settings settings) {
        return run(settings, instances(settings.full()));
    }

    /** Runs every method on {@code instances}. */
    public static Report run(Settings settings, List<Instance> instances) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        RankingSettings fit = RankingSettings.DEFAULT.withTolerance(TOLERANCE).withMaxIterations(settings.maxIterations())
                .withTimeLimit(settings.perSolve()).withStandardErrors(false);
        for (Instance instance : instances) {
            for (RankingMethod method : settings.methods()) {
                rows.add(solve(instance, method, fit, settings));
            }
        }
        List<ReferenceCase.Agreement> certification = new ArrayList<>();
        if (settings.liveReference()) {
            try {
                List<BradleyTerry2.Estimate> reference = BradleyTerry2.run(Duration.ofMinutes(10));
                for (ReferenceCase c : ReferenceCase.values()) {
                    certification.add(c.agreement(Ranking.fit(c.model(), RankingMethod.NEWTON), reference));
                }
            } catch (BradleyTerry2.Unavailable e) {
                notes.add("BradleyTerry2 skipped: " + e.getMessage() + "; the tests compare with its frozen fits");
            }
        } else {
            notes.add("BradleyTerry2 not run (switched off); the tests compare with its frozen fits");
        }
        return new Report(settings, instances, rows, claims(instances, rows), certification, notes);
    }

    private static Row solve(Instance instance, RankingMethod method, RankingSettings fit, Settings settings) {
        Supplier<RankingFit> once = () -> Ranking.fit(instance.model(), method, fit);
        Timing.Timed<RankingFit> timed;
        try {
            timed = time(once, settings.repeats());
        } catch (IllegalArgumentException e) {
            return new Row(instance.name(), method.label(), "n/a", false, 0, Map.of(), Double.NaN, Double.NaN, 0, e.getMessage());
        }
        RankingFit f = timed.result();
        return new Row(instance.name(), method.label(), f.status().name(), f.converged(), f.iterations(), counts(f.solution().evaluations()),
                f.gradientNorm(), timed.seconds(), timed.repeats(), "");
    }

    /**
     * The first run kept; a fit under a second is warmed up and timed again, as many times as fit in
     * about half a second (at least {@code repeats}, at most 200), and the median reported. Time is the
     * CPU time of the fitting thread (the existence check, the solve and the certificate): on a shared
     * machine the wall time of a millisecond solve measures the scheduler, not the solve.
     */
    private static Timing.Timed<RankingFit> time(Supplier<RankingFit> solve, int repeats) {
        double[] once = new double[1];
        RankingFit first = cpu(solve, once);
        if (once[0] >= 1 || repeats == 1) {
            return new Timing.Timed<>(first, once[0], 1);
        }
        int runs = (int) Math.max(repeats, Math.min(200, Math.ceil(0.5 / Math.max(once[0], 1e-6))));
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

    private static Map<String, Long> counts(Evaluations e) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Evaluation kind : List.of(Evaluation.MAP, Evaluation.VALUE, Evaluation.GRADIENT, Evaluation.HESSIAN, Evaluation.HESSIAN_VECTOR)) {
            if (e.get(kind) > 0) {
                m.put(kind.key(), e.get(kind));
            }
        }
        return m;
    }

    private static List<Claim> claims(List<Instance> instances, List<Row> rows) {
        List<Claim> out = new ArrayList<>();
        for (Instance i : instances) {
            Row z = row(rows, i.name(), RankingMethod.ZERMELO);
            Row n = row(rows, i.name(), RankingMethod.NEWMAN);
            if (z == null || n == null || !n.converged()) {
                continue;
            }
            double it = (double) z.iterations() / n.iterations();
            double t = z.seconds() / n.seconds();
            out.add(new Claim(i.name(), z.iterations(), n.iterations(), it, t, !z.converged(), it >= CLAIMED_RATIO));
        }
        return out;
    }

    static Row row(List<Row> rows, String instance, RankingMethod method) {
        return rows.stream().filter(r -> r.instance().equals(instance) && r.method().equals(method.label())).findFirst().orElse(null);
    }

    /** The report as text: one table per instance, Newman's claim, the BradleyTerry2 agreement, notes. */
    public static String text(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Bradley–Terry ranking: every method to ‖∇f‖ ≤ 1e-10 (certificate recomputed at the reported scores); "
                + "times are CPU seconds, medians\n");
        for (Instance i : report.instances()) {
            BradleyTerryModel m = i.model();
            sb.append(String.format(Locale.ROOT, "%n%s — %s (%d items, %d pairings, %.0f comparisons)%n", i.name(), i.description(),
                    m.data().itemCount(), m.data().recordCount(), m.data().comparisons()));
            sb.append(String.format(Locale.ROOT, "  %-18s %-17s %8s  %-40s %10s %10s%n", "method", "status", "iter", "evaluations", "‖∇f‖", "seconds"));
            for (Row r : report.rows()) {
                if (!r.instance().equals(i.name())) {
                    continue;
                }
                if (!r.note().isEmpty()) {
                    sb.append(String.format(Locale.ROOT, "  %-18s %-17s %s%n", r.method(), r.status(), r.note()));
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "  %-18s %-17s %8d  %-40s %10.2e %10.4f%n", r.method(), r.status(), r.iterations(),
                        r.evaluations().toString(), r.gradientNorm(), r.seconds()));
            }
        }
        sb.append("\nNewman (2023): his iteration is \"over a hundred times faster in some cases\" than Zermelo's — measured side by side\n");
        sb.append(String.format(Locale.ROOT, "  %-28s %10s %10s %10s %10s  %s%n", "instance", "Zermelo it", "Newman it", "it ratio", "time ratio",
                "≥ 100×?"));
        for (Claim c : report.claims()) {
            String bound = c.lowerBound() ? ">" : "";
            sb.append(String.format(Locale.ROOT, "  %-28s %10d %10d %10s %10s  %s%n", c.instance(), c.zermelo(), c.newman(),
                    bound + String.format(Locale.ROOT, "%.1f", c.iterationRatio()), bound + String.format(Locale.ROOT, "%.1f", c.timeRatio()),
                    c.holds() ? "yes" : c.lowerBound() ? "unknown (Zermelo stopped at its budget)" : "no"));
        }
        if (!report.certification().isEmpty()) {
            sb.append("\nAgainst R's BradleyTerry2 (BTm; Davidson's model as a Poisson glm), run live: largest relative difference\n");
            sb.append(String.format(Locale.ROOT, "  %-26s %9s %12s %16s%n", "fit", "compared", "estimates", "standard errors"));
            for (ReferenceCase.Agreement a : report.certification()) {
                sb.append(String.format(Locale.ROOT, "  %-26s %9d %12.1e %16.1e%n", a.fit().label(), a.compared(), a.estimateError(),
                        a.standardErrorError()));
            }
        }
        for (String note : report.notes()) {
            sb.append('\n').append(note).append('\n');
        }
        return sb.toString();
    }

    /** The report as one JSON object: instances, rows, claims, certification, notes. */
    public static String json(Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tolerance", TOLERANCE);
        doc.put("instances", report.instances().stream().map(i -> Map.of("name", i.name(), "description", i.description(),
                "items", i.model().data().itemCount(), "pairings", i.model().data().recordCount(),
                "comparisons", i.model().data().comparisons())).toList());
        doc.put("rows", report.rows().stream().map(RankingBench::fields).toList());
        doc.put("claims", report.claims());
        doc.put("certification", report.certification().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fit", a.fit().label());
            m.put("compared", a.compared());
            m.put("estimateError", a.estimateError());
            m.put("standardErrorError", a.standardErrorError());
            m.put("worst", a.worst());
            return m;
        }).toList());
        doc.put("notes", report.notes());
        try {
            return new ObjectMapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ranking report as JSON", e);
        }
    }

    private static Map<String, Object> fields(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", r.instance());
        m.put("method", r.method());
        m.put("status", r.status());
        m.put("converged", r.converged());
        m.put("iterations", r.iterations());
        m.put("evaluations", r.evaluations());
        m.put("gradientNorm", Double.isFinite(r.gradientNorm()) ? r.gradientNorm() : null);
        m.put("seconds", Double.isFinite(r.seconds()) ? r.seconds() : null);
        m.put("repeats", r.repeats());
        if (!r.note().isEmpty()) {
            m.put("note", r.note());
        }
        return m;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
