package io.fixpoint.cli;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.BenchTable;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.report.FixedPointSection;
import io.fixpoint.bench.report.NistSection;
import io.fixpoint.bench.report.ReportWriter;
import io.fixpoint.bench.report.SequenceSection;
import io.fixpoint.bench.suite.TestProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
        description = {"Run every method on the built-in suites: minimisation (MGH), then least squares,",
                "fixed points and roots, and parallel-in-time recurrences (see --suites).",
                "Minimisation:",
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

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = {"Suites to run: minimization (MGH), least-squares (NIST StRD beside SciPy), fixed-point",
                    "(maps and MGH systems beside SciPy), sequence (parallel-in-time sweep). Default: all of them,",
                    "or only minimization when --problems, --methods, --json or --compare is given."})
    List<String> suites = List.of();

    @Option(names = "--warmups", paramLabel = "N", description = "With --compare: untimed JVM warm-up solves first. Default: ${DEFAULT-VALUE}.")
    int warmups = CompareSettings.DEFAULT.warmups();

    /** The other suites, each run by its own sub-command so that its output and options stay in one place. */
    private static final Map<String, List<String>> OTHER_SUITES = new LinkedHashMap<>();

    static {
        OTHER_SUITES.put("least-squares", List.of("fit", "--nist-bench"));
        OTHER_SUITES.put("fixed-point", List.of("bench-fixed-point"));
        OTHER_SUITES.put("sequence", List.of("sequence", "--bench"));
    }

    /** What the run measured, for the one index.html written at the end: the minimisation report and the other suites' sections. */
    private ComparisonResult minimizationReport;
    private final List<String> sections = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> chosenSuites = chosenSuites();
        if (reportDir != null) {
            createReportDir(); // fail before a long run, not after it
        }
        int code = chosenSuites.contains(MINIMIZATION) ? minimization() : ExitCodes.OK;
        for (String suite : chosenSuites) {
            if (!suite.equals(MINIMIZATION)) {
                code = Math.max(code, runSuite(suite));
            }
        }
        if (reportDir != null && (minimizationReport != null || !sections.isEmpty())) {
            try {
                spec.commandLine().getErr().println("wrote " + ReportWriter.writeHtml(minimizationReport, sections, reportDir));
            } catch (IOException e) {
                throw new UserError("cannot write the report to " + reportDir + ": " + e.getMessage());
            }
        }
        return code;
    }

    private static final String MINIMIZATION = "minimization";

    private List<String> chosenSuites() {
        if (suites.isEmpty()) {
            boolean narrowed = !problems.isEmpty() || !methods.isEmpty() || json || !compare.isEmpty();
            if (narrowed) {
                return List.of(MINIMIZATION);
            }
            List<String> all = new ArrayList<>(List.of(MINIMIZATION));
            all.addAll(OTHER_SUITES.keySet());
            return all;
        }
        for (String s : suites) {
            if (!s.equals(MINIMIZATION) && !OTHER_SUITES.containsKey(s)) {
                throw new UserError("unknown suite '" + s + "'; known suites: " + MINIMIZATION + ", " + String.join(", ", OTHER_SUITES.keySet()));
            }
        }
        return suites;
    }

    private int runSuite(String suite) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("== " + suite + " ==");
        out.flush();
        List<String> args = new ArrayList<>(OTHER_SUITES.get(suite));
        if (reportDir != null) {
            args.add("--report");
            args.add(reportDir.resolve(suite).toString());
        }
        CommandLine sub = spec.root().commandLine().getSubcommands().get(args.get(0));
        int code = sub.execute(args.subList(1, args.size()).toArray(new String[0]));
        Object command = sub.getCommand();
        if (command instanceof FitCommand c && c.lastNistBench != null) {
            sections.add(NistSection.html(c.lastNistBench));
        } else if (command instanceof BenchFixedPointCommand c && c.lastReport != null) {
            sections.add(FixedPointSection.html(c.lastReport));
        } else if (command instanceof SequenceCommand c && c.lastBench != null) {
            sections.add(SequenceSection.html(c.lastBench));
        }
        return code;
    }

    private int minimization() {
        List<TestProblem> chosenProblems = Catalog.problems(problems);
        List<String> chosenMethods = Catalog.methods(methods);
        if (!(timeLimit > 0 && timeLimit < Double.POSITIVE_INFINITY)) {
            throw new UserError("--time-limit must be a positive number of seconds, got " + timeLimit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!compare.isEmpty()) {
            if (repeats < 1 || warmups < 0) {
                throw new UserError("--repeats must be ≥ 1 and --warmups ≥ 0, got " + repeats + " and " + warmups);
            }
            return CompareRun.run(chosenProblems, chosenMethods, compare, CompareSettings.DEFAULT.withRepeats(repeats).withWarmups(warmups),
                    Duration.ofNanos((long) (timeLimit * 1e9)), reportDir, json, out, spec.commandLine().getErr(), r -> minimizationReport = r);
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
            minimizationReport = CompareRun.asComparison(results, chosenProblems, (System.nanoTime() - started) * 1e-9);
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
