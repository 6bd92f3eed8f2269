package io.fixpoint.cli;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.sequence.SequenceSuite;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.sequence.Cells;
import io.fixpoint.sequence.Sequences;
import io.fixpoint.sequence.TrajectorySolver;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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

/** {@code fixpoint sequence}: evaluates a built-in recurrence in parallel over time, or benchmarks the methods. */
@Command(name = "sequence", mixinStandardHelpOptions = true,
        description = {"Evaluates h_t = f(h_{t-1}, u_t), t = 1..T, by solving for the whole trajectory at once, and reports "
                + "iterations, deviation from the sequential loop, parallel depth, work and time.",
                "With --bench, sweeps T, D and thread counts and projects the wall time on more cores."})
final class SequenceCommand implements Callable<Integer> {
    /**
     * How much of the JVM's heap a solve may plan to fill. Arrays of hundreds of megabytes need
     * contiguous room: many of them have filled 89% of a heap, two have failed at 78%. Beyond the
     * first share the solve runs with a warning, beyond the second it is refused.
     */
    private static final double HEAP_SAFE = 0.75;
    private static final double HEAP_LIMIT = 0.9;
    private static final int JACOBIAN_SAMPLES = 50;
    private static final double JACOBIAN_TOLERANCE = 1e-6;

    @Spec
    CommandSpec spec;

    @Option(names = "--cell", defaultValue = "gru", description = "tanh-rnn, gru, lstm, pendulum or lorenz (default: ${DEFAULT-VALUE})")
    String cell;

