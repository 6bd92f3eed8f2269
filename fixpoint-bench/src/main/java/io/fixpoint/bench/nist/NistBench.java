package io.fixpoint.bench.nist;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NIST StRD table: every dataset from both starts with each Fixpoint method, judged by the
 * log relative error of every parameter and of the RSS, beside SciPy's least_squares on the same
 * files in the same run.
 */
public final class NistBench {
    public static final String SUITE = "least-squares";
    /** SciPy's methods in the table. */
    public static final List<String> PEER_METHODS = List.of("lm", "trf");
    /** The LRE a method must reach on every parameter and the RSS to count as solving a dataset: the judge of this suite. */
    public static final double TARGET = 6;
    /** Fits repeated this many times; the reported time is the median (the results are identical bit for bit). */
    public static final int REPEATS = 5;

    private NistBench() {
    }

    /** Fits {@code d} from {@code start} with {@code method} under its catalogue settings, once. */
    public static SolveRecord fit(NistDataset d, int start, String method) {
        return fit(d, start, method, 1);
    }

    /** Fits {@code repeats} times and reports the median wall time. */
    public static SolveRecord fit(NistDataset d, int start, String method, int repeats) {
        SolverSpec<LeastSquaresProblem> spec = Catalog.builtIn().leastSquares(method);
        Solution s = null;
        double[] times = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            s = spec.solve(d.problem(), d.start(start));
            times[k] = s.seconds();
        }
        java.util.Arrays.sort(times);
        Map<String, Object> figures = figures(d, start, s.x(), 2 * s.value());
        return SolveRecord.of(SUITE, d.name(), method, spec.family(), s, judge(figures), s.value(), s.optimality(), times[repeats / 2],
                repeats, figures);
    }

    /** The LREs of {@code x} and {@code rss} against {@code d}'s certified values, as a record's figures. */
    static Map<String, Object> figures(NistDataset d, int start, double[] x, double rss) {
        double[] lre = new double[d.certified().length];
        if (x != null) {
            for (int j = 0; j < lre.length; j++) {
                lre[j] = Lre.of(x[j], d.certified()[j]);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", start);
        m.put("rss", rss);
        m.put("parameterLre", lre);
        m.put("rssLre", x == null ? 0.0 : Lre.of(rss, d.certifiedRss()));
        return m;
    }

    /** Solved: LRE ≥ {@value #TARGET} on every parameter and on the RSS. */
    static boolean judge(Map<String, Object> figures) {
        return lre(figures) >= TARGET;
    }

    /** The smallest LRE over the parameters. */
    public static double minParameterLre(SolveRecord r) {
        return minParameterLre(r.figures());
    }

    private static double minParameterLre(Map<String, Object> figures) {
        double[] p = (double[]) figures.get("parameterLre");
        double m = Lre.MAX;
        for (double v : p) {
            m = Math.min(m, v);
        }
        return p.length == 0 ? 0 : m;
    }

    public static double rssLre(SolveRecord r) {
        return r.figure("rssLre", 0);
    }

    /** The smallest LRE over the parameters and the RSS: the figure a fit is judged by. */
    public static double lre(SolveRecord r) {
        return lre(r.figures());
    }

    private static double lre(Map<String, Object> figures) {
        return Math.min(minParameterLre(figures), ((Number) figures.get("rssLre")).doubleValue());
    }

    /** The start vector (1 or 2) a record fitted from. */
    public static int start(SolveRecord r) {
        return (int) r.figure("start", 0);
    }

    /** The table's column of a record: the method for Fixpoint, {@code scipy-lm} for SciPy's lm. */
    public static String column(SolveRecord r) {
        return r.isFixpoint() ? r.method() : r.tool() + "-" + r.method();
    }

    /** Runs the Fixpoint methods and, if {@code peers}, SciPy; results grouped by (dataset, start). */
    public static Table run(List<NistDataset> datasets, List<String> methods, boolean peers) {
        List<SolveRecord> all = new ArrayList<>();
        for (NistDataset d : datasets) {
            for (int start = 1; start <= 2; start++) {
                for (String m : methods) {
                    all.add(fit(d, start, m, REPEATS));
                }
            }
        }
        String skipped = null;
        List<String> columns = new ArrayList<>(methods);
        if (peers) {
            ScipyNist scipy = new ScipyNist();
            List<SolveRecord> peer = scipy.run(datasets, PEER_METHODS, 600);
            all.addAll(peer);
            skipped = scipy.skipReason();
            if (!peer.isEmpty()) {
                PEER_METHODS.forEach(m -> columns.add("scipy-" + m));
            }
        } else {
            skipped = "not asked for";
        }
        return new Table(datasets.stream().map(NistDataset::name).toList(), columns, all, skipped);
    }

    /**
     * The results with their layout.
     *
     * @param peerSkipped why SciPy was not run, or null
     */
    public record Table(List<String> datasets, List<String> methods, List<SolveRecord> results, String peerSkipped) {

        public SolveRecord get(String dataset, int start, String method) {
            for (SolveRecord r : results) {
                if (r.problem().equals(dataset) && start(r) == start && column(r).equals(method)) {
                    return r;
                }
            }
            return null;
        }

        /** How many (dataset, start) pairs each method solves to LRE ≥ 6 on every parameter and the RSS. */
        public Map<String, Integer> solved() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String method : methods) {
                m.put(method, (int) results.stream().filter(r -> column(r).equals(method) && r.solved()).count());
            }
            return m;
        }

        /** A plain-text table: min parameter LRE / RSS LRE per method, then residual/Jacobian evaluations of lm and SciPy's lm. */
        public String format() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-10s %-5s", "dataset", "start"));
            for (String m : methods) {
                b.append(String.format(Locale.ROOT, " %13s", m));
            }
            boolean peer = methods.contains("scipy-lm") && methods.contains("lm");
            if (peer) {
                b.append(String.format(Locale.ROOT, " %12s %12s", "lm nfev/njev", "scipy-lm"));
            }
            b.append('\n');
            for (String d : datasets) {
                for (int start = 1; start <= 2; start++) {
                    b.append(String.format(Locale.ROOT, "%-10s %-5d", d, start));
                    for (String m : methods) {
                        SolveRecord r = get(d, start, m);
                        b.append(String.format(Locale.ROOT, " %13s", r == null ? "-" : cell(r)));
                    }
                    if (peer) {
                        SolveRecord ours = get(d, start, "lm");
                        SolveRecord theirs = get(d, start, "scipy-lm");
                        b.append(String.format(Locale.ROOT, " %12s %12s", evals(ours), evals(theirs)));
                    }
                    b.append('\n');
                }
            }
            b.append("\nsolved to LRE ≥ 6 (every parameter and the RSS), of ").append(2 * datasets.size()).append(": ");
            b.append(solved()).append('\n');
            for (String m : List.of("lm", "trf")) {
                if (methods.contains(m) && methods.contains("scipy-" + m)) {
                    b.append(compare(m, "scipy-" + m)).append('\n');
                    b.append(timing(m, "scipy-" + m)).append('\n');
                }
            }
            if (peerSkipped != null) {
                b.append("SciPy skipped: ").append(peerSkipped).append('\n');
            }
            b.append("cells: smallest LRE over the parameters / LRE of the RSS (15 = all digits; * = below 6)\n");
            return b.toString();
        }

        /**
         * How {@code ours} fares against {@code peer} row by row, on the judged figure (smallest LRE over
         * parameters and RSS): where the peer reaches 6, does ours too; and how many rows ours is higher.
         */
        public String compare(String ours, String peer) {
            int higher = 0;
            int close = 0;
            List<String> lower = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            for (String d : datasets) {
                for (int start = 1; start <= 2; start++) {
                    SolveRecord a = get(d, start, ours);
                    SolveRecord p = get(d, start, peer);
                    if (a == null || p == null) {
                        continue;
                    }
                    if (lre(a) >= lre(p)) {
                        higher++;
                    } else if (lre(a) >= lre(p) - 0.5) {
                        close++;
                    } else {
                        lower.add(String.format(Locale.ROOT, "%s/%d (%.1f vs %.1f)", d, start, lre(a), lre(p)));
                    }
                    if (lre(p) >= TARGET && lre(a) < TARGET) {
                        missed.add(d + "/" + start);
                    }
                }
            }
            return String.format(Locale.ROOT, "%s vs %s: %s ≥ %s on %d rows, lower by at most half a digit on %d, lower by more on %d%s;"
                    + " rows where %s reaches LRE 6 and %s does not: %s", ours, peer, ours, peer, higher, close, lower.size(),
                    lower.isEmpty() ? "" : " " + lower, peer, ours, missed.isEmpty() ? "none" : String.join(", ", missed));
        }

        /** Median over rows of the per-row time ratio peer/ours (each time itself a median of repeats). */
        public String timing(String ours, String peer) {
            List<Double> ratios = new ArrayList<>();
            double sumOurs = 0;
            double sumPeer = 0;
            for (SolveRecord a : results) {
                if (!column(a).equals(ours)) {
                    continue;
                }
                SolveRecord p = get(a.problem(), start(a), peer);
                if (p != null && p.seconds() > 0 && a.seconds() > 0) {
                    ratios.add(p.seconds() / a.seconds());
                    sumOurs += a.seconds();
                    sumPeer += p.seconds();
                }
            }
            if (ratios.isEmpty()) {
                return ours + " vs " + peer + ": no timings";
            }
            ratios.sort(null);
            return String.format(Locale.ROOT, "%s vs %s time: median per-fit ratio %s/%s = %.1f (total %.1f ms vs %.1f ms; medians of %d fits each)",
                    ours, peer, peer, ours, ratios.get(ratios.size() / 2), 1e3 * sumOurs, 1e3 * sumPeer, REPEATS);
        }

        private static String cell(SolveRecord r) {
            String c = String.format(Locale.ROOT, "%.1f/%.1f", minParameterLre(r), rssLre(r));
            return lre(r) < TARGET ? c + "*" : c;
        }

        private static String evals(SolveRecord r) {
            return r == null ? "-" : r.count("residual") + "/" + r.count("jacobian");
        }
    }
}
