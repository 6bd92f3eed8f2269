package io.fixpoint.bench;

import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Comparison;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.FixpointRunner;
import io.fixpoint.bench.compare.Peer;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.peer.Peers;
import io.fixpoint.bench.report.MinimizationSection;
import io.fixpoint.bench.report.SummaryText;
import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Moré–Garbow–Hillstrom problems with every minimiser. Alone it is the quick bench: one timed
 * solve each under the catalogue's settings ({@link MinimizationBench}). With peers (SciPy,
 * Hipparchus) it is the fair comparison: the same gradient target for every tool, JIT warm-up and
 * median times ({@link Comparison}). Either way every solve is judged by {@link MinimizationJudge}.
 */
public final class MinimizationSuite implements Suite {
    /** The SciPy subprocess may run this long; what it finished by then is kept. */
    static final Duration PEER_LIMIT = Duration.ofMinutes(6);

    @Override
    public String name() {
        return MinimizationBench.SUITE;
    }

    @Override
    public String description() {
        return "every minimiser on the 35 Moré–Garbow–Hillstrom problems; with --compare, beside SciPy and Hipparchus";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        boolean compared = options.peers() != null && !options.peers().isEmpty(); // only a comparison repeats and warms up
        EnumSet<Choice> reads = EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.SOLVE_LIMIT);
        if (compared) {
            reads.addAll(EnumSet.of(Choice.REPEATS, Choice.WARMUPS));
        }
        return reads;
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        List<TestProblem> problems = options.problems().isEmpty() ? Suites.minimization()
                : options.problems().stream().map(Suites::problem).toList();
        List<String> methods = options.methods().isEmpty() ? options.catalog().names(ProblemKind.MINIMIZATION) : options.methods();
        methods.forEach(options.catalog()::minimizer); // unknown names fail before any solve
        List<String> peers = options.peers() == null ? List.of() : options.peers();
        long t0 = System.nanoTime();
        return peers.isEmpty() ? plain(problems, methods, options, t0) : compared(problems, methods, peers, options, t0);
    }

    private SuiteReport plain(List<TestProblem> problems, List<String> methods, SuiteOptions options, long t0) {
        MinimizationBench bench = MinimizationBench.builder().catalog(options.catalog()).timeLimit(options.solveLimit()).build();
        Progress progress = options.progress();
        progress.addWork((long) problems.size() * methods.size());
        List<SolveRecord> records = bench.run(problems, methods, (done, total, r) -> progress.advance(r.problem() + " " + r.method()));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        StringWriter text = new StringWriter();
        BenchTable.print(records, new PrintWriter(text));
        List<SolveRecord> ran = records.stream().filter(SolveRecord::applicable).toList();
        ComparisonResult result = Comparison.of(Comparison.now(), seconds, CompareSettings.DEFAULT, problems,
                List.of(new PeerOutcome(SolveRecord.FIXPOINT, "Fixpoint 0.1.0, Java " + System.getProperty("java.version"), null, List.of(),
                        List.of(), List.of(), ran)), setup(bench, methods, options));
        return new SuiteReport(name(), "Minimisation (MGH)", records, text.toString(), MinimizationSection.html(result), Map.of(), List.of(),
                false, seconds);
    }

    /** How the plain run was measured, from the settings it used. */
    private static List<String> setup(MinimizationBench bench, List<String> methods, SuiteOptions options) {
        Map<String, List<String>> byBudget = new TreeMap<>();
        for (String m : methods) {
            Settings s = bench.settings(m);
            String rule = s.tolerances().describe("‖∇f‖", "f") + " or " + s.maxIterations() + " iterations";
            byBudget.computeIfAbsent(rule, k -> new ArrayList<>()).add(m);
        }
        List<String> out = new ArrayList<>();
        byBudget.forEach((rule, ms) -> out.add("Stop at " + rule + ": " + String.join(", ", ms) + "."));
        out.add(String.format(Locale.ROOT, "One timed solve per problem × method, no JIT warm-up, at most %s s each "
                + "(add <code>--compare scipy,hipparchus</code> for warmed-up medians beside the peers).",
                Html.num(options.solveLimit().toMillis() / 1000.0)));
        return out;
    }

    private SuiteReport compared(List<TestProblem> problems, List<String> methods, List<String> peerNames, SuiteOptions options, long t0) {
        List<Peer> tools = new ArrayList<>();
        tools.add(new FixpointRunner(options.catalog(), methods, options.solveLimit()));
        for (String name : peerNames) {
            tools.add(Peers.byName(name, PEER_LIMIT));
        }
        CompareSettings settings = CompareSettings.DEFAULT.withRepeats(options.repeatsOr(CompareSettings.DEFAULT.repeats()))
                .withWarmups(options.warmups());
        ComparisonResult result = Comparison.run(problems, tools, settings, options.progress());
        StringWriter text = new StringWriter();
        SummaryText.print(result, new PrintWriter(text));
        List<String> notes = new ArrayList<>();
        for (PeerOutcome o : result.outcomes()) {
            if (!o.ran()) {
                notes.add(o.skipped());
            }
            o.disagreements().forEach(d -> notes.add(d + " (excluded from the " + o.peer() + " comparison)"));
        }
        return new SuiteReport(name(), "Minimisation (MGH) beside " + String.join(", ", peerNames), result.records(), text.toString(),
                MinimizationSection.html(result), Map.of(), notes, result.hasDisagreements(), (System.nanoTime() - t0) * 1e-9);
    }

}
