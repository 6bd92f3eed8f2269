package io.fixpoint.bench.fixedpoint;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Problem;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The tolerance every map solve runs with, ‖x − T(x)‖ ≤ MAP_TOL. */
    public static final double MAP_TOL = 1e-10;
    static final double ROOT_TOL = 1e-10;

    public static final String SUITE = "fixed-point";

    /** Everything one run measured: one record per solve (figure {@code section}: map or root), the detection table, notes. */
    public record Report(List<SolveRecord> rows, List<DetectionRates.Row> detection, List<String> notes) {

        /** Map or residual evaluations of a method on a problem, or -1. */
        public long evaluations(String section, String problem, String tool, String method) {
            return rows.stream().filter(r -> section(r).equals(section) && r.problem().equals(problem) && r.tool().equals(tool)
                    && r.method().equals(method)).mapToLong(FixedPointBench::evaluations).findFirst().orElse(-1);
        }

        /** How many systems a method solved. */
        public long solvedCount(String tool, String method) {
            return rows.stream().filter(r -> section(r).equals("root") && r.tool().equals(tool) && r.method().equals(method) && r.solved())
                    .count();
        }
    }

    /** {@code map} or {@code root}. */
    public static String section(SolveRecord r) {
        return String.valueOf(r.figures().get("section"));
    }

    /** The evaluations of the map T or the residual F. */
    public static long evaluations(SolveRecord r) {
        return r.count(section(r).equals("map") ? "map" : "residual");
    }

    private FixedPointBench() {
    }

    /** Runs the whole bench; {@code scipy} false skips the peer. */
    public static Report run(int repeats, boolean scipy) {
        List<SolveRecord> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<FixedPointCase> maps = FixedPointMaps.withFixedPoints();
        List<RootCase> systems = RootSystems.mghSystems();
        Catalog catalog = Catalog.builtIn();
        for (FixedPointCase c : maps) {
            for (String method : catalog.names(ProblemKind.FIXED_POINT)) {
                rows.add(ours("map", c.name(), method, catalog.fixedPoint(method), c.map(), c.start(), MAP_TOL, 20_000, repeats, MAP_SOLVED));
            }
        }
        for (RootCase c : systems) {
            for (String method : catalog.names(ProblemKind.ROOT)) {
                rows.add(ours("root", c.name(), method, catalog.root(method), c.problem(), c.start(), ROOT_TOL, 2000, repeats, ROOT_SOLVED));
            }
            RootProblem withoutJacobian = RootProblem.of(c.dimension(), c.problem()::residuals);
            rows.add(ours("root", c.name(), "hybrid-fd", catalog.root("hybrid"), withoutJacobian, c.start(), ROOT_TOL, 2000, repeats,
                    ROOT_SOLVED));
        }
        if (scipy) {
            peer(rows, notes, maps, systems, repeats);
        } else {
            notes.add("SciPy: skipped (--no-scipy)");
        }
        return new Report(rows, DetectionRates.measure(FixedPointMaps.withoutFixedPoints()), notes);
    }

    private static <P extends Problem<P>> SolveRecord ours(String section, String problem, String method, SolverSpec<P> spec, P p,
            double[] start, double tol, int maxIter, int repeats, double solvedBelow) {
        Settings settings = spec.defaults().withTolerances(Tolerances.of(tol)).withMaxIterations(maxIter).withTrace(false);
        Solution s = null;
        double[] times = new double[Math.max(1, repeats)];
        for (int k = 0; k < times.length; k++) {
            s = settings.driver().solve(spec.create(), p, start.clone());
            times[k] = s.seconds();
        }
        Arrays.sort(times);
        boolean solved = Double.isFinite(s.optimality()) && s.optimality() <= solvedBelow;
        return SolveRecord.of(SUITE, problem, method, spec.family(), s, solved, s.value(), s.optimality(), times[times.length / 2], times.length,
                Map.of("section", section));
    }

    private static void peer(List<SolveRecord> rows, List<String> notes, List<FixedPointCase> maps, List<RootCase> systems, int repeats) {
        Map<String, Integer> systemDims = new LinkedHashMap<>();
        systems.forEach(c -> systemDims.put(c.name(), c.dimension()));
        Map<String, Integer> mapDims = new LinkedHashMap<>();
        maps.forEach(c -> mapDims.put(c.name(), c.map().dimension()));
        ScipyFixedPoint peer;
        try {
            peer = ScipyFixedPoint.run(systemDims, mapDims, repeats);
        } catch (ScipyFixedPoint.Unavailable e) {
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
        for (ScipyFixedPoint.Result r : peer.results()) {
            if (disagree.contains(r.name())) {
                continue;
            }
            String section = r.kind().equals("map") ? "map" : "root";
            double bound = section.equals("map") ? MAP_SOLVED : ROOT_SOLVED;
            boolean solved = Double.isFinite(r.fnorm()) && r.fnorm() <= bound;
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(section.equals("map") ? "map" : "residual", r.nfev());
            counts.put("jacobian", r.njev());
            rows.add(new SolveRecord(SUITE, r.name(), r.x().length, "scipy", r.method(), section.equals("map") ? "fixed-point iteration"
                    : "root finding", SolveRecord.Outcome.RAN, null, r.success() ? "success" : "failure", r.success(), solved, "", -1, counts,
                    Double.NaN, r.fnorm(), r.seconds(), repeats, r.x(), null, Map.of("section", section)));
        }
    }

    private static boolean sameStart(ScipyFixedPoint.StartValue v, double[] start, double[] value) {
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
        for (SolveRecord r : report.rows()) {
            if (section(r).equals(section)) {
                sb.append(String.format("%-27s %-8s %-15s %-15s %-6s %6s %7d %5s %10.2e %10.3f%n", r.problem(), r.tool(), r.method(),
                        r.statusText(), r.solved() ? "yes" : "no", r.iterations() < 0 ? "-" : String.valueOf(r.iterations()), evaluations(r),
                        section.equals("root") ? String.valueOf(r.count("jacobian")) : "", r.optimality(), r.seconds() * 1e3));
            }
        }
    }

    private static List<String> distinct(Report report, String section) {
        return report.rows().stream().filter(r -> section(r).equals(section)).map(SolveRecord::problem).distinct().toList();
    }

    private static List<String> methods(Report report, String section, String peer) {
        return report.rows().stream().filter(r -> section(r).equals(section) && r.tool().equals(peer)).map(SolveRecord::method).distinct()
                .toList();
    }
}
