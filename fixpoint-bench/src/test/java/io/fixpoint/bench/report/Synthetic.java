package io.fixpoint.bench.report;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.ComparisonResult.ProblemInfo;
import io.fixpoint.bench.compare.Family;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** A tiny hand-made comparison: four problems, Fixpoint lbfgs against SciPy L-BFGS-B, Hipparchus skipped. */
final class Synthetic {
    private Synthetic() {
    }

    static SolveRecord rec(String tool, String method, String problem, boolean solved, long gradients, double seconds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("value", gradients);
        counts.put("gradient", gradients);
        return new SolveRecord("minimization", problem, 2, tool, method, tool.equals("fixpoint") ? Catalog.builtIn().minimizer(method).family()
                : Family.ofPeerMethod(method), SolveRecord.Outcome.RAN, tool.equals("fixpoint") ? (solved ? Status.CONVERGED
                : Status.MAX_ITERATIONS) : null, tool.equals("fixpoint") ? null : solved ? "status 0" : "status 1", solved, solved,
                "stopped, \"as\" asked", (int) gradients - 1, counts, solved ? 0 : 1, solved ? 1e-9 : 1, seconds, 5, new double[] {1, 1},
                new double[] {10, 1, 0.1, 1e-3, solved ? 1e-9 : 1e-2}, Map.of());
    }

    /** The comparison as the minimisation suite reports it. */
    static SuiteReport report() {
        ComparisonResult r = result();
        return new SuiteReport("minimization", "Minimisation (MGH) beside scipy", r.records(), "text", MinimizationSection.html(r), Map.of(),
                List.of("not wanted"), r.hasDisagreements(), 1.5);
    }

    static ComparisonResult result() {
        List<SolveRecord> fp = List.of(
                rec("fixpoint", "lbfgs", "p1", true, 10, 1e-3),
                rec("fixpoint", "lbfgs", "p2", true, 30, 3e-3),
                rec("fixpoint", "lbfgs", "p3", true, 5, 1e-4),
                rec("fixpoint", "lbfgs", "p4", false, 100, 1e-2));
        List<SolveRecord> sp = List.of(
                rec("scipy", "L-BFGS-B", "p1", true, 20, 4e-3),
                rec("scipy", "L-BFGS-B", "p2", true, 10, 1e-3),
                rec("scipy", "L-BFGS-B", "p3", false, 50, 1e-3),
                rec("scipy", "L-BFGS-B", "p4", true, 40, 2e-3));
        List<ProblemInfo> problems = List.of(new ProblemInfo("p1", 2, 0, "ref"), new ProblemInfo("p2", 2, 0, "ref"),
                new ProblemInfo("p3", 2, 0, "ref"), new ProblemInfo("p4", 2, 0, "ref <&>"));
        return new ComparisonResult("2026-01-01T00:00:00Z", "test machine", 1.5, CompareSettings.DEFAULT, problems, List.of(
                new PeerOutcome("fixpoint", "Fixpoint test", null, List.of(), List.of(), List.of(), fp),
                new PeerOutcome("scipy", "SciPy test", null, List.of("p5: SciPy's definition disagrees with Fixpoint's"), List.of(), List.of(), sp),
                PeerOutcome.skipped("hipparchus", "Hipparchus peer skipped: not wanted")), List.of("Every tool stops at a test."));
    }
}
