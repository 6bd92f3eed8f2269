package io.fixpoint.bench.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.report.PerformanceProfile;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.model.Models;
import io.fixpoint.solve.Solution;
import io.fixpoint.train.MinibatchSolver;
import io.fixpoint.train.Optimizer;
import io.fixpoint.train.Schedule;
import io.fixpoint.train.Schedules;
import io.fixpoint.train.Training;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A CPU mini-AlgoPerf: every optimiser on the {@link Workload}s, with its default learning rate and
 * on a small grid around it, scored by the time (and the steps) it takes to reach each workload's
 * held-out target, summarised as AlgoPerf summarises: the area under the performance profile of
 * time to target for ratios up to 4, divided by 3 (1 for an optimiser that is fastest everywhere, 0
 * for one that reaches no target). Every optimiser runs with linear warm-up (5%) and cosine decay,
 * the Schedule-Free ones with warm-up and a constant rate. Runs are sequential, single-threaded, on
 * the same split, initial weights and minibatch order (seed 0); the held-out loss is measured every
 * {@code evalEvery} steps and that time is not counted.
 *
 * <p>Besides the scores, the suite checks the seeds' claims where they apply: Schedule-Free without a
 * schedule against tuned cosine AdamW; Muon against AdamW on hidden matrices; Lion's single state
 * buffer and its steps; Sophia-G's steps against AdamW on the language model; the refined schedule
 * against cosine at the same learning rate.
 */
public final class TrainingBench {
    /** The learning-rate grid: multiples of each optimiser's default. */
    public static final double[] GRID = {0.1, 1.0 / 3, 1, 3, 10};
    /** The workloads of the quick run: the two that take a second or two per optimiser. */
    public static final List<String> QUICK_WORKLOADS = List.of("logistic", "quadratic");
    /** AlgoPerf's largest performance ratio r_max. */
    static final double TAU_MAX = 4;

    /** What to run: workloads, optimisers (catalogue names), the learning-rate multipliers, the seeds' claims, PyTorch beside. */
    public record Settings(List<String> workloads, List<String> optimizers, double[] multipliers, boolean claims, boolean torch) {
        public Settings {
            workloads = List.copyOf(workloads);
            optimizers = List.copyOf(optimizers);
            multipliers = multipliers.clone();
            if (!Arrays.stream(multipliers).anyMatch(m -> m == 1)) {
                throw new IllegalArgumentException("the learning-rate grid must contain 1 (the defaults)");
            }
        }

        /** Every workload, the grid, the claims and PyTorch (the full run, minutes); or the quick run: the defaults on {@link #QUICK_WORKLOADS}. */
        public static Settings of(List<String> optimizers, boolean full, boolean torch) {
            return full ? new Settings(Workload.all().stream().map(Workload::name).toList(), optimizers, GRID, true, torch)
                    : new Settings(QUICK_WORKLOADS, optimizers, new double[] {1}, false, torch);
        }
    }

