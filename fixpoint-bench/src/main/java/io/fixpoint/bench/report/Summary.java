package io.fixpoint.bench.report;

import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Timing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a comparison: one row per solver, and ratios of each Fixpoint solver against the best
 * peer solver of its family (the one solving most problems, then the one with fewer median evaluations).
 * Ratios are Fixpoint / peer, per problem, over the problems both solve; the median is reported.
 */
public final class Summary {

    /** Medians over problems both solvers solve; {@code common} is how many there are. */
    public record Ratios(int common, double evaluations, double gradientEvaluations, double seconds) {
    }

    /**
     * One solver's row.
     *
     * @param medianEvaluations f + ∇f + ∇²f evaluations, median over solved problems
     */
    public record Row(String solver, String tool, String method, String family, int attempted, int solved, double medianEvaluations,
            double medianGradientEvaluations, double medianSeconds, String bestPeer, Ratios ratios) {
    }

    private final ComparisonResult result;
    private final Map<String, List<SolveRecord>> bySolver = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public Summary(ComparisonResult result) {
        this.result = result;
        for (SolveRecord r : result.records()) {
            bySolver.computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r);
        }
        for (List<SolveRecord> rs : bySolver.values()) {
            SolveRecord first = rs.get(0);
            String best = null;
            Ratios ratios = null;
            if (first.isFixpoint()) {
                Optional<String> peer = bestPeer(first.family());
                if (peer.isPresent()) {
                    best = peer.get();
                    ratios = ratios(rs, bySolver.get(best));
                }
            }
            List<SolveRecord> solved = rs.stream().filter(SolveRecord::solved).toList();
            rows.add(new Row(first.solver(), first.tool(), first.method(), first.family(), rs.size(), solved.size(),
                    median(solved, r -> r.totalEvaluations()), median(solved, r -> r.gradientEvaluations()),
                    median(solved, SolveRecord::seconds), best, ratios));
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public List<SolveRecord> records(String solver) {
        return bySolver.getOrDefault(solver, List.of());
    }

    /** Every Fixpoint solver against every peer solver of its family: {fixpoint solver, peer solver} with their ratios. */
    public List<Map.Entry<String[], Ratios>> pairs() {
        List<Map.Entry<String[], Ratios>> out = new ArrayList<>();
        for (Row a : rows) {
            if (!a.tool().equals(SolveRecord.FIXPOINT)) {
                continue;
            }
            for (Row b : rows) {
                if (!b.tool().equals(SolveRecord.FIXPOINT) && b.family().equals(a.family())) {
                    out.add(Map.entry(new String[] {a.solver(), b.solver()}, ratios(bySolver.get(a.solver()), bySolver.get(b.solver()))));
                }
            }
        }
        return out;
    }

    /** The peer solver of {@code family} that solves most problems (ties: fewer median evaluations). */
    public Optional<String> bestPeer(String family) {
        return bySolver.entrySet().stream()
                .filter(e -> !e.getValue().get(0).isFixpoint() && e.getValue().get(0).family().equals(family))
                .max(Comparator.<Map.Entry<String, List<SolveRecord>>>comparingLong(e -> e.getValue().stream().filter(SolveRecord::solved).count())
                        .thenComparing(e -> -median(e.getValue().stream().filter(SolveRecord::solved).toList(), r -> r.totalEvaluations())))
                .map(Map.Entry::getKey);
    }

    /** Median ratios a/b over the problems both solve. */
    public static Ratios ratios(List<SolveRecord> a, List<SolveRecord> b) {
        Map<String, SolveRecord> other = new LinkedHashMap<>();
        b.stream().filter(SolveRecord::solved).forEach(r -> other.put(r.problem(), r));
        List<double[]> rs = new ArrayList<>();
        for (SolveRecord r : a) {
            SolveRecord o = other.get(r.problem());
            if (r.solved() && o != null) {
                rs.add(new double[] {ratio(r.totalEvaluations(), o.totalEvaluations()), ratio(r.gradientEvaluations(), o.gradientEvaluations()),
                        ratio(r.seconds(), o.seconds())});
            }
        }
        return new Ratios(rs.size(), Timing.median(column(rs, 0)), Timing.median(column(rs, 1)), Timing.median(column(rs, 2)));
    }

    private static double ratio(double a, double b) {
        return b > 0 && Double.isFinite(a) && Double.isFinite(b) ? a / b : Double.NaN;
    }

    private static double[] column(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(r -> r[k]).filter(Double::isFinite).toArray();
    }

    static double median(List<SolveRecord> rs, ToDoubleFunction<SolveRecord> f) {
        return Timing.median(rs.stream().mapToDouble(f).filter(Double::isFinite).toArray());
    }

    /** The headline pairs: Fixpoint method, SciPy method, label. */
    static final List<String[]> HEADLINE = List.of(new String[] {"lbfgs", "L-BFGS-B", "L-BFGS"}, new String[] {"bfgs", "BFGS", "BFGS"});

    /** The headline sentences: L-BFGS vs SciPy L-BFGS-B and BFGS vs SciPy BFGS. */
    public List<String> headline() {
        List<String> out = new ArrayList<>();
        int n = result.problems().size();
        PeerOutcome scipy = result.outcomes().stream().filter(o -> o.peer().equals("scipy")).findFirst().orElse(null);
        String scipySkipped = scipy == null ? "SciPy was not part of this run" : scipy.skipped();
        for (String[] pair : HEADLINE) {
            List<SolveRecord> fp = bySolver.get(SolveRecord.FIXPOINT + " " + pair[0]);
            List<SolveRecord> sp = bySolver.get("scipy " + pair[1]);
            if (fp == null) {
                out.add(pair[2] + ": Fixpoint has no '" + pair[0] + "' minimiser in this run.");
            } else if (scipySkipped != null) {
                out.add(String.format(Locale.ROOT, "%s: Fixpoint %s solved %d of %d problems; no SciPy figures (%s).", pair[2], pair[0],
                        solved(fp), n, scipySkipped));
            } else if (sp == null) {
                out.add(pair[2] + ": SciPy " + pair[1] + " was not run.");
            } else {
                Ratios r = ratios(fp, sp);
                out.add(String.format(Locale.ROOT,
                        "%s: Fixpoint %s solved %d of %d problems, SciPy %s solved %d of %d. "
                                + "On the %d problems both solve, Fixpoint needs %s the gradient evaluations and %s the time per solve "
                                + "(medians of per-problem ratios Fixpoint / SciPy%s).",
                        pair[2], pair[0], solved(fp), fp.size(), pair[1], solved(sp), sp.size(), r.common(),
                        times(r.gradientEvaluations()), times(r.seconds()),
                        r.seconds() < 0.5 ? String.format(Locale.ROOT, "; SciPy takes %.0f× as long", 1 / r.seconds()) : ""));
            }
        }
        return out;
    }

    private static long solved(List<SolveRecord> rs) {
        return rs.stream().filter(SolveRecord::solved).count();
    }

    static String times(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.2g×" : ratio < 100 ? "%.2f×" : "%.0f×", ratio);
    }
}
