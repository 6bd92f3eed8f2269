package io.fixpoint.cli;

import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Comparison;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.FixpointRunner;
import io.fixpoint.bench.compare.Peer;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.compare.Progress;
import io.fixpoint.bench.compare.SolveRecord;
import io.fixpoint.bench.peer.Peers;
import io.fixpoint.bench.report.ReportWriter;
import io.fixpoint.bench.report.SummaryText;
import io.fixpoint.bench.suite.TestProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

/** {@code fixpoint bench --compare PEERS}: Fixpoint and its peers side by side, and the HTML report of a bench run. */
final class CompareRun {
    /** The SciPy subprocess may run this long; what it finished by then is kept. */
    static final Duration PEER_LIMIT = Duration.ofMinutes(6);

    private CompareRun() {
    }

    /**
     * Runs the comparison, prints the summary (or JSON lines), writes the report and hands the result to {@code ran} (for the
     * bench report's other sections); exit 1 when definitions disagree.
     */
    static int run(List<TestProblem> problems, List<String> methods, List<String> peerNames, CompareSettings settings, Duration solveLimit,
            Path reportDir, boolean json, PrintWriter out, PrintWriter err, Consumer<ComparisonResult> ran) {
        List<Peer> tools = new ArrayList<>();
        tools.add(new FixpointRunner(methods, solveLimit));
        for (String name : peerNames) {
            if (!name.equals("none")) {
                tools.add(Peers.byName(name, PEER_LIMIT));
            }
        }
        ComparisonResult result = Comparison.run(problems, tools, settings, Progress.onTerminal());
        ran.accept(result);
        if (json) {
            result.records().forEach(r -> out.println(Json.write(ReportWriter.json(r))));
        } else {
            SummaryText.print(result, out);
        }
        out.flush();
        for (PeerOutcome o : result.outcomes()) {
            if (!o.ran()) {
                err.println("warning: " + o.skipped());
            }
            o.disagreements().forEach(d -> err.println("error: " + d + " (excluded from the " + o.peer() + " comparison)"));
        }
        if (reportDir != null) {
            err.println("wrote " + write(result, reportDir));
        }
        err.printf("compared in %.0f s%n", result.wallSeconds());
        err.flush();
        return result.hasDisagreements() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A plain bench run (Fixpoint only, one timed solve each) as a comparison, for the HTML report beside the bench's own CSV and JSON. */
    static ComparisonResult asComparison(List<BenchResult> results, List<TestProblem> problems, double wallSeconds) {
        Map<String, TestProblem> byName = new LinkedHashMap<>();
        problems.forEach(p -> byName.put(p.name(), p));
        CompareSettings settings = CompareSettings.DEFAULT.withRepeats(1).withWarmups(0);
        List<SolveRecord> records = results.stream().filter(BenchResult::applicable)
                .map(r -> FixpointRunner.fromBench(r, byName.get(r.problem()), settings)).toList();
        return Comparison.of(Comparison.now(), wallSeconds, settings, problems, List.of(new PeerOutcome(SolveRecord.FIXPOINT,
                "Fixpoint", null, List.of(), List.of(),
                List.of("single timed solve per problem × method, no warm-up; add --compare scipy,hipparchus for the fair side-by-side run"),
                records)));
    }

    private static Path write(ComparisonResult result, Path dir) {
        try {
            return ReportWriter.write(result, dir);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + dir + ": " + e.getMessage());
        }
    }
}
