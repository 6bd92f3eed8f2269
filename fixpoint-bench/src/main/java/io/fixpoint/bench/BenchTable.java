package io.fixpoint.bench;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.problem.Evaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The text report of a bench run: one row per (problem, method), a summary per method, and the
 * Newton family side by side (plain, damped and lazy-Hessian Newton on the problems all of them solve).
 * Also the one place for the short number formats the command line shares.
 */
public final class BenchTable {
    /** The methods compared in the Newton-family section, the first being the baseline. */
    public static final List<String> NEWTON_FAMILY = List.of("newton", "damped-newton", "lazy-newton");

    private BenchTable() {
    }

    /** All three sections. */
    public static void print(List<BenchResult> results, PrintWriter out) {
        rows(results, out);
        out.println();
        summary(results, out);
        newtonFamily(results, out);
        out.flush();
    }

    /** One row per solve. */
    public static void rows(List<BenchResult> results, PrintWriter out) {
        int w = Math.max(7, results.stream().mapToInt(r -> r.problem().length()).max().orElse(0));
        int mw = methodWidth(results);
        String head = "%-" + w + "s %4s  %-" + mw + "s %-6s %-3s %-16s %6s %7s %7s %6s %7s %9s %9s  %s%n";
        out.printf(Locale.ROOT, head, "problem", "n", "method", "solved", "f*", "status", "iter", "f", "g", "H", "Hv", "|g|", "time", "rate");
        for (BenchResult r : results) {
            out.printf(Locale.ROOT, head, r.problem(), r.dimension(), r.method(), r.solved() ? "yes" : "no",
                    r.reachedMinimum() ? "yes" : "no", r.status(),
                    r.iterations(), r.evaluations(Evaluation.VALUE), r.evaluations(Evaluation.GRADIENT),
                    r.evaluations(Evaluation.HESSIAN), r.evaluations(Evaluation.HESSIAN_VECTOR),
                    r.applicable() ? number(r.gradientNorm()) : "-", r.applicable() ? seconds(r.seconds()) : "-", rate(r.rate()));
        }
    }

    /** Per method: problems solved out of those run, how many reached f*, and medians over the solved ones. */
    public static void summary(List<BenchResult> results, PrintWriter out) {
        int mw = methodWidth(results);
        String head = "%-" + mw + "s %9s %7s %10s %4s %8s %8s %8s %8s %8s %9s%n";
        out.printf(Locale.ROOT, head, "method", "solved", "%", "f* reached", "n/a", "med iter", "med f", "med g", "med H", "med Hv", "med time");
        for (Map.Entry<String, List<BenchResult>> e : byMethod(results).entrySet()) {
            List<BenchResult> all = e.getValue();
            List<BenchResult> solved = all.stream().filter(BenchResult::solved).toList();
            long na = all.stream().filter(r -> !r.applicable()).count();
            out.printf(Locale.ROOT, head, e.getKey(), solved.size() + "/" + all.size(),
                    String.format(Locale.ROOT, "%.1f", 100.0 * solved.size() / all.size()),
                    all.stream().filter(BenchResult::reachedMinimum).count() + "/" + all.size(), na,
                    count(median(solved, BenchResult::iterations)),
                    count(median(solved, r -> r.evaluations(Evaluation.VALUE))),
                    count(median(solved, r -> r.evaluations(Evaluation.GRADIENT))),
                    count(median(solved, r -> r.evaluations(Evaluation.HESSIAN))),
                    count(median(solved, r -> r.evaluations(Evaluation.HESSIAN_VECTOR))),
                    solved.isEmpty() ? "-" : seconds(median(solved, BenchResult::seconds)));
        }
    }

