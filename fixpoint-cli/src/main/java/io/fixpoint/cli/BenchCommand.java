package io.fixpoint.cli;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.peer.Peers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint bench}: every built-in suite, or the chosen ones, as text, JSON lines and an HTML report. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the built-in suites: every method of each family on its problems, judged one way per suite, beside the peers",
                "where they are installed. Suites (--suites): minimization, least-squares, fixed-point, sequence, lp, transport, mdp,",
                "ranking, bounded, large, constrained, training, and spark (with Spark on the class path: ./fixpoint bench --suites spark).",
                "Text goes to stdout, progress and notes to stderr; --report DIR also writes DIR/index.html (one page, a section",
                "per suite) and DIR/SUITE/results.csv and results.json. Exit 1 when a peer's problem definitions disagree."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = {"Suites to run. Default: all of them, or only minimization when --problems, --methods or --compare is given."})
    List<String> suites = List.of();

    @Option(names = "--problems", split = ",", paramLabel = "NAME", description = "Problems to run (names of the suite's problems). Default: all.")
    List<String> problems = List.of();

    @Option(names = "--methods", split = ",", paramLabel = "NAME", description = "Methods to run. Default: all of each suite's family.")
    List<String> methods = List.of();

    @Option(names = "--json", description = "Print one JSON object per solve, one per line, as each suite finishes.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the report to DIR (checked before the run starts).")
    Path reportDir;

    @Option(names = "--compare", split = ",", paramLabel = "PEERS",
            description = {"Minimisation beside these peers (scipy, hipparchus) on the same problems, start points and tolerances,",
                    "with JIT warm-up and median times."})
    List<String> compare = List.of();

    @Option(names = "--no-peers", description = "Run no peer, not even where a suite runs SciPy by default.")
    boolean noPeers;

    @Option(names = "--full", description = "The big sweeps (sequence: T up to 1e6, D = 1..32, five repeats; lp: all Netlib models and large "
            + "generated programs; transport: n = 1000, ε down to 3e-4, every accelerated method; mdp: 1e5 iterations per curve; ranking: random graphs of 1e5 games; spark: n = 1e6, d = 100 dense and 1e4 sparse).")
    boolean full;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Wall-time limit per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit = 10;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed repeats per solve where a suite times (medians reported). Default: the suite's.")
    Integer repeats;

    @Option(names = "--warmups", paramLabel = "N", description = "With --compare: untimed JVM warm-up solves first. Default: ${DEFAULT-VALUE}.")
    int warmups = 3;

    @Override
    public Integer call() {
        List<Suite> chosen = chosenSuites();
        if (repeats != null && repeats < 1 || warmups < 0) {
            throw new UserError("--repeats must be ≥ 1 and --warmups ≥ 0, got " + repeats + " and " + warmups);
        }
        for (String p : compare) {
            if (!Peers.NAMES.contains(p)) {
                throw new UserError("unknown peer '" + p + "'; known peers: " + String.join(", ", Peers.NAMES));
            }
        }
        if (noPeers && !compare.isEmpty()) {
            throw new UserError("--no-peers and --compare contradict each other");
        }
        SuiteOptions options = SuiteOptions.DEFAULT.withProblems(problems).withMethods(methods)
                .withPeers(noPeers ? List.of() : compare.isEmpty() ? null : compare).withRepeats(repeats == null ? 0 : repeats).withWarmups(warmups).withFull(full)
                .withSolveLimit(DriverOptions.duration("--time-limit", timeLimit)).withProgress(Progress.on(spec.commandLine().getErr()));
        refuseUnread(chosen, options);
        return SuiteRun.run(chosen, options, json, reportDir, true, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** An option that none of the chosen suites reads is refused, not ignored; the message says which suites it applies to. */
    private void refuseUnread(List<Suite> chosen, SuiteOptions options) {
        Map<String, Choice> choices = new LinkedHashMap<>();
        choices.put("--problems", Choice.PROBLEMS);
        choices.put("--methods", Choice.METHODS);
        choices.put("--compare", Choice.PEERS);
        choices.put("--no-peers", Choice.PEERS);
        choices.put("--repeats", Choice.REPEATS);
        choices.put("--warmups", Choice.WARMUPS);
        choices.put("--full", Choice.FULL);
        choices.put("--time-limit", Choice.SOLVE_LIMIT);
        choices.forEach((option, choice) -> {
            if (!spec.commandLine().getParseResult().hasMatchedOption(option) || chosen.stream().anyMatch(s -> s.reads(options).contains(choice))) {
                return;
            }
            List<String> readers = BenchSuites.all().stream().filter(s -> s.reads(options).contains(choice)).map(Suite::name).toList();
            String where = readers.isEmpty() ? "" : "; it applies to the " + suites(readers);
            if (compare.isEmpty() && (choice == Choice.REPEATS || choice == Choice.WARMUPS)) {
                where += (readers.isEmpty() ? "; it applies to" : " and to") + " the minimization suite with --compare";
            }
            throw new UserError(option + " does not apply to the " + suites(chosen.stream().map(Suite::name).distinct().toList()) + where);
        });
    }

    private static String suites(List<String> names) {
        return names.size() == 1 ? names.get(0) + " suite" : String.join(", ", names) + " suites";
    }

    private List<Suite> chosenSuites() {
        if (!suites.isEmpty()) {
            return suites.stream().map(BenchSuites::byName).toList();
        }
        if (!problems.isEmpty() || !methods.isEmpty() || !compare.isEmpty()) {
            return List.of(BenchSuites.byName("minimization"));
        }
        return new ArrayList<>(BenchSuites.all());
    }
}
