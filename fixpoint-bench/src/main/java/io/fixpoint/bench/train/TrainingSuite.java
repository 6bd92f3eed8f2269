package io.fixpoint.bench.train;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.TrainingSection;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.ProblemKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training suite as a {@link Suite}: the catalogue's optimisers on the {@link Workload}s, and
 * PyTorch beside Fixpoint on the MLP when it is installed. One judge for every run and every tool
 * ({@link #solved}): the held-out loss, measured every {@code evalEvery} steps, reaches the workload's
 * target within its budget; the step at which it first does is the run's score, a count that does
 * not depend on the machine's load. The quick run trains every optimiser with its defaults on the two
 * smallest workloads ({@link TrainingBench#QUICK_WORKLOADS}); {@code --full} runs every workload over
 * the learning-rate grid and checks the seeds' claims (minutes).
 */
public final class TrainingSuite implements Suite {
    public static final String NAME = "training";
    /** The peer's name in {@code --peers}. */
    public static final String PYTORCH = "pytorch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every optimiser on training workloads, steps to a held-out target, PyTorch beside on the MLP when installed; "
                + "--full for every workload, the learning-rate grid and the seeds' claims";
    }

    /** Workloads, optimisers, whether PyTorch runs, and quick or full. */
    @Override
    public Set<SuiteOptions.Choice> reads(SuiteOptions options) {
        return EnumSet.of(SuiteOptions.Choice.PROBLEMS, SuiteOptions.Choice.METHODS, SuiteOptions.Choice.PEERS, SuiteOptions.Choice.FULL);
    }

    /** The suite's judge: the held-out target was reached within the budget. */
    public static boolean solved(TrainingBench.Row r) {
        return r.reached();
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        Catalog catalog = options.catalog();
        List<String> optimizers = options.chosenMethods(catalog.names(ProblemKind.TRAINING));
        boolean torch = options.peer(PYTORCH, true);
        TrainingBench.Settings s = TrainingBench.Settings.of(optimizers, options.full(), torch);
        if (!options.problems().isEmpty()) {
            s = new TrainingBench.Settings(options.problems(), s.optimizers(), s.multipliers(), s.claims(), s.torch());
        }
        options.progress().stage("training: " + (options.full() ? "the full run" : "the quick run") + ", " + s.workloads().size() + " workloads × "
                + optimizers.size() + " optimisers × " + s.multipliers().length + " learning rates");
        TrainingBench.Result r = new TrainingBench(catalog).run(s, options.progress()::step);
        List<SolveRecord> records = records(r, catalog);
        List<String> notes = new ArrayList<>();
        if (torch && !r.torch().ran()) {
            notes.add("PyTorch " + r.torch().status());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("training.json", r.json());
        return new SuiteReport(NAME, "Training (stochastic optimisers)", records, r.text(), TrainingSection.html(r, records), files, notes, false,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** One record per run, judged by {@link #solved}; PyTorch's and its Fixpoint twin's when the comparison ran. */
    static List<SolveRecord> records(TrainingBench.Result r, Catalog catalog) {
        List<SolveRecord> out = new ArrayList<>();
        for (TrainingBench.Row row : r.rows()) {
            String family = catalog.training(row.optimizer()).family();
            if (row.solution() == null) {
                out.add(SolveRecord.failed(NAME, row.workload(), 0, row.optimizer(), family, SolveRecord.Outcome.NOT_APPLICABLE, row.status()));
                continue;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("schedule", row.schedule());
            figures.put("multiplier", row.multiplier());
            figures.put("learningRate", row.learningRate());
            figures.put("stepsToTarget", row.stepsToTarget());
            figures.put("secondsToTarget", row.secondsToTarget());
            figures.put("heldOutAccuracy", row.finalAccuracy());
            figures.put("stateDoublesPerParameter", row.stateDoublesPerParameter());
            out.add(SolveRecord.of(NAME, row.workload(), row.optimizer(), family, row.solution(), solved(row), row.finalHeldOutLoss(),
                    row.solution().optimality(), row.trainSeconds(), 1, figures));
        }
        TorchTiming.Comparison t = r.torch();
        if (t.ran()) {
            String family = catalog.training("adamw").family();
            out.add(SolveRecord.of(NAME, TorchTiming.PROBLEM, "adamw", family, t.fixpoint(), t.fixpointStepsToTarget() >= 0,
                    t.fixpointFinalHeldOutLoss(), t.fixpoint().optimality(), t.fixpointSecondsPerEpoch() * TorchTiming.EPOCHS, 1,
                    Map.of("stepsToTarget", t.fixpointStepsToTarget(), "secondsPerEpoch", t.fixpointSecondsPerEpoch())));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("stepsToTarget", t.torchStepsToTarget());
            figures.put("secondsPerEpoch", t.torchOneThreadSecondsPerEpoch());
            figures.put("secondsPerEpochAllThreads", t.torchAllThreadsSecondsPerEpoch());
            figures.put("threads", t.torchThreads());
            figures.put("maxRelativeLossDifference", t.maxRelativeLossDifference());
            out.add(new SolveRecord(NAME, TorchTiming.PROBLEM, t.fixpoint().x().length, PYTORCH + " " + t.torchVersion(), "torch.optim.AdamW",
                    family, SolveRecord.Outcome.RAN, null, "trained " + t.steps() + " steps", false, t.torchStepsToTarget() >= 0,
                    "trained " + t.steps() + " steps", t.steps(), Map.of(), t.torchFinalHeldOutLoss(), Double.NaN,
                    t.torchOneThreadSecondsPerEpoch() * TorchTiming.EPOCHS, 1, null, null, figures));
        }
        return out;
    }
}