    /**
     * Plain, damped and lazy-Hessian Newton on the problems that every one of them present solves:
     * totals and medians of iterations, Hessian evaluations and time, and the median per-problem
     * ratio to plain Newton. Prints nothing and returns false unless two of them were run.
     */
    public static boolean newtonFamily(List<BenchResult> results, PrintWriter out) {
        Map<String, List<BenchResult>> byMethod = byMethod(results);
        List<String> family = NEWTON_FAMILY.stream().filter(byMethod::containsKey).toList();
        if (family.size() < 2) {
            return false;
        }
        Set<String> common = new LinkedHashSet<>(problems(results));
        for (String m : family) {
            common.retainAll(byMethod.get(m).stream().filter(BenchResult::solved).map(BenchResult::problem).toList());
        }
        String base = family.get(0);
        out.println();
        out.printf(Locale.ROOT, "Newton family on the %d problems that %s all solve (ratios: median per problem against %s)%n",
                common.size(), String.join(", ", family), base);
        String head = "%-14s %7s %9s %8s %9s %8s %9s %9s %10s %9s %9s%n";
        out.printf(Locale.ROOT, head, "method", "solved", "iter sum", "iter med", "H sum", "H med", "time sum", "time med",
                "iter ratio", "H ratio", "time ratio");
        Map<String, BenchResult> baseline = onProblems(byMethod.get(base), common);
        for (String m : family) {
            List<BenchResult> all = byMethod.get(m);
            List<BenchResult> on = new ArrayList<>(onProblems(all, common).values());
            long solved = all.stream().filter(BenchResult::solved).count();
            out.printf(Locale.ROOT, head, m, solved + "/" + all.size(),
                    count(sum(on, BenchResult::iterations)), count(median(on, BenchResult::iterations)),
                    count(sum(on, r -> r.evaluations(Evaluation.HESSIAN))), count(median(on, r -> r.evaluations(Evaluation.HESSIAN))),
                    seconds(sum(on, BenchResult::seconds)), on.isEmpty() ? "-" : seconds(median(on, BenchResult::seconds)),
                    ratio(on, baseline, BenchResult::iterations), ratio(on, baseline, r -> r.evaluations(Evaluation.HESSIAN)),
                    ratio(on, baseline, BenchResult::seconds));
        }
        return true;
    }

    /** Seconds in a readable unit: {@code 850 µs}, {@code 12.3 ms}, {@code 1.25 s}. */
    public static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "-";
        }
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.1f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** A short form of a rate estimate: {@code q=1.98}, {@code ρ=0.52}, {@code p=1.01}, or {@code -}. */
    public static String rate(RateEstimate r) {
        return switch (r.kind()) {
            case SUPERLINEAR -> String.format(Locale.ROOT, "q=%.2f", r.parameter());
            case LINEAR -> String.format(Locale.ROOT, "ρ=%.3g", r.parameter());
            case SUBLINEAR -> String.format(Locale.ROOT, "p=%.2f", r.parameter());
            case UNKNOWN -> "-";
        };
    }

    /** A number in three significant digits, e.g. {@code 3.14e-09}; zero as {@code 0}. */
    public static String number(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "-" : (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v));
    }

    private static String ratio(List<BenchResult> on, Map<String, BenchResult> baseline, ToDoubleFunction<BenchResult> f) {
        double[] r = on.stream().filter(x -> f.applyAsDouble(baseline.get(x.problem())) > 0)
                .mapToDouble(x -> f.applyAsDouble(x) / f.applyAsDouble(baseline.get(x.problem()))).toArray();
        return r.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", median(r));
    }

    static Map<String, List<BenchResult>> byMethod(List<BenchResult> results) {
        return results.stream().collect(Collectors.groupingBy(BenchResult::method, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<String> problems(List<BenchResult> results) {
        return results.stream().map(BenchResult::problem).distinct().toList();
    }

    private static Map<String, BenchResult> onProblems(List<BenchResult> results, Set<String> problems) {
        Map<String, BenchResult> m = new LinkedHashMap<>();
        results.stream().filter(r -> problems.contains(r.problem())).forEach(r -> m.put(r.problem(), r));
        return m;
    }

    private static int methodWidth(List<BenchResult> results) {
        return Math.max(6, results.stream().mapToInt(r -> r.method().length()).max().orElse(0));
    }

    private static double sum(List<BenchResult> rs, ToDoubleFunction<BenchResult> f) {
        return rs.stream().mapToDouble(f).sum();
    }

    /** Median of {@code f} over {@code rs}; NaN when empty. */
    static double median(List<BenchResult> rs, ToDoubleFunction<BenchResult> f) {
        return median(rs.stream().mapToDouble(f).toArray());
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }
}