    /** One training run. {@code stepsToTarget} is −1 when the target was not reached; {@code solution} is null when the run could not start. */
    public record Row(String workload, String optimizer, String schedule, double multiplier, double learningRate, int steps, int stepsToTarget,
            double secondsToTarget, double finalHeldOutLoss, double finalAccuracy, double bestHeldOutLoss, double trainSeconds, String status,
            double stateDoublesPerParameter, Solution solution) {

        public boolean reached() {
            return stepsToTarget >= 0;
        }

        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", workload);
            m.put("optimizer", optimizer);
            m.put("schedule", schedule);
            m.put("multiplier", multiplier);
            m.put("learningRate", learningRate);
            m.put("steps", steps);
            m.put("stepsToTarget", reached() ? stepsToTarget : null);
            m.put("secondsToTarget", reached() ? secondsToTarget : null);
            m.put("finalHeldOutLoss", finite(finalHeldOutLoss));
            m.put("finalAccuracy", finite(finalAccuracy));
            m.put("bestHeldOutLoss", finite(bestHeldOutLoss));
            m.put("trainSeconds", trainSeconds);
            m.put("status", status);
            m.put("stateDoublesPerParameter", stateDoublesPerParameter);
            return m;
        }
    }

    /** A claim of the seeds, measured: what was compared, the two figures, and whether it held here. */
    public record Claim(String claim, String workload, String measure, String ours, String baseline, boolean holds) {
    }

    /** Everything a run produced. */
    public record Result(Settings settings, List<Workload> workloads, List<Row> rows, List<Claim> claims, Map<String, Double> defaultScores,
            Map<String, Double> tunedScores, Map<String, Double> tunedStepScores, TorchTiming.Comparison torch) {

        /** The result as one JSON object. */
        public String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workloads", workloads.stream().map(w -> Map.of("name", w.name(), "batch", w.batch(), "steps", w.steps(), "target", w.target()))
                    .toList());
            m.put("grid", settings.multipliers());
            m.put("runs", rows.stream().map(Row::fields).toList());
            m.put("scoresDefault", defaultScores);
            m.put("scoresTuned", tunedScores);
            m.put("scoresTunedSteps", tunedStepScores);
            m.put("claims", claims);
            m.put("torch", torch.fields());
            try {
                return new ObjectMapper().writeValueAsString(m);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The result as text: per workload the best run of each optimiser, the scores, the claims and PyTorch's timing. */
        public String text() {
            return TrainingText.of(this);
        }
    }

    private final Catalog catalog;

    /** A bench that takes the optimisers and their defaults from {@code catalog}. */
    public TrainingBench(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Runs the suite, reporting each finished run to {@code progress}. */
    public Result run(Settings s, Consumer<String> progress) {
        List<Workload> workloads = Workload.all().stream().filter(w -> s.workloads().contains(w.name())).toList();
        for (String w : s.workloads()) {
            if (workloads.stream().noneMatch(x -> x.name().equals(w))) {
                throw new IllegalArgumentException("unknown workload '" + w + "'; expected one of "
                        + String.join(", ", Workload.all().stream().map(Workload::name).toList()));
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (Workload w : workloads) {
            Models.Setup setup = w.setup().get();
            for (String opt : s.optimizers()) {
                for (double mult : s.multipliers()) {
                    Row r = run(w, setup, catalog, opt, mult, defaultSchedule(opt), null);
                    rows.add(r);
                    progress.accept(line(r));
                }
            }
            if (s.claims()) {
                claims.addAll(refinedClaim(w, setup, rows, progress));
            }
        }
        if (s.claims()) {
            claims.addAll(0, Claims.of(workloads, rows));
        }
        TorchTiming.Comparison torch = s.torch() ? TorchTiming.compare(catalog, progress) : TorchTiming.Comparison.notRun();
        return new Result(s, workloads, List.copyOf(rows), List.copyOf(claims), scores(workloads, rows, s.optimizers(), false, false),
                scores(workloads, rows, s.optimizers(), true, false), scores(workloads, rows, s.optimizers(), true, true), torch);
    }

    static String defaultSchedule(String optimizer) {
        return optimizer.startsWith("schedule-free") ? "warmup-constant" : "warmup-cosine";
    }

    /** One run of the catalogue's optimiser {@code opt}; {@code schedule} overrides the named schedule when not null. */
    static Row run(Workload w, Models.Setup setup, Catalog catalog, String opt, double mult, String scheduleName, Schedule schedule) {
        Optimizer optimizer = catalog.optimizer(opt);
        double lr = optimizer.learningRate() * mult;
        Schedule sched = schedule != null ? schedule : Schedules.byName(scheduleName, lr, w.steps());
        MinibatchSolver solver = new MinibatchSolver(opt, optimizer.create(optimizer.defaults(Workload.SEED).withLearningRate(sched)), w.batch(),
                Workload.SEED);
        long t0 = System.nanoTime();
        long[] evalNanos = {0};
        int[] reached = {-1};
        double[] reachedSeconds = {Double.NaN};
        double[] best = {Double.POSITIVE_INFINITY};
        double[] state = {Double.NaN};
        Solution sol;
        try {
            sol = Training.builder(solver, catalog.training(opt).defaults()).steps(w.steps()).onIteration((k, st, counts) -> {
                if (k == 0) {
                    state[0] = ((MinibatchSolver.State) st).stateDoublesPerParameter();
                }
                if (k > 0 && k % w.evalEvery() == 0) {
                    long e0 = System.nanoTime();
                    double trainSeconds = (e0 - t0 - evalNanos[0]) * 1e-9;
                    double loss = setup.validation().evaluate(st.x()).loss();
                    evalNanos[0] += System.nanoTime() - e0;
                    best[0] = Math.min(best[0], loss);
                    if (reached[0] < 0 && loss <= w.target()) {
                        reached[0] = k;
                        reachedSeconds[0] = trainSeconds;
                    }
                }
            }).build().run(setup.train(), setup.initial().clone()).solution();
        } catch (IllegalArgumentException e) {
            return new Row(w.name(), opt, scheduleName, mult, lr, w.steps(), -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "n/a: "
                    + e.getMessage(), Double.NaN, null);
        }
        double seconds = (System.nanoTime() - t0 - evalNanos[0]) * 1e-9;
        Training.Metrics end = Vectors.allFinite(sol.x()) ? setup.validation().evaluate(sol.x()) : Training.Metrics.NONE;
        return new Row(w.name(), opt, scheduleName, mult, lr, w.steps(), reached[0], reachedSeconds[0], end.loss(), end.accuracy(),
                Math.min(best[0], end.loss()), seconds, sol.status().name(), state[0], sol);
    }

    /** AdamW at its best multiplier with the schedule refined from a linear-decay pilot's gradient norms, against cosine. */
    private List<Claim> refinedClaim(Workload w, Models.Setup setup, List<Row> rows, Consumer<String> progress) {
        Row cosine = Claims.best(rows, w.name(), "adamw");
        if (cosine == null) {
            return List.of();
        }
        double lr = cosine.learningRate();
        Optimizer adamw = catalog.optimizer("adamw");
        MinibatchSolver pilot = new MinibatchSolver("adamw", adamw.create(adamw.defaults(Workload.SEED)
                .withLearningRate(Schedules.warmupLinear(lr, Math.max(1, Math.round(Schedules.WARMUP_FRACTION * w.steps())), w.steps()))),
                w.batch(), Workload.SEED);
        Solution p = Training.builder(pilot, catalog.training("adamw").defaults()).steps(w.steps()).build().run(setup.train(), setup.initial().clone())
                .solution();
        if (p.iterations() < w.steps()) {
            return List.of();
        }
        double[] norms = Arrays.copyOf(p.trace().optimality(), w.steps());
        Row refined = run(w, setup, catalog, "adamw", cosine.multiplier(), "refined", Schedules.refined(lr, norms, 0.05));
        progress.accept(line(refined));
        rows.add(refined);
        return List.of(new Claim("refined schedule vs cosine (AdamW, same learning rate)", w.name(), "final held-out loss",
                fmt(refined.finalHeldOutLoss()), fmt(cosine.finalHeldOutLoss()), refined.finalHeldOutLoss() <= cosine.finalHeldOutLoss()));
    }

    /**
     * Each optimiser's score: the area under its profile of time (or, with {@code steps}, of steps) to
     * target over τ ∈ [1, 4], divided by 3; with {@code tuned} the best run of the grid, else the defaults.
     */
    static Map<String, Double> scores(List<Workload> workloads, List<Row> rows, List<String> optimizers, boolean tuned, boolean steps) {
        double[][] cost = new double[optimizers.size()][workloads.size()];
        for (int o = 0; o < optimizers.size(); o++) {
            for (int p = 0; p < workloads.size(); p++) {
                String opt = optimizers.get(o);
                String wl = workloads.get(p).name();
                cost[o][p] = rows.stream().filter(r -> r.workload().equals(wl) && r.optimizer().equals(opt) && r.reached()
                        && !r.schedule().equals("refined") && (tuned || r.multiplier() == 1))
                        .mapToDouble(r -> steps ? r.stepsToTarget() : r.secondsToTarget()).min()
                        .orElse(Double.POSITIVE_INFINITY);
            }
        }
        PerformanceProfile profile = PerformanceProfile.of(optimizers, cost);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int o = 0; o < optimizers.size(); o++) {
            out.put(optimizers.get(o), area(profile, o));
        }
        return out;
    }

    /** (1/(τ_max − 1)) ∫₁^τmax ρ(τ) dτ, exactly: ρ is a step function of the sorted ratios. */
    static double area(PerformanceProfile profile, int s) {
        double[] r = profile.ratios(s);
        int n = r.length;
        if (n == 0) {
            return 0;
        }
        double integral = 0;
        for (double ratio : r) {
            if (ratio <= TAU_MAX) {
                integral += (TAU_MAX - Math.max(1, ratio)) / n;
            }
        }
        return integral / (TAU_MAX - 1);
    }

    static String line(Row r) {
        return String.format(Locale.ROOT, "%-10s %-19s ×%-5.3g %-15s %s", r.workload(), r.optimizer(), r.multiplier(), r.schedule(),
                r.reached() ? "target at step " + r.stepsToTarget() + String.format(Locale.ROOT, " (%.2f s)", r.secondsToTarget())
                        : r.status().startsWith("n/a") ? r.status() : "no target; best held-out loss " + fmt(r.bestHeldOutLoss()));
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
