package io.fixpoint.cli;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.BenchTable;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.suite.TestProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fixpoint bench}: every chosen method on every chosen test problem, with the standard
 * settings of {@link MinimizationBench}, printed as a table or as JSON lines; optionally written
 * to a report directory. Further outputs (peer comparisons, richer reports) hang off {@link #report}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run minimisation methods on the built-in test problems.",
                "Prints one row per solve (solved, f* reached, status, iterations,",
                "evaluations, final gradient norm, time, observed rate), a summary",
                "per method, and plain vs damped vs lazy-Hessian Newton.",
                "Solved: f* reached to 1e-8 relative, or |g|/|g0| <= 1e-6, whatever",
                "the method reports. Progress goes to stderr when it is a terminal."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--problems", split = ",", paramLabel = "NAME", description = "Test problems to run. Default: all.")
    List<String> problems = List.of();

    @Option(names = "--methods", split = ",", paramLabel = "NAME", description = "Methods to run. Default: all.")
    List<String> methods = List.of();

    @Option(names = "--json", description = "Print one JSON object per solve, one per line, as they finish.")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Wall-time limit per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit = 10;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the results to DIR: index.html (self-contained report with plots), results.csv, results.json.")
    Path reportDir;

    @Option(names = "--compare", split = ",", paramLabel = "PEERS",
            description = {"Run side by side with peers (scipy, hipparchus) on the same problems, start points and tolerances,",
                    "with JIT warm-up and median times; print the summary, and with --report write the comparison report."})
    List<String> compare = List.of();

    @Option(names = "--repeats", paramLabel = "N", description = "With --compare: timed solves per problem × method, median reported. Default: ${DEFAULT-VALUE}.")
    int repeats = CompareSettings.DEFAULT.repeats();

    @Option(names = "--warmups", paramLabel = "N", description = "With --compare: untimed JVM warm-up solves first. Default: ${DEFAULT-VALUE}.")
    int warmups = CompareSettings.DEFAULT.warmups();

    @Override
    public Integer call() {
        List<TestProblem> chosenProblems = Catalog.problems(problems);
        List<String> chosenMethods = Catalog.methods(methods);
        if (!(timeLimit > 0 && timeLimit < Double.POSITIVE_INFINITY)) {
            throw new UserError("--time-limit must be a positive number of seconds, got " + timeLimit);
        }
        if (reportDir != null) {
            createReportDir(); // fail before a long run, not after it
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!compare.isEmpty()) {
            if (repeats < 1 || warmups < 0) {
                throw new UserError("--repeats must be ≥ 1 and --warmups ≥ 0, got " + repeats + " and " + warmups);
            }
            return CompareRun.run(chosenProblems, chosenMethods, compare, CompareSettings.DEFAULT.withRepeats(repeats).withWarmups(warmups),
                    Duration.ofNanos((long) (timeLimit * 1e9)), reportDir, json, out, spec.commandLine().getErr());
        }
        long started = System.nanoTime();
        ProgressBar progress = ProgressBar.forTerminal(spec.commandLine().getErr());
        MinimizationBench bench = MinimizationBench.builder().timeLimit(Duration.ofNanos((long) (timeLimit * 1e9))).build();
        List<BenchResult> results = bench.run(chosenProblems, chosenMethods, (done, total, r) -> {
            if (json) {
                progress.clear();
                out.println(Json.write(Json.of(r)));
                out.flush();
            }
            progress.onResult(done, total, r);
        });
        progress.clear();
        if (!json) {
            BenchTable.print(results, out);
        }
        if (reportDir != null) {
            report(results, reportDir);
            spec.commandLine().getErr().println("wrote " + CompareRun.writeHtml(results, chosenProblems, reportDir, (System.nanoTime() - started) * 1e-9));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void createReportDir() {
        try {
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new UserError("cannot write results to " + reportDir + ": " + e);
        }
    }

    /** Writes the results under {@code dir} and says where on stderr (stdout stays the table or the JSON lines). */
    private void report(List<BenchResult> results, Path dir) {
        try {
            for (Path p : BenchFiles.writeResults(dir, results)) {
                spec.commandLine().getErr().println("wrote " + p);
            }
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
