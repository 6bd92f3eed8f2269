package io.fixpoint.cli;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.report.TrainingCurves;
import io.fixpoint.bench.train.BuiltinData;
import io.fixpoint.bench.train.TrainingSuite;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Activation;
import io.fixpoint.model.Dataset;
import io.fixpoint.model.Models;
import io.fixpoint.problem.Tensor;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.train.GradientTransformation;
import io.fixpoint.train.MinibatchSolver;
import io.fixpoint.train.Optimizer;
import io.fixpoint.train.Optimizers;
import io.fixpoint.train.Schedule;
import io.fixpoint.train.Schedules;
import io.fixpoint.train.ShuffledBatches;
import io.fixpoint.train.Training;
import io.fixpoint.train.Transforms;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint train}: trains a model on built-in or CSV data with a stochastic optimiser, or runs the training suite. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model with a stochastic optimiser: minibatches in epochs of a seeded permutation, a held-out "
                + "split fixed by the seed, the held-out loss and accuracy after every epoch.",
                "With --bench, runs the training suite: every optimiser on the workloads, steps to a held-out target "
                        + "(the quick run in well under a minute; --full for every workload and the learning-rate grid)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "digits, iris, wine, breast-cancer, abstracts (a text) or a CSV file (with --label)")
    String data;

    @Option(names = "--label", description = "the CSV column holding the class (0, 1, ...)")
    String label;

    @Option(names = "--model", description = "logistic, softmax, mlp:H1,H2,..., char-gru:H or mf:RANK (default: mlp:64, char-gru:64 for a text)")
    String model;

    @Option(names = "--activation", defaultValue = "relu", description = "relu, tanh or gelu, for mlp (default: ${DEFAULT-VALUE})")
    String activation;

    @Option(names = {"--optimizer", "--method"}, defaultValue = "adamw", completionCandidates = MethodNames.Training.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", description = "peak learning rate (default: the optimiser's own, see --list)")
    Double lr;

    @Option(names = "--weight-decay", description = "weight decay (default: the optimiser's own)")
    Double weightDecay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "sgd momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--nesterov", description = "sgd with Nesterov momentum")
    boolean nesterov;

    @Option(names = "--schedule", defaultValue = "constant", description = "constant, warmup-constant, warmup-linear, warmup-cosine, wsd or "
            + "refined (from a linear-decay pilot run's gradient norms) (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--epochs", defaultValue = "10", description = "epochs to train, unless --max-iter gives the updates (default: ${DEFAULT-VALUE})")
    int epochs;

    @Mixin
    BudgetOptions budgetOptions = new BudgetOptions();

    @Option(names = "--batch", defaultValue = "32", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the split, initial weights, minibatch order and random probes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--l2", defaultValue = "0", description = "L2 regulariser (λ/2)‖W‖² added to the loss (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--clip", description = "clip the gradient's global norm to this value")
    Double clip;

    @Option(names = "--accumulate", defaultValue = "1", description = "average the gradients of this many minibatches per update (default: ${DEFAULT-VALUE})")
    int accumulate;

    @Option(names = "--window", defaultValue = "32", description = "characters predicted per example of char-gru (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--json", description = "print one JSON object per epoch and a final one")
    boolean json;

    @Option(names = "--report", description = "directory for epochs.csv, loss-curves.html and parameters.json (with --bench: the suite's report)")
    Path report;

    @Option(names = "--save", description = "write the final parameters (named tensors) to this JSON file")
    Path save;

    @Option(names = "--list", description = "list the optimisers, schedules, models and datasets")
    boolean list;

    @Option(names = "--bench", description = "run the training suite (the quick run: every optimiser's defaults on two workloads)")
    boolean bench;

    @Option(names = "--full", description = "with --bench: every workload, the learning-rate grid and the seeds' claims (about 20 minutes on 2 cores)")
    boolean full;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            return list(out);
        }
        if (bench) {
            return bench();
        }
        if (data == null) {
            throw new UserError("--data is required (a built-in: " + String.join(", ", BuiltinData.names()) + ", or a CSV file with --label)");
        }
        checkOptions();
        Models.Setup setup = setup();
        long budget = budget(setup);
        List<Training.Epoch> epochs = new ArrayList<>();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
        Schedule sched;
        if (schedule.equals("refined")) {
            progress.note("pilot run with linear decay, for the refined schedule's gradient norms");
            Training.Result pilot = training(setup, Schedules.warmupLinear(peak(), warmup(budget), budget), budget, progress, new ArrayList<>(), false);
            if (pilot.solution().iterations() < 2 || pilot.solution().status() == Status.NON_FINITE) {
                throw new UserError("the pilot run for the refined schedule ended " + pilot.solution().status() + ": " + pilot.solution().message());
            }
            double[] norms = Arrays.copyOf(pilot.solution().trace().optimality(), pilot.solution().iterations());
            sched = Schedules.refined(peak(), norms, 0.05);
            progress.note("refined run");
        } else {
            sched = Schedules.byName(schedule, peak(), budget);
        }
        Training.Result r = training(setup, sched, budget, progress, epochs, json);
        progress.clear();
        Solution s = r.solution();
        Path saved = saveParameters(setup, s);
        if (report != null) {
            TrainingCurves.write(report, optimizer + " on " + setup.description(), r.epochs());
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("status", s.status().name());
        last.put("message", s.message());
        last.put("epoch", (double) s.iterations() / r.stepsPerEpoch());
        last.put("steps", s.iterations());
        last.put("trainLoss", Json.finiteOrString(lastTrainLoss(r)));
        last.put("heldOutLoss", Json.finiteOrString(r.finalMetrics().loss()));
        last.put("heldOutAccuracy", Json.finiteOrString(r.finalMetrics().accuracy()));
        last.put("seconds", s.seconds());
        last.put("optimizer", optimizer);
        last.put("model", setup.model());
        last.put("data", data);
        last.put("evaluations", s.evaluations().byName());
        last.put("passesOverData", passes(s.evaluations(), setup));
        if (saved != null) {
            last.put("parametersSaved", saved.toString());
        }
        if (json) {
            out.println(Json.write(last));
        } else {
            out.printf(Locale.ROOT, "%s: %s%n", s.status(), s.message());
            out.printf(Locale.ROOT, "  %s, %s, %d steps (%.2f epochs), %.2f s%n", optimizer, setup.description(), s.iterations(),
                    (double) s.iterations() / r.stepsPerEpoch(), s.seconds());
            out.printf(Locale.ROOT, "  held-out loss %s, accuracy %s; %s passes over the data%n", fmt(r.finalMetrics().loss()),
                    fmt(r.finalMetrics().accuracy()), fmt(passes(s.evaluations(), setup)));
            if (saved != null) {
                out.println("  parameters saved to " + saved);
            }
        }
        out.flush();
        return s.status() == Status.MAX_ITERATIONS || s.status() == Status.BUDGET_EXHAUSTED ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private Training.Result training(Models.Setup setup, Schedule sched, long budget, ProgressLine progress, List<Training.Epoch> epochs,
            boolean printEpochs) {
        Optimizer recipe = Catalog.builtIn().optimizer(optimizer);
        Optimizers.Settings st = new Optimizers.Settings(sched, weightDecay != null ? weightDecay : recipe.weightDecay(), momentum, nesterov, seed);
        GradientTransformation opt = recipe.create(st);
        if (clip != null) {
            opt = Transforms.chain(Transforms.clipByGlobalNorm(clip), opt);
        }
        if (accumulate > 1) {
            opt = Transforms.multiSteps(opt, accumulate);
        }
        MinibatchSolver solver = new MinibatchSolver(optimizer, opt, batch, seed);
        int perEpoch = new ShuffledBatches(setup.train().size(), batch, seed).stepsPerEpoch();
        long totalEpochs = (budget + perEpoch - 1) / perEpoch;
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = budgetOptions.over(method().defaults());
        Training.Builder b = Training.builder(solver, settings).steps(budget).validation(setup.validation()).onEpoch(e -> {
            epochs.add(e);
            progress.epoch(e, totalEpochs, (double) e.steps() * batch / e.seconds());
            if (printEpochs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epoch", e.epoch());
                m.put("trainLoss", Json.finiteOrString(e.trainLoss()));
                m.put("heldOutLoss", Json.finiteOrString(e.heldOutLoss()));
                m.put("heldOutAccuracy", Json.finiteOrString(e.heldOutAccuracy()));
                m.put("seconds", e.seconds());
                out.println(Json.write(m));
                out.flush();
            }
        });
        return b.build().run(setup.train(), setup.initial().clone());
    }

    private Models.Setup setup() {
        boolean text = BuiltinData.CORPORA.contains(data);
        String spec = model != null ? model : text ? "char-gru:64" : "mlp:64";
        if (text) {
            if (window < 1) {
                throw new UserError("--window must be ≥ 1, got " + window);
            }
            return Models.forCorpus(spec, BuiltinData.corpus(data), window, seed, checkL2());
        }
        Dataset d = BuiltinData.isBuiltin(data) ? BuiltinData.table(data) : csv();
        return Models.forTable(spec, d, seed, checkL2(), Activation.of(activation));
    }

    private double checkL2() {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new UserError("--l2 must be finite and ≥ 0, got " + l2);
        }
        return l2;
    }

    /** A CSV file: the --label column is the class, every other column a feature. */
    private Dataset csv() {
        Path file = Path.of(data);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no built-in dataset '" + data + "' and no such file (built-ins: " + String.join(", ", BuiltinData.names()) + ")");
        }
        CsvTable table = CsvTable.read(file);
        if (label == null) {
            throw new UserError(data + " is a CSV file: name its class column with --label (columns: " + String.join(", ", table.names()) + ")");
        }
        double[] y = table.column(label);
        List<String> features = table.names().stream().filter(n -> !n.equals(label)).toList();
        if (features.isEmpty()) {
            throw new UserError(data + " has no feature columns besides the label '" + label + "'");
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] > 1_000_000) {
                throw new UserError(data + ": row " + (i + 2) + ", column '" + label + "': class labels must be whole numbers 0, 1, 2, ..., got " + y[i]);
            }
            labels[i] = (int) y[i];
        }
        double[] x = new double[y.length * features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] col = table.column(features.get(j));
            for (int i = 0; i < y.length; i++) {
                x[i * features.size() + j] = col[i];
            }
        }
        return Dataset.classification(file.getFileName().toString(), x, features.size(), labels);
    }

    /** Checks the options that do not depend on the data, so that bad ones fail before any work. */
    private void checkOptions() {
        if (lr != null && (!(lr > 0) || Double.isInfinite(lr))) {
            throw new UserError("--lr must be finite and > 0, got " + lr);
        }
        if (weightDecay != null && (!(weightDecay >= 0) || Double.isInfinite(weightDecay))) {
            throw new UserError("--weight-decay must be finite and ≥ 0, got " + weightDecay);
        }
        if (!Schedules.NAMES.contains(schedule)) {
            throw new UserError("unknown schedule '" + schedule + "'; expected one of " + String.join(", ", Schedules.NAMES));
        }
        if (batch < 1) {
            throw new UserError("--batch must be ≥ 1, got " + batch);
        }
        if (epochs < 1) {
            throw new UserError("--epochs must be ≥ 1, got " + epochs);
        }
        if (accumulate < 1) {
            throw new UserError("--accumulate must be ≥ 1, got " + accumulate);
        }
        if (clip != null && (!(clip > 0) || Double.isInfinite(clip))) {
            throw new UserError("--clip must be finite and > 0, got " + clip);
        }
        budgetOptions.over(method().defaults()); // a bad --max-iter or --time-limit fails here
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserError("--momentum must lie in [0, 1), got " + momentum);
        }
    }

    /** The optimiser's catalogue line; an unknown name is an error listing the known ones. */
    private SolverSpec<?> method() {
        return Catalog.builtIn().spec(ProblemKind.TRAINING, optimizer);
    }

    private double peak() {
        return lr != null ? lr : Catalog.builtIn().optimizer(optimizer).learningRate();
    }

    private long budget(Models.Setup setup) {
        long n = setup.train().size();
        if (batch > n) {
            throw new UserError("--batch " + batch + " exceeds the " + n + " training examples of " + data);
        }
        long per = (n + batch - 1) / batch;
        long b = budgetOptions.maxIter != null ? budgetOptions.maxIter : per * epochs;
        if (b > Integer.MAX_VALUE) {
            throw new UserError("the run would take " + b + " steps; at most " + Integer.MAX_VALUE);
        }
        return b;
    }

    private static long warmup(long total) {
        return Math.max(1, Math.round(Schedules.WARMUP_FRACTION * total));
    }

    /** Writes the parameters when asked, and always when the run ended NON_FINITE (they are then the last finite ones). */
    private Path saveParameters(Models.Setup setup, Solution s) throws IOException {
        Path target = save;
        if (target == null && s.status() == Status.NON_FINITE) {
            target = report != null ? report.resolve("parameters.json") : Path.of("train-last-finite-parameters.json");
        } else if (target == null && report != null) {
            target = report.resolve("parameters.json");
        }
        if (target == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", setup.model());
        m.put("data", data);
        m.put("status", s.status().name());
        m.put("note", s.status() == Status.NON_FINITE ? "the last finite parameters before the loss became non-finite" : "final parameters");
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (Tensor t : setup.train().layout().tensors()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.name());
            tm.put("shape", t.matrix() ? List.of(t.rows(), t.cols()) : List.of(t.rows()));
            tm.put("values", Arrays.copyOfRange(s.x(), t.offset(), t.end()));
            tensors.add(tm);
        }
        m.put("tensors", tensors);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, Json.write(m) + "\n", StandardCharsets.UTF_8);
        if (s.status() == Status.NON_FINITE) {
            spec.commandLine().getErr().println("the loss became non-finite; the last finite parameters are in " + target);
        }
        return target;
    }

    private static double lastTrainLoss(Training.Result r) {
        return r.epochs().isEmpty() ? r.solution().value() : r.epochs().get(r.epochs().size() - 1).trainLoss();
    }

    private static double passes(Evaluations e, Models.Setup setup) {
        return (double) e.get(io.fixpoint.problem.Evaluation.EXAMPLE) / setup.train().size();
    }

    private int list(PrintWriter out) {
        Catalog catalog = Catalog.builtIn();
        List<SolverSpec<?>> optimizers = catalog.of(ProblemKind.TRAINING);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizers", optimizers.stream().map(o -> Map.of("name", o.name(), "learningRate", catalog.optimizer(o.name()).learningRate(),
                    "weightDecay", catalog.optimizer(o.name()).weightDecay(), "description", o.description())).toList());
            m.put("schedules", Schedules.NAMES);
            m.put("models", Models.NAMES);
            m.put("data", BuiltinData.names());
            out.println(Json.write(m));
            return ExitCodes.OK;
        }
        out.println("optimizers (--optimizer; default learning rate, weight decay):");
        for (SolverSpec<?> o : optimizers) {
            Optimizer recipe = catalog.optimizer(o.name());
            out.printf(Locale.ROOT, "  %-20s lr %-7s wd %-5s %s%n", o.name(), plain(recipe.learningRate()), plain(recipe.weightDecay()), o.description());
        }
        out.println("schedules (--schedule): " + String.join(", ", Schedules.NAMES));
        out.println("models (--model): " + String.join(", ", Models.NAMES));
        out.println("data (--data): " + String.join(", ", BuiltinData.names()) + ", or a CSV file with --label COL");
        return ExitCodes.OK;
    }

    /** The training suite through the same route as {@code fixpoint bench --suites training}. */
    private int bench() {
        PrintWriter err = spec.commandLine().getErr();
        SuiteOptions options = SuiteOptions.DEFAULT.withFull(full).withThreads(1).withProgress(Progress.on(err));
        return SuiteRun.run(List.of(new TrainingSuite()), options, json, report, spec.commandLine().getOut(), err);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
    }

    /** The per-epoch progress on stderr: redrawn in place on a terminal, one line per epoch when piped. */
    static final class ProgressLine {
        private final PrintWriter err;
        private final boolean terminal;
        private int drawn;

        ProgressLine(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void epoch(Training.Epoch e, long total, double examplesPerSecond) {
            int width = 20;
            int filled = (int) Math.min(width, width * e.epoch() / Math.max(1, total));
            String line = String.format(Locale.ROOT, "[%s%s] epoch %d/%d  train loss %s  held-out loss %s  accuracy %s  %.0f examples/s",
                    "#".repeat(filled), " ".repeat(width - filled), e.epoch(), total, fmt(e.trainLoss()), fmt(e.heldOutLoss()),
                    Double.isFinite(e.heldOutAccuracy()) ? String.format(Locale.ROOT, "%.3f", e.heldOutAccuracy()) : "-", examplesPerSecond);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                drawn = line.length();
            } else {
                err.println(line);
            }
            err.flush();
        }

        void note(String text) {
            clear();
            err.println(text);
            err.flush();
        }

        void clear() {
            if (terminal && drawn > 0) {
                err.print("\r" + " ".repeat(drawn) + "\r");
                err.flush();
                drawn = 0;
            }
        }
    }
}
