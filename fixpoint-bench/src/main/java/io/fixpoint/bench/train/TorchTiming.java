package io.fixpoint.bench.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Dataset;
import io.fixpoint.model.Mlp;
import io.fixpoint.model.Models;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Tensor;
import io.fixpoint.solve.Solution;
import io.fixpoint.train.Optimizer;
import io.fixpoint.train.ShuffledBatches;
import io.fixpoint.train.Training;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The MLP-on-digits workload beside live PyTorch in the same run: the same network, initial weights,
 * minibatch order and AdamW at its default (constant) learning rate, in float64, {@value #EPOCHS}
 * epochs each; Fixpoint on one thread, PyTorch on one thread and on every core. Both are judged by the
 * suite's rule — the first step at which the held-out loss, measured every {@code evalEvery} steps,
 * reaches the workload's target — and timed per epoch without those measurements. The training losses
 * of the two are compared step by step (they follow the same arithmetic, up to rounding). PyTorch runs
 * through the {@link PythonBridge}; without a python3 that imports torch the comparison is skipped,
 * and the note names the install command.
 */
public final class TorchTiming {
    static final int EPOCHS = 6;
    static final String INSTALL = "apt-get install -y python3-torch";
    /** The problem's name in the records: the workload's data and model, its own schedule and budget. */
    static final String PROBLEM = "mlp-digits-constant-lr";

    private TorchTiming() {
    }

    /**
     * Seconds per epoch (median of the epochs after the first) of each side, steps to the held-out target
     * (−1: not reached), final held-out losses, and how far the training losses are apart.
     */
    public record Comparison(String status, String torchVersion, int steps, double target, double fixpointSecondsPerEpoch,
            double torchOneThreadSecondsPerEpoch, double torchAllThreadsSecondsPerEpoch, int torchThreads, double maxRelativeLossDifference,
            int fixpointStepsToTarget, int torchStepsToTarget, double fixpointFinalHeldOutLoss, double torchFinalHeldOutLoss, Solution fixpoint) {

        static Comparison notRun() {
            return skipped("not run");
        }

        static Comparison skipped(String why) {
            return new Comparison(why.equals("not run") ? why : "skipped: " + why, null, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                    Double.NaN, -1, -1, Double.NaN, Double.NaN, null);
        }

        public boolean ran() {
            return status.equals("ok");
        }

        public String describe() {
            if (!ran()) {
                return "PyTorch beside Fixpoint: " + status;
            }
            return String.format(Locale.ROOT, "PyTorch %s, MLP on digits, AdamW, %d epochs, median seconds per epoch: Fixpoint (1 thread) %.4f, "
                    + "PyTorch 1 thread %.4f (%.2f× Fixpoint's time), PyTorch %d threads %.4f (%.2f×); losses agree to %.1e relative; "
                    + "held-out target %s: %s by Fixpoint, %s by PyTorch",
                    torchVersion, EPOCHS, fixpointSecondsPerEpoch, torchOneThreadSecondsPerEpoch, torchOneThreadSecondsPerEpoch / fixpointSecondsPerEpoch,
                    torchThreads, torchAllThreadsSecondsPerEpoch, torchAllThreadsSecondsPerEpoch / fixpointSecondsPerEpoch, maxRelativeLossDifference,
                    TrainingBench.fmt(target), step(fixpointStepsToTarget), step(torchStepsToTarget));
        }

        /** The figures, for JSON (the solution goes into the suite's record instead). */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("torchVersion", torchVersion);
            if (ran()) {
                m.put("steps", steps);
                m.put("target", target);
                m.put("fixpointSecondsPerEpoch", fixpointSecondsPerEpoch);
                m.put("torchOneThreadSecondsPerEpoch", torchOneThreadSecondsPerEpoch);
                m.put("torchAllThreadsSecondsPerEpoch", torchAllThreadsSecondsPerEpoch);
                m.put("torchThreads", torchThreads);
                m.put("maxRelativeLossDifference", maxRelativeLossDifference);
                m.put("fixpointStepsToTarget", fixpointStepsToTarget);
                m.put("torchStepsToTarget", torchStepsToTarget);
            }
            return m;
        }

        private static String step(int k) {
            return k < 0 ? "not reached" : "reached at step " + k;
        }
    }

    /** Runs both sides (PyTorch only when the bridge's python3, or Debian's /usr/bin/python3, imports torch). */
    public static Comparison compare(Catalog catalog, Consumer<String> progress) {
        PythonBridge python = PythonBridge.importing("torch");
        Optional<String> missing = python.unavailable("torch");
        if (missing.isPresent()) {
            return Comparison.skipped(missing.get() + "; install it with " + INSTALL + " (FIXPOINT_PYTHON names another interpreter)");
        }
        Workload w = Workload.all().stream().filter(x -> x.name().equals("mlp-digits")).findFirst().orElseThrow();
        Models.Setup setup = w.setup().get();
        Mlp model = (Mlp) setup.train();
        Dataset heldOut = BuiltinData.table("digits").split(Models.HELD_OUT, Workload.SEED).heldOut();
        int per = new ShuffledBatches(model.size(), w.batch(), Workload.SEED).stepsPerEpoch();
        int steps = EPOCHS * per;
        Optimizer adamw = catalog.optimizer("adamw");
        Workload timing = new Workload(PROBLEM, w.setup(), w.batch(), steps, w.evalEvery(), w.target());
        TrainingBench.Row judged = TrainingBench.run(timing, setup, catalog, "adamw", 1, "constant", null); // also warms up the JIT
        double[] ours = fixpoint(catalog, setup, w.batch(), per);
        double fixpointSeconds = median(Arrays.copyOfRange(ours, 0, EPOCHS));
        double[] ourLosses = Arrays.copyOfRange(ours, EPOCHS, ours.length);
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> request = request(model, setup.initial(), w.batch(), per, adamw, 1);
        request.put("held_out_x", features(heldOut));
        request.put("held_out_y", labels(heldOut));
        request.put("eval_every", w.evalEvery());
        List<JsonNode> one = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        PythonBridge.Exit e1 = python.run("torch_train.py", request, Duration.ofMinutes(10), one::add);
        PythonBridge.Exit e2 = python.run("torch_train.py", request(model, setup.initial(), w.batch(), per, adamw, cores), Duration.ofMinutes(10),
                all::add);
        if (!e1.ok() || !e2.ok() || one.isEmpty() || all.isEmpty()) {
            return Comparison.skipped("PyTorch run failed: " + (e1.ok() ? e2 : e1).describe());
        }
        JsonNode losses = one.get(0).get("losses");
        double diff = 0;
        for (int i = 0; i < ourLosses.length; i++) {
            diff = Math.max(diff, Math.abs(ourLosses[i] - losses.get(i).asDouble()) / Math.abs(losses.get(i).asDouble()));
        }
        JsonNode torchHeldOut = one.get(0).get("held_out");
        int torchReached = -1;
        for (int i = 0; i < torchHeldOut.size() && torchReached < 0; i++) {
            if (torchHeldOut.get(i).asDouble() <= w.target()) {
                torchReached = (i + 1) * w.evalEvery();
            }
        }
        double torchFinal = torchHeldOut.isEmpty() ? Double.NaN : torchHeldOut.get(torchHeldOut.size() - 1).asDouble();
        Comparison c = new Comparison("ok", one.get(0).get("torch").asText(), steps, w.target(), fixpointSeconds, median(seconds(one.get(0))),
                median(seconds(all.get(0))), cores, diff, judged.stepsToTarget(), torchReached, judged.finalHeldOutLoss(), torchFinal,
                judged.solution());
        progress.accept(c.describe());
        return c;
    }

    /** Seconds of each epoch, then the loss of every step, of one AdamW run. */
    private static double[] fixpoint(Catalog catalog, Models.Setup setup, int batch, int per) {
        List<Double> seconds = new ArrayList<>();
        double[] last = {0};
        Training.Result r = Training.builder(catalog.optimizer("adamw").solver(batch, Workload.SEED), catalog.training("adamw").defaults())
                .steps((long) EPOCHS * per).onEpoch(e -> {
                    seconds.add(e.seconds() - last[0]);
                    last[0] = e.seconds();
                }).build().run(setup.train(), setup.initial().clone());
        double[] out = new double[EPOCHS + EPOCHS * per];
        for (int i = 0; i < EPOCHS; i++) {
            out[i] = seconds.get(i);
        }
        System.arraycopy(r.solution().trace().values(), 0, out, EPOCHS, EPOCHS * per);
        return out;
    }

    private static Map<String, Object> request(Mlp model, double[] w0, int batch, int per, Optimizer adamw, int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = (int) model.size();
        m.put("x", features(model.data()));
        m.put("y", labels(model.data()));
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (Tensor t : model.layout().tensors()) {
            tensors.add(Map.of("name", t.name(), "rows", t.rows(), "cols", t.cols(), "matrix", t.matrix(),
                    "values", Arrays.copyOfRange(w0, t.offset(), t.end())));
        }
        m.put("tensors", tensors);
        ShuffledBatches s = new ShuffledBatches(n, batch, Workload.SEED);
        Batch b = Batch.withCapacity(batch);
        List<int[]> order = new ArrayList<>();
        for (int k = 0; k < EPOCHS * per; k++) {
            s.next(b);
            int[] idx = new int[b.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = b.index(i);
            }
            order.add(idx);
        }
        m.put("batches", order);
        m.put("lr", adamw.learningRate());
        m.put("weight_decay", adamw.weightDecay());
        m.put("epochs", EPOCHS);
        m.put("threads", threads);
        return m;
    }

    private static double[][] features(Dataset d) {
        double[][] x = new double[d.rows()][d.features()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = d.feature(i, j);
            }
        }
        return x;
    }

    private static int[] labels(Dataset d) {
        int[] y = new int[d.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.label(i);
        }
        return y;
    }

    private static double[] seconds(JsonNode n) {
        double[] s = new double[EPOCHS];
        for (int i = 0; i < EPOCHS; i++) {
            s[i] = n.get("seconds").get(i).asDouble();
        }
        return s;
    }

    /** Median of the epochs after the first (which warms up caches and, for the JVM, the compiler). */
    static double median(double[] perEpoch) {
        double[] s = Arrays.copyOfRange(perEpoch, 1, perEpoch.length);
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
