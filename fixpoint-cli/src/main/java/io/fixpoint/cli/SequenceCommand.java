package io.fixpoint.cli;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.sequence.SequenceSuite;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.sequence.Cells;
import io.fixpoint.sequence.Sequences;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
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
            return runBench(p);
        }
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
        Recurrence problem = Cells.recurrence(cell, hidden, length, seed);
        checkMemory(problem);
        double[] reference = problem.sequential();
        if (checkJacobian) {
            problem.checkJacobian(reference, 50, 1e-6);
        }
        Settings settings = Sequences.capped(driver.over(m.defaults()), problem);
        Solution s;
        try (ParallelExecutor ex = ParallelExecutor.of(p)) {
            s = m.solve(problem, Sequences.constantGuess(problem), settings, new SolverContext(ex, Map.of("block", (double) block)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cell", cell);
        out.put("method", method);
        out.put("stateDimension", problem.stateDimension());
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
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
        } else {
            w.printf(Locale.ROOT, "%s on %s (D=%d, T=%d, %d threads): %s after %d iterations (%s)%n", method, cell,
                    problem.stateDimension(), length, p, s.status(), s.iterations(), s.message());
            w.printf(Locale.ROOT, "  max deviation from sequential %.3e, residual %.3e, depth %s, work %s flops, %.4f s%n",
                    Sequences.maxDeviation(s.x(), reference), s.optimality(), s.details().get("depth"), s.details().get("work"), s.seconds());
        }
        w.flush();
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Dense Newton methods hold several T·D² arrays; refuse up front rather than fail with OutOfMemoryError. */
    private void checkMemory(Recurrence problem) {
        long d = problem.stateDimension();
        long n = problem.length();
        long doubles = switch (method) {
            case "deer", "elk" -> 3 * n * d * d + 6 * n * d;
            case "quasi-deer" -> 8 * n * d;
            default -> 4 * n * d;
        };
        long bytes = 8 * doubles;
        if (bytes > Runtime.getRuntime().maxMemory() * 0.8) {
            throw new UserError(String.format(Locale.ROOT, "%s with T=%d and D=%d needs about %.1f GB; the JVM has %.1f GB (raise -Xmx through FIXPOINT_JAVA_OPTS or shorten the sequence)",
                    method, n, d, bytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
        }
    }

    private int runBench(int p) {
        SuiteOptions options = SuiteOptions.DEFAULT.withFull(full).withThreads(p).withProgress(Progress.on(spec.commandLine().getErr()));
        return SuiteRun.run(List.of(new SequenceSuite()), options, json, report, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
