package io.fixpoint.bench.nist;

import io.fixpoint.leastsquares.LeastSquaresSolvers;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Solution;
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
    /** The Fixpoint methods in the table. */
    public static final List<String> METHODS = List.of("lm", "lm-geodesic", "dogleg", "gauss-newton", "trf");
    /** SciPy's methods in the table. */
    public static final List<String> PEER_METHODS = List.of("lm", "trf");
    /** The LRE a method must reach on every parameter and the RSS to count as solving a dataset. */
    public static final double TARGET = 6;

    private NistBench() {
    }

    /** Fits {@code d} from {@code start} with {@code method} under the least-squares driver. */
    public static NistResult fit(NistDataset d, int start, String method) {
        Solution s = LeastSquaresSolvers.driver().solve(LeastSquaresSolvers.byName(method), d.problem(), d.start(start));
        return NistResult.of(d, start, method, s.status().name() + ": " + s.message(), s.x(), 2 * s.value(),
                s.evaluations().get(Evaluation.RESIDUAL), s.evaluations().get(Evaluation.JACOBIAN), s.seconds());
    }

    /** Runs the Fixpoint methods and, if {@code peers}, SciPy; results grouped by (dataset, start). */
    public static Table run(List<NistDataset> datasets, List<String> methods, boolean peers) {
        List<NistResult> all = new ArrayList<>();
        for (NistDataset d : datasets) {
            for (int start = 1; start <= 2; start++) {
                for (String m : methods) {
                    all.add(fit(d, start, m));
                }
            }
        }
        String skipped = null;
        List<String> columns = new ArrayList<>(methods);
        if (peers) {
            ScipyNist scipy = new ScipyNist();
            List<NistResult> peer = scipy.run(datasets, PEER_METHODS, 600);
            all.addAll(peer);
            skipped = scipy.skipReason();
            if (!peer.isEmpty()) {
                PEER_METHODS.forEach(m -> columns.add("scipy-" + m));
            }
        }
        return new Table(datasets.stream().map(NistDataset::name).toList(), columns, all, skipped);
    }

    /**
     * The results with their layout.
     *
     * @param peerSkipped why SciPy was not run, or null
     */
    public record Table(List<String> datasets, List<String> methods, List<NistResult> results, String peerSkipped) {

        public NistResult get(String dataset, int start, String method) {
            for (NistResult r : results) {
                if (r.dataset().equals(dataset) && r.start() == start && r.method().equals(method)) {
                    return r;
                }
            }
            return null;
        }

        /** How many (dataset, start) pairs each method solves to LRE ≥ 6 on every parameter and the RSS. */
        public Map<String, Integer> solved() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String method : methods) {
                m.put(method, (int) results.stream().filter(r -> r.method().equals(method) && r.lre() >= TARGET).count());
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
                        NistResult r = get(d, start, m);
                        b.append(String.format(Locale.ROOT, " %13s", r == null ? "-" : cell(r)));
                    }
                    if (peer) {
                        NistResult ours = get(d, start, "lm");
                        NistResult theirs = get(d, start, "scipy-lm");
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
            int lower = 0;
            List<String> missed = new ArrayList<>();
            for (String d : datasets) {
                for (int start = 1; start <= 2; start++) {
                    NistResult a = get(d, start, ours);
                    NistResult p = get(d, start, peer);
                    if (a == null || p == null) {
                        continue;
                    }
                    if (a.lre() >= p.lre()) {
                        higher++;
                    } else {
                        lower++;
                    }
                    if (p.lre() >= TARGET && a.lre() < TARGET) {
                        missed.add(d + "/" + start);
                    }
                }
            }
            return String.format(Locale.ROOT, "%s vs %s: %s ≥ %s on %d rows, lower on %d; rows %s reaches LRE 6 and %s does not: %s",
                    ours, peer, ours, peer, higher, lower, peer, ours, missed.isEmpty() ? "none" : String.join(", ", missed));
        }

        private static String cell(NistResult r) {
            String c = String.format(Locale.ROOT, "%.1f/%.1f", r.minParameterLre(), r.rssLre());
            return r.lre() < TARGET ? c + "*" : c;
        }

        private static String evals(NistResult r) {
            return r == null ? "-" : r.residualEvaluations() + "/" + r.jacobianEvaluations();
        }
    }
}
