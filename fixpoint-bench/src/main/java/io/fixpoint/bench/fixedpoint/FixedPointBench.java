package io.fixpoint.bench.fixedpoint;

import io.fixpoint.fixedpoint.FixedPointSolvers;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.Problem;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.root.RootSolvers;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fixed-point and root-finding bench: every fixed-point method on the standard maps, every root
 * method on the square MGH systems, the displacement-estimate errors on maps without a fixed point,
 * and SciPy on the same problems in the same run when python3 with SciPy is available.
 *
 * <p>Solved means: a map's residual ‖x − T(x)‖ ≤ {@value #MAP_SOLVED}; a system's ‖F(x)‖₂ ≤
 * {@value #ROOT_SOLVED}, judged the same way for both sides. Times are medians over the repeats.
 */
public final class FixedPointBench {
    public static final double MAP_SOLVED = 1e-8;
    public static final double ROOT_SOLVED = 1e-6;
    static final double MAP_TOL = 1e-10;
    static final double ROOT_TOL = 1e-10;

    /**
     * One solve.
     *
     * @param section     "map" or "root"
     * @param peer        "fixpoint" or "scipy"
     * @param evaluations map or residual evaluations (for SciPy, nfev, finite differences included)
     * @param jacobians   Jacobian evaluations
     * @param residual    ‖x − T(x)‖ or ‖F(x)‖₂ at the end
     */
    public record Row(String section, String problem, String peer, String method, String status, boolean solved, int iterations,
            long evaluations, long jacobians, double residual, double seconds) {
    }

    /** Everything one run measured. */
    public record Report(List<Row> rows, List<DetectionRates.Row> detection, List<String> notes) {

        /** Map evaluations of a method on a map, or -1. */
        public long evaluations(String section, String problem, String peer, String method) {
            return rows.stream().filter(r -> r.section.equals(section) && r.problem.equals(problem) && r.peer.equals(peer)
                    && r.method.equals(method)).mapToLong(Row::evaluations).findFirst().orElse(-1);
        }

        /** How many systems a method solved. */
        public long solvedCount(String peer, String method) {
            return rows.stream().filter(r -> r.section.equals("root") && r.peer.equals(peer) && r.method.equals(method) && r.solved).count();
        }
    }

    private FixedPointBench() {
    }

    /** Runs the whole bench; {@code scipy} false skips the peer. */
    public static Report run(int repeats, boolean scipy) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<FixedPointCase> maps = FixedPointSuite.withFixedPoints();
        List<RootCase> systems = RootSuite.mghSystems();
        for (FixedPointCase c : maps) {
            for (String method : FixedPointSolvers.names()) {
                rows.add(ours("map", c.name(), method, () -> FixedPointSolvers.byName(method), c.map(), c.start(), MAP_TOL, 20_000, repeats,
                        MAP_SOLVED));
            }
        }
        for (RootCase c : systems) {
            for (String method : RootSolvers.names()) {
                rows.add(ours("root", c.name(), method, () -> RootSolvers.byName(method), c.problem(), c.start(), ROOT_TOL, 2000, repeats,
                        ROOT_SOLVED));
            }
            RootProblem withoutJacobian = RootProblem.of(c.dimension(), c.problem()::residuals);
            rows.add(ours("root", c.name(), "hybrid-fd", () -> RootSolvers.byName("hybrid"), withoutJacobian, c.start(), ROOT_TOL, 2000,
                    repeats, ROOT_SOLVED));
        }
        if (scipy) {
            peer(rows, notes, maps, systems, repeats);
        } else {
            notes.add("SciPy: skipped (--no-scipy)");
        }
        return new Report(rows, DetectionRates.measure(FixedPointSuite.withoutFixedPoints()), notes);
    }

    private static <P extends Problem<P>> Row ours(String section, String problem, String method,
            Supplier<Solver<P, ? extends IterationState>> solver, P p, double[] start, double tol, int maxIter, int repeats,
            double solvedBelow) {
        Driver driver = Driver.builder().tolerance(tol).maxIterations(maxIter).recordTrace(false).build();
        Solution s = null;
        double[] times = new double[Math.max(1, repeats)];
        for (int k = 0; k < times.length; k++) {
            s = solve(driver, solver.get(), p, start);
            times[k] = s.seconds();
        }
        Arrays.sort(times);
        Evaluation primary = section.equals("map") ? Evaluation.MAP : Evaluation.RESIDUAL;
        boolean solved = Double.isFinite(s.optimality()) && s.optimality() <= solvedBelow;
        return new Row(section, problem, "fixpoint", method, s.status().name(), solved, s.iterations(),
                s.evaluations().get(primary), s.evaluations().get(Evaluation.JACOBIAN), s.optimality(), times[times.length / 2]);
    }

    private static <P extends Problem<P>, S extends IterationState> Solution solve(Driver d, Solver<P, S> solver, P p, double[] start) {
        return d.solve(solver, p, start.clone());
    }

    private static void peer(List<Row> rows, List<String> notes, List<FixedPointCase> maps, List<RootCase> systems, int repeats) {
        Map<String, Integer> systemDims = new LinkedHashMap<>();
        systems.forEach(c -> systemDims.put(c.name(), c.dimension()));
        Map<String, Integer> mapDims = new LinkedHashMap<>();
        maps.forEach(c -> mapDims.put(c.name(), c.map().dimension()));
        ScipyPeer peer;
        try {
            peer = ScipyPeer.run(systemDims, mapDims, repeats);
        } catch (ScipyPeer.Unavailable e) {
            notes.add("SciPy: skipped (" + e.getMessage() + ")");
            return;
        }
        int agree = 0;
        List<String> disagree = new ArrayList<>();
        for (RootCase c : systems) {
            double[] f = new double[c.dimension()];
            c.problem().residuals(c.start(), f);
            if (sameStart(peer.startValues().get("system:" + c.name()), c.start(), f)) {
                agree++;
            } else {
                disagree.add(c.name());
            }
        }
        for (FixedPointCase c : maps) {
            double[] t = new double[c.map().dimension()];
            c.map().apply(c.start(), t);
            if (sameStart(peer.startValues().get("map:" + c.name()), c.start(), t)) {
                agree++;
            } else {
                disagree.add(c.name());
            }
        }
        notes.add("SciPy: definitions agree with Java at the start point (relative 1e-12) for " + agree + " of "
                + (systems.size() + maps.size()) + " problems" + (disagree.isEmpty() ? "" : "; disagree (rows dropped): " + disagree));
        for (ScipyPeer.Result r : peer.results()) {
            if (disagree.contains(r.name())) {
                continue;
            }
            String section = r.kind().equals("map") ? "map" : "root";
            double bound = section.equals("map") ? MAP_SOLVED : ROOT_SOLVED;
            boolean solved = Double.isFinite(r.fnorm()) && r.fnorm() <= bound;
            rows.add(new Row(section, r.name(), "scipy", r.method(), r.success() ? "success" : "failure", solved, -1, r.nfev(), r.njev(),
                    r.fnorm(), r.seconds()));
        }
    }

    private static boolean sameStart(ScipyPeer.StartValue v, double[] start, double[] value) {
        if (v == null || v.start().length != start.length || v.value().length != value.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (Math.abs(v.start()[i] - start[i]) > 1e-12 * Math.max(1, Math.abs(start[i]))
                    || Math.abs(v.value()[i] - value[i]) > 1e-12 * Math.max(1, Vectors.normInf(value))) {
                return false;
            }
        }
        return true;
    }

    /** The report as fixed-width tables with the headline ratios and counts. */
    public static String text(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Fixed-point maps (tolerance ‖x − T(x)‖ ≤ ").append(MAP_TOL).append("; solved: ≤ ").append(MAP_SOLVED).append(")\n");
        table(sb, report, "map", "maps");
        sb.append("\nAnderson vs Picard, map evaluations (same run):\n");
        for (String map : distinct(report, "map")) {
            long a = report.evaluations("map", map, "fixpoint", "anderson");
            long p = report.evaluations("map", map, "fixpoint", "picard");
            sb.append(String.format("  %-20s anderson %6d  picard %6d  ratio %.3f%n", map, a, p, p > 0 ? (double) a / p : Double.NaN));
        }
        sb.append("\nSquare MGH systems from the standard starts (solved: ‖F‖₂ ≤ ").append(ROOT_SOLVED)
                .append(", same test for both; SciPy's evaluations include its finite-difference Jacobians, ours are analytic except hybrid-fd)\n");
        table(sb, report, "root", "jacs");
        sb.append("\nSystems solved (of ").append(distinct(report, "root").size()).append("):");
        for (String peer : new String[] {"fixpoint", "scipy"}) {
            for (String method : methods(report, "root", peer)) {
                sb.append(String.format(" %s %s %d;", peer, method, report.solvedCount(peer, method)));
            }
        }
        sb.append("\n\nDisplacement estimates on maps without a fixed point: error ‖v̂ − v‖ after k iterations\n");
        sb.append(DetectionRates.table(report.detection()));
        for (String note : report.notes()) {
            sb.append('\n').append(note);
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void table(StringBuilder sb, Report report, String section, String extra) {
        sb.append(String.format("%-27s %-8s %-15s %-15s %-6s %6s %7s %5s %10s %10s%n", "problem", "peer", "method", "status", "solved",
                "iter", "evals", section.equals("root") ? "jac" : "", "residual", "ms"));
        for (Row r : report.rows()) {
            if (r.section().equals(section)) {
                sb.append(String.format("%-27s %-8s %-15s %-15s %-6s %6s %7d %5s %10.2e %10.3f%n", r.problem(), r.peer(), r.method(),
                        r.status(), r.solved() ? "yes" : "no", r.iterations() < 0 ? "-" : String.valueOf(r.iterations()), r.evaluations(),
                        section.equals("root") ? String.valueOf(r.jacobians()) : "", r.residual(), r.seconds() * 1e3));
            }
        }
    }

    private static List<String> distinct(Report report, String section) {
        return report.rows().stream().filter(r -> r.section().equals(section)).map(Row::problem).distinct().toList();
    }

    private static List<String> methods(Report report, String section, String peer) {
        return report.rows().stream().filter(r -> r.section().equals(section) && r.peer().equals(peer)).map(Row::method).distinct().toList();
    }
}
