package io.fixpoint.bench.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.model.Mlp;
import io.fixpoint.model.Models;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Tensor;
import io.fixpoint.train.MinibatchSolver;
import io.fixpoint.train.Optimizers;
import io.fixpoint.train.ShuffledBatches;
import io.fixpoint.train.Training;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Time per epoch of the MLP-on-digits workload beside live PyTorch in the same run: the same network,
 * initial weights, minibatch order and AdamW, in float64, {@value #EPOCHS} epochs each; Fixpoint on one
 * thread, PyTorch on one thread and on every core. The losses of the two are compared step by step
 * (they follow the same arithmetic, up to rounding). Without a python3 that imports torch the
 * comparison is skipped, and the report names the install command.
 */
public final class TorchTiming {
    static final int EPOCHS = 6;
    static final String INSTALL = "apt-get install -y python3-torch";

    private TorchTiming() {
    }

    /** Seconds per epoch (median of the epochs after the first) of each side, and how far their losses are apart. */
    public record Comparison(String status, String torchVersion, double fixpointSecondsPerEpoch, double torchOneThreadSecondsPerEpoch,
            double torchAllThreadsSecondsPerEpoch, int torchThreads, double maxRelativeLossDifference) {

        static Comparison notRun() {
            return new Comparison("not run", null, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
        }

        static Comparison skipped(String why) {
            return new Comparison("skipped: " + why, null, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
        }

        public String describe() {
            if (!status.equals("ok")) {
                return "PyTorch time per epoch: " + status;
            }
            return String.format(Locale.ROOT, "PyTorch %s, MLP on digits, AdamW, %d epochs, median seconds per epoch: Fixpoint (1 thread) %.4f, "
                    + "PyTorch 1 thread %.4f (%.2f× Fixpoint's time), PyTorch %d threads %.4f (%.2f×); losses agree to %.1e relative",
                    torchVersion, EPOCHS, fixpointSecondsPerEpoch, torchOneThreadSecondsPerEpoch, torchOneThreadSecondsPerEpoch / fixpointSecondsPerEpoch,
                    torchThreads, torchAllThreadsSecondsPerEpoch, torchAllThreadsSecondsPerEpoch / fixpointSecondsPerEpoch, maxRelativeLossDifference);
        }
    }

    /** Runs both sides (PyTorch only when a python3 with torch is found). */
    public static Comparison compare(Consumer<String> progress) {
        String python = findPython();
        if (python == null) {
            return Comparison.skipped("no python3 imports torch (install it with " + INSTALL + "; FIXPOINT_PYTHON names another interpreter)");
        }
        Workload w = Workload.all().stream().filter(x -> x.name().equals("mlp-digits")).findFirst().orElseThrow();
        Models.Setup setup = w.setup().get();
        Mlp model = (Mlp) setup.train();
        int per = new ShuffledBatches(model.size(), w.batch(), Workload.SEED).stepsPerEpoch();
        double lr = Optimizers.defaultLearningRate("adamw");
        fixpoint(setup, w.batch(), per); // warm up the JIT
        double[] ours = fixpoint(setup, w.batch(), per);
        double fixpointSeconds = median(Arrays.copyOfRange(ours, 0, EPOCHS));
        double[] ourLosses = Arrays.copyOfRange(ours, EPOCHS, ours.length);
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            String request = request(model, setup.initial(), w.batch(), per, lr, 1);
            JsonNode one = runTorch(python, request);
            JsonNode all = runTorch(python, request(model, setup.initial(), w.batch(), per, lr, cores));
            double diff = 0;
            JsonNode losses = one.get("losses");
            for (int i = 0; i < ourLosses.length; i++) {
                diff = Math.max(diff, Math.abs(ourLosses[i] - losses.get(i).asDouble()) / Math.abs(losses.get(i).asDouble()));
            }
            Comparison c = new Comparison("ok", one.get("torch").asText(), fixpointSeconds, median(seconds(one)), median(seconds(all)), cores, diff);
            progress.accept(c.describe());
            return c;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Comparison.skipped("PyTorch run failed: " + e.getMessage());
        }
    }

    /** Seconds of each epoch, then the loss of every step, of one AdamW run. */
    private static double[] fixpoint(Models.Setup setup, int batch, int per) {
        MinibatchSolver solver = new MinibatchSolver("adamw", Optimizers.create("adamw", Optimizers.defaults("adamw")), batch, Workload.SEED);
        List<Double> seconds = new ArrayList<>();
        double[] last = {0};
        Training.Result r = Training.builder(solver).steps((long) EPOCHS * per).onEpoch(e -> {
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

    private static String request(Mlp model, double[] w0, int batch, int per, double lr, int threads) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = (int) model.size();
        int d = model.sizes()[0];
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = model.data().feature(i, j);
            }
            y[i] = model.data().label(i);
        }
        m.put("x", x);
        m.put("y", y);
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
        m.put("lr", lr);
        m.put("weight_decay", Optimizers.defaultWeightDecay("adamw"));
        m.put("epochs", EPOCHS);
        m.put("threads", threads);
        return new ObjectMapper().writeValueAsString(m);
    }

    private static JsonNode runTorch(String python, String request) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("fixpoint-torch");
        Path script = dir.resolve("torch_train.py");
        try (InputStream in = TorchTiming.class.getResourceAsStream("/io/fixpoint/bench/peer/python/torch_train.py")) {
            if (in == null) {
                throw new IOException("torch_train.py is missing from the jar");
            }
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("torch_train.py exited with " + (p.isAlive() ? "a timeout" : "status " + p.exitValue()));
        }
        Files.deleteIfExists(script);
        Files.deleteIfExists(dir);
        return new ObjectMapper().readTree(out);
    }

    /** $FIXPOINT_PYTHON, python3, then /usr/bin/python3 (where Debian's python3-torch lives): the first that imports torch. */
    static String findPython() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("FIXPOINT_PYTHON");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return c;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
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