    @Option(names = "--hidden", defaultValue = "8", description = "hidden size D (LSTM state is 2D; ignored by pendulum and lorenz) (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--length", defaultValue = "10000", description = "sequence length T (default: ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--method", defaultValue = "deer", completionCandidates = MethodNames.Sequence.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--threads", description = "worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "0", description = "seed of weights, inputs and h0 (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    DriverOptions driver;

    @Option(names = "--tolerance", hidden = true, description = "the same as --tol")
    Double tolerance;

    @Option(names = "--block", defaultValue = "0", description = "gauss-seidel block size: 1 is Jacobi, T is sequential, 0 one block per thread (default: ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--check-jacobian", description = "first compare the cell's Jacobian with finite differences along the sequential trajectory")
    boolean checkJacobian;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--bench", description = "run the benchmark sweep over T, D and thread counts instead of one solve")
    boolean bench;

    @Option(names = "--full", description = "with --bench: the big sweep (T up to 1e6, D = 1..32, five repeats)")
    boolean full;

    @Option(names = "--report", paramLabel = "DIR", description = "with --bench: also write the report (index.html, sequence/…) to DIR")
    Path report;

    @Override
    public Integer call() throws Exception {
        int p = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (p < 1 || p > 1024) {
            throw new UserError("--threads must be between 1 and 1024, got " + p);
        }
        if (bench) {
            Options.refuse(spec, "with --bench, which sweeps its own cells, lengths and methods", "--cell", "--hidden", "--length", "--method",
                    "--seed", "--tol", "--tolerance", "--rtol", "--max-iter", "--time-limit", "--block", "--check-jacobian");
            return runBench(p);
        }
        Options.refuse(spec, "without --bench", "--full", "--report");
        if (!Cells.NAMES.contains(cell)) {
            throw new UserError("unknown cell '" + cell + "'; expected one of " + String.join(", ", Cells.NAMES));
        }
        SolverSpec<Recurrence> m = Catalog.builtIn().sequence(method);
        if (hidden < 1 || hidden > 4096) {
            throw new UserError("--hidden must be between 1 and 4096, got " + hidden);
        }
        if (length < 1) {
            throw new UserError("--length must be ≥ 1, got " + length);
        }
        if (tolerance != null) {
            if (driver.tol != null) {
                throw new UserError("--tolerance is the old name of --tol; give one of them");
            }
            driver.tol = tolerance;
        }
        if (block < 0) {
            throw new UserError("--block must be ≥ 0, got " + block);
        }
        if (!method.equals("gauss-seidel")) {
            Options.refuse(spec, "to " + method + ", only to gauss-seidel", "--block");
        }
        Settings settings = driver.over(m.defaults()).withTrace(false);
        Cells.Shape shape = Cells.shape(cell, hidden);
        Solution s;
        double[] reference;
        double jacobianError = Double.NaN;
        int d;
        try (ParallelExecutor ex = ParallelExecutor.of(p)) {
            TrajectorySolver<?> solver = (TrajectorySolver<?>) m.create(new SolverContext(ex, Map.of("block", (double) block)));
            checkMemory(shape, solver);
            Recurrence problem = Cells.recurrence(cell, hidden, length, seed);
            d = problem.stateDimension();
            reference = problem.sequential();
            if (checkJacobian) {
                jacobianError = problem.checkJacobian(reference, JACOBIAN_SAMPLES, JACOBIAN_TOLERANCE);
            }
            s = DriverOptions.solve(spec, solver, Sequences.capped(settings, problem), problem, Sequences.constantGuess(problem), "largest residual");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cell", cell);
        out.put("method", method);
        out.put("stateDimension", d);
        out.put("length", length);
        out.put("threads", p);
        out.put("status", s.status().name());
        out.put("criterion", s.criterion());
        out.put("certified", s.certified());
        out.put("message", s.message());
        out.put("iterations", s.iterations());
        out.put("maxDeviation", Json.finiteOrString(Sequences.maxDeviation(s.x(), reference)));
        out.put("residual", Json.finiteOrString(s.optimality()));
        out.put("depth", s.details().get("depth"));
        out.put("work", s.details().get("work"));
        out.put("seconds", s.seconds());
        out.put("evaluations", s.evaluations().byName());
        out.put("exactPrefix", s.details().get("exactPrefix"));
        out.put("seed", seed);
        if (checkJacobian) {
            out.put("jacobianCheck", Map.of("steps", Math.min(JACOBIAN_SAMPLES, length), "worstRelativeError", jacobianError,
                    "tolerance", JACOBIAN_TOLERANCE));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
        } else {
            if (checkJacobian) {
                w.printf(Locale.ROOT, "Jacobian of %s matches central differences at %d steps (worst relative error %.1e ≤ %.0e)%n", cell,
                        Math.min(JACOBIAN_SAMPLES, length), jacobianError, JACOBIAN_TOLERANCE);
            }
            w.printf(Locale.ROOT, "%s on %s (D=%d, T=%d, %d threads): %s after %d iterations (%s)%n", method, cell, d, length, p, s.status(),
                    s.iterations(), s.message());
            w.printf(Locale.ROOT, "  max deviation from sequential %.3e, residual %.3e, depth %s, work %s flops, %.4f s%n",
                    Sequences.maxDeviation(s.x(), reference), s.optimality(), s.details().get("depth"), s.details().get("work"), s.seconds());
        }
        w.flush();
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * Refuses a solve the heap cannot hold, before anything is allocated, naming the need and the
     * -Xmx to give. Counted in doubles: the cell's weights; the inputs (twice while they are drawn);
     * the reference trajectory, the guess and the driver's three copies of the iterate (its start,
     * the last finite iterate and the answer); and the solver's state. (No trace is kept: its optimality
     * history of up to T iterations is not reported here.)
     */
    private void checkMemory(Cells.Shape shape, TrajectorySolver<?> solver) {
        long d = shape.stateDimension();
        long td = length * d;
        if (td > Integer.MAX_VALUE - 8) {
            throw new UserError(String.format(Locale.ROOT, "a trajectory of T × D = %d × %d numbers does not fit one Java array "
                    + "(at most %d); shorten the sequence", length, d, Integer.MAX_VALUE - 8));
        }
        long tu = (long) length * shape.inputDimension();
        long state = solver.stateDoubles(length, (int) d, shape.workspace());
        long bytes = 8 * (shape.weights() + tu + Math.max(tu, 5 * td + state));
        long max = Runtime.getRuntime().maxMemory();
        if (bytes <= HEAP_SAFE * max) {
            return;
        }
        int threads = solver.executor().threads();
        String need = String.format(Locale.ROOT, "%s on %s with T=%d and D=%d (%d thread%s) needs about %s of heap; the JVM may use %s",
                method, cell, length, d, threads, threads == 1 ? "" : "s", size(bytes), size(max));
        long gib = (long) Math.ceil(bytes / HEAP_SAFE / (1L << 30));
        String more = "give it more with FIXPOINT_JAVA_OPTS=-Xmx" + gib + "g";
        if (bytes <= HEAP_LIMIT * max) {
            spec.commandLine().getErr().println("note: " + need + ", and arrays this large may not fit; if it runs out, " + more);
            return;
        }
        long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        if (gib * (1L << 30) > machine) {
            throw new UserError(String.format(Locale.ROOT, "%s; this machine has %s: make T or D smaller%s", need, size(machine),
                    method.equals("deer") || method.equals("elk") ? " (or use quasi-deer, which keeps only the Jacobians' diagonals)" : ""));
        }
        throw new UserError(need + ": " + more + ", or make T or D smaller");
    }

    private static String size(long bytes) {
        return bytes < 1e9 ? String.format(Locale.ROOT, "%.0f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private int runBench(int p) {
        SuiteOptions options = SuiteOptions.DEFAULT.withFull(full).withThreads(p).withProgress(Progress.on(spec.commandLine().getErr()));
        return SuiteRun.run(List.of(new SequenceSuite()), options, json, report, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
