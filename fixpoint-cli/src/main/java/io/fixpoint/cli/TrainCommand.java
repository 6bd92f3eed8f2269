package io.fixpoint.cli;

import io.fixpoint.bench.report.TrainingCurves;
import io.fixpoint.bench.train.BuiltinData;
import io.fixpoint.bench.train.TrainingBench;
import io.fixpoint.model.Activation;
import io.fixpoint.model.Dataset;
import io.fixpoint.model.Models;
import io.fixpoint.problem.Tensor;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.train.GradientTransformation;
import io.fixpoint.train.MinibatchSolver;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint train}: trains a model on built-in or CSV data with a stochastic optimiser, or runs the training suite. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model with a stochastic optimiser: minibatches in epochs of a seeded permutation, a held-out "
                + "split fixed by the seed, the held-out loss and accuracy after every epoch.",
                "With --bench, runs the training suite: every optimiser on five workloads, time and steps to a held-out target."})
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

    @Option(names = "--optimizer", defaultValue = "adamw", description = "one of: " + "sgd, adam, adamw, nadam, radam, adan, lion, sophia, "
            + "sophia-g, adahessian, schedule-free-sgd, schedule-free-adamw, muon, shampoo, soap (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--epochs", defaultValue = "10", description = "epochs to train (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--steps", description = "updates to make (instead of --epochs)")
    Long steps;

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

    @Option(names = "--time-limit", description = "stop after this many seconds")
    Double timeLimit;

    @Option(names = "--json", description = "print one JSON object per epoch and a final one")
    boolean json;

    @Option(names = "--report", description = "directory for epochs.csv, loss-curves.html and parameters.json (with --bench: suite.txt, suite.json)")
    Path report;

    @Option(names = "--save", description = "write the final parameters (named tensors) to this JSON file")
    Path save;

    @Option(names = "--list", description = "list the optimisers, schedules, models and datasets")
    boolean list;

    @Option(names = "--bench", description = "run the training suite (about 20 minutes on a shared 2-core machine)")
    boolean bench;

    @Option(names = "--full", description = "with --bench: a wider learning-rate grid")
    boolean full;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            return list(out);
        }
        if (bench) {
            return bench(out);
        }
        if (data == null) {
            throw new UserError("--data is required (a built-in: " + String.join(", ", BuiltinData.names()) + ", or a CSV file with --label)");
        }
        Models.Setup setup = setup();
        checkOptions();
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
        Optimizers.Settings st = new Optimizers.Settings(sched, weightDecay != null ? weightDecay : Optimizers.defaultWeightDecay(optimizer),
                momentum, nesterov, seed);
        GradientTransformation opt = Optimizers.create(optimizer, st);
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
        Training.Builder b = Training.builder(solver).steps(budget).validation(setup.validation()).onEpoch(e -> {
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
        if (timeLimit != null) {
            b.timeLimit(Duration.ofMillis((long) (timeLimit * 1000)));
        }
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
        if (steps != null && (steps < 1 || steps > Integer.MAX_VALUE)) {
            throw new UserError("--steps must lie between 1 and " + Integer.MAX_VALUE + ", got " + steps);
        }
        if (accumulate < 1) {
            throw new UserError("--accumulate must be ≥ 1, got " + accumulate);
        }
        if (clip != null && (!(clip > 0) || Double.isInfinite(clip))) {
            throw new UserError("--clip must be finite and > 0, got " + clip);
        }
        if (timeLimit != null && !(timeLimit > 0)) {
            throw new UserError("--time-limit must be > 0, got " + timeLimit);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserError("--momentum must lie in [0, 1), got " + momentum);
        }
        peak(); // an unknown optimiser fails here
    }

    private double peak() {
        return lr != null ? lr : Optimizers.defaultLearningRate(optimizer);
    }

    private long budget(Models.Setup setup) {
        long n = setup.train().size();
        if (batch > n) {
            throw new UserError("--batch " + batch + " exceeds the " + n + " training examples of " + data);
        }
        long per = (n + batch - 1) / batch;
        long b = steps != null ? steps : per * epochs;
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
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizers", Optimizers.NAMES.stream().map(n -> Map.of("name", n, "learningRate", Optimizers.defaultLearningRate(n),
                    "weightDecay", Optimizers.defaultWeightDecay(n), "description", Optimizers.describe(n))).toList());
            m.put("schedules", Schedules.NAMES);
            m.put("models", Models.NAMES);
            m.put("data", BuiltinData.names());
            out.println(Json.write(m));
            return ExitCodes.OK;
        }
        out.println("optimizers (--optimizer; default learning rate, weight decay):");
        for (String n : Optimizers.NAMES) {
            out.printf(Locale.ROOT, "  %-20s lr %-7s wd %-5s %s%n", n, plain(Optimizers.defaultLearningRate(n)), plain(Optimizers.defaultWeightDecay(n)),
                    Optimizers.describe(n));
        }
        out.println("schedules (--schedule): " + String.join(", ", Schedules.NAMES));
        out.println("models (--model): " + String.join(", ", Models.NAMES));
        out.println("data (--data): " + String.join(", ", BuiltinData.names()) + ", or a CSV file with --label COL");
        return ExitCodes.OK;
    }

    private int bench(PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TrainingBench.Result r = new TrainingBench().run(TrainingBench.Settings.standard(full), line -> {
            err.println(line);
            err.flush();
        });
        out.println(json ? r.json() : r.text());
        if (report != null) {
            Files.createDirectories(report);
            Files.writeString(report.resolve("suite.txt"), r.text(), StandardCharsets.UTF_8);
            Files.writeString(report.resolve("suite.json"), r.json() + "\n", StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
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
