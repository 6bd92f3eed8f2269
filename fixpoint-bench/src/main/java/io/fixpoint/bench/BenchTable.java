package io.fixpoint.bench;

import io.fixpoint.bench.compare.Timing;
import java.io.PrintWriter;
import java.util.ArrayList;
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
    public static void print(List<SolveRecord> results, PrintWriter out) {
        rows(results, out);
        out.println();
        summary(results, out);
        newtonFamily(results, out);
        out.flush();
    }

    /** One row per solve. */
    public static void rows(List<SolveRecord> results, PrintWriter out) {
        int w = Math.max(7, results.stream().mapToInt(r -> r.problem().length()).max().orElse(0));
        int mw = methodWidth(results);
        String head = "%-" + w + "s %4s  %-" + mw + "s %-6s %-10s %-16s %6s %7s %7s %6s %7s %9s %9s  %s%n";
        out.printf(Locale.ROOT, head, "problem", "n", "method", "solved", "stationary", "status", "iter", "f", "g", "H", "Hv", "|g|", "time",
                "rate");
        for (SolveRecord r : results) {
            out.printf(Locale.ROOT, head, r.problem(), r.dimension(), r.method(), r.solved() ? "yes" : "no",
                    Boolean.TRUE.equals(r.figures().get("stationary")) ? "yes" : "no", r.statusText(),
                    r.iterations(), r.count("value"), r.count("gradient"), r.count("hessian"), r.count("hessianVector"),
                    r.applicable() ? number(r.optimality()) : "-", r.applicable() ? seconds(r.seconds()) : "-", rate(r));
        }
    }

    /** Per method: problems solved out of those run, how many ended at a stationary point, and medians over the solved ones. */
    public static void summary(List<SolveRecord> results, PrintWriter out) {
        int mw = methodWidth(results);
        String head = "%-" + mw + "s %9s %7s %10s %4s %8s %8s %8s %8s %8s %9s%n";
        out.printf(Locale.ROOT, head, "method", "solved", "%", "stationary", "n/a", "med iter", "med f", "med g", "med H", "med Hv", "med time");
        for (Map.Entry<String, List<SolveRecord>> e : byMethod(results).entrySet()) {
            List<SolveRecord> all = e.getValue();
            List<SolveRecord> solved = all.stream().filter(SolveRecord::solved).toList();
            long na = all.stream().filter(r -> !r.applicable()).count();
            out.printf(Locale.ROOT, head, e.getKey(), solved.size() + "/" + all.size(),
                    String.format(Locale.ROOT, "%.1f", 100.0 * solved.size() / all.size()),
                    all.stream().filter(r -> Boolean.TRUE.equals(r.figures().get("stationary"))).count() + "/" + all.size(), na,
                    count(median(solved, SolveRecord::iterations)),
                    count(median(solved, r -> r.count("value"))),
                    count(median(solved, r -> r.count("gradient"))),
                    count(median(solved, r -> r.count("hessian"))),
                    count(median(solved, r -> r.count("hessianVector"))),
                    solved.isEmpty() ? "-" : seconds(median(solved, SolveRecord::seconds)));
        }
    }

    /**
     * Plain, damped and lazy-Hessian Newton on the problems that every one of them present solves:
     * totals and medians of iterations, Hessian evaluations and time, and the median per-problem
     * ratio to plain Newton. Prints nothing and returns false unless two of them were run.
     */
    public static boolean newtonFamily(List<SolveRecord> results, PrintWriter out) {
        Map<String, List<SolveRecord>> byMethod = byMethod(results);
        List<String> family = NEWTON_FAMILY.stream().filter(byMethod::containsKey).toList();
        if (family.size() < 2) {
            return false;
        }
        Set<String> common = new LinkedHashSet<>(problems(results));
        for (String m : family) {
            common.retainAll(byMethod.get(m).stream().filter(SolveRecord::solved).map(SolveRecord::problem).toList());
        }
        String base = family.get(0);
        out.println();
        out.printf(Locale.ROOT, "Newton family on the %d problems that %s all solve (ratios: median per problem against %s)%n",
                common.size(), String.join(", ", family), base);
        String head = "%-14s %7s %9s %8s %9s %8s %9s %9s %10s %9s %9s%n";
        out.printf(Locale.ROOT, head, "method", "solved", "iter sum", "iter med", "H sum", "H med", "time sum", "time med",
                "iter ratio", "H ratio", "time ratio");
        Map<String, SolveRecord> baseline = onProblems(byMethod.get(base), common);
        for (String m : family) {
            List<SolveRecord> all = byMethod.get(m);
            List<SolveRecord> on = new ArrayList<>(onProblems(all, common).values());
            long solved = all.stream().filter(SolveRecord::solved).count();
            out.printf(Locale.ROOT, head, m, solved + "/" + all.size(),
                    count(sum(on, SolveRecord::iterations)), count(median(on, SolveRecord::iterations)),
                    count(sum(on, r -> r.count("hessian"))), count(median(on, r -> r.count("hessian"))),
                    seconds(sum(on, SolveRecord::seconds)), on.isEmpty() ? "-" : seconds(median(on, SolveRecord::seconds)),
                    ratio(on, baseline, SolveRecord::iterations), ratio(on, baseline, r -> r.count("hessian")),
                    ratio(on, baseline, SolveRecord::seconds));
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

    /** A short form of a record's observed rate: {@code q=1.98}, {@code ρ=0.52}, {@code p=1.01}, or {@code -}. */
    public static String rate(SolveRecord r) {
        if (!(r.figures().get("rate") instanceof Map<?, ?> m) || !(m.get("parameter") instanceof Double p)) {
            return "-";
        }
        return rate(String.valueOf(m.get("kind")), p);
    }

    /** The short form of a rate of {@code kind} (superlinear, linear, sublinear) with its parameter (q, ρ, p). */
    public static String rate(String kind, double p) {
        return switch (kind) {
            case "superlinear" -> String.format(Locale.ROOT, "q=%.2f", p);
            case "linear" -> String.format(Locale.ROOT, "ρ=%.3g", p);
            case "sublinear" -> String.format(Locale.ROOT, "p=%.2f", p);
            default -> "-";
        };
    }

    /** A number in three significant digits, e.g. {@code 3.14e-09}; zero as {@code 0}. */
    public static String number(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "-" : (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v));
    }

    private static String ratio(List<SolveRecord> on, Map<String, SolveRecord> baseline, ToDoubleFunction<SolveRecord> f) {
        double[] r = on.stream().filter(x -> f.applyAsDouble(baseline.get(x.problem())) > 0)
                .mapToDouble(x -> f.applyAsDouble(x) / f.applyAsDouble(baseline.get(x.problem()))).toArray();
        return r.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", median(r));
    }

    static Map<String, List<SolveRecord>> byMethod(List<SolveRecord> results) {
        return results.stream().collect(Collectors.groupingBy(SolveRecord::method, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<String> problems(List<SolveRecord> results) {
        return results.stream().map(SolveRecord::problem).distinct().toList();
    }

    private static Map<String, SolveRecord> onProblems(List<SolveRecord> results, Set<String> problems) {
        Map<String, SolveRecord> m = new LinkedHashMap<>();
        results.stream().filter(r -> problems.contains(r.problem())).forEach(r -> m.put(r.problem(), r));
        return m;
    }

    private static int methodWidth(List<SolveRecord> results) {
        return Math.max(6, results.stream().mapToInt(r -> r.method().length()).max().orElse(0));
    }

    private static double sum(List<SolveRecord> rs, ToDoubleFunction<SolveRecord> f) {
        return rs.stream().mapToDouble(f).sum();
    }

    /** Median of {@code f} over {@code rs}; NaN when empty. */
    static double median(List<SolveRecord> rs, ToDoubleFunction<SolveRecord> f) {
        return median(rs.stream().mapToDouble(f).toArray());
    }

    static double median(double[] v) {
        return Timing.median(v);
    }
}
