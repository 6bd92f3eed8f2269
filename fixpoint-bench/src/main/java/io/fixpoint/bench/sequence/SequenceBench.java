package io.fixpoint.bench.sequence;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.sequence.Cells;
import io.fixpoint.sequence.Sequences;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sweeps T, D and thread counts for the trajectory solvers on a GRU, timing each method side by side
 * with the sequential loop in the same run (medians over repeats), and projects the wall time on
 * 16 and 64 cores with a {@link CostModel} calibrated on this machine.
 */
public final class SequenceBench {
    /** Projected core counts reported beside the measurements. */
    public static final int[] CORES = {1, 2, 16, 64};

    public static final String SUITE = "sequence";
    /** The judge of this suite: solved when the returned trajectory matches the sequential loop's to this, entry by entry. */
    public static final double SOLVED_DEVIATION = 1e-8;

    private final String cell;
    private final int[] lengths;
    private final int[] dims;
    private final int[] threads;
    private final List<String> methods;
    private final int repeats;
    private final boolean quick;

    public SequenceBench(String cell, int[] lengths, int[] dims, int[] threads, List<String> methods, int repeats, boolean quick) {
        this.quick = quick;
        this.cell = cell;
        this.lengths = lengths;
        this.dims = dims;
        this.threads = threads;
        this.methods = methods;
        this.repeats = repeats;
    }

    /** The quick default sweep (about two minutes on two cores) or the full one. */
    public static SequenceBench standard(boolean full, int maxThreads) {
        int[] t = {1_000, 10_000, 100_000, 1_000_000};
        int[] d = full ? new int[] {1, 2, 4, 8, 16, 32} : new int[] {2, 8, 32};
        // the quick sweep leaves out the configurations that take seconds each
        int[] th = maxThreads >= 2 ? new int[] {1, 2} : new int[] {1};
        List<String> m = full ? List.of("deer", "quasi-deer", "jacobi", "gauss-seidel", "elk") : List.of("deer", "quasi-deer", "jacobi", "gauss-seidel");
        return new SequenceBench("gru", t, d, th, m, full ? 5 : 3, !full);
    }

    public List<SolveRecord> run(PrintStream progress) {
        List<SolveRecord> rows = new ArrayList<>();
        for (int d : dims) {
            CostModel model = CostModel.calibrate(Cells.recurrence(cell, d, 20_000, 1), repeats);
            progress.printf(Locale.ROOT, "# D=%d calibration (ns): step %.1f, jacobian %.1f, dense apply %.1f, dense compose %.1f, diagonal %.1f, fork/join %.0f%n",
                    d, model.stepNs(), model.jacobianNs(), model.applyNs(), model.composeNs(), model.diagonalNs(), model.forkNs());
            for (int len : lengths) {
                Recurrence p = Cells.recurrence(cell, d, len, 42);
                for (String method : methods) {
                    if (tooBig(method, d, len) || quick && tooSlowForQuick(method, d, len)) {
                        continue;
                    }
                    for (int th : threads) {
                        rows.add(measure(p, d, len, method, th, model, progress));
                    }
                }
            }
        }
        return rows;
    }

    /** Dense Newton keeps T·D² Jacobians twice; skip what would not fit comfortably, and slow methods at large T·D. */
    static boolean tooBig(String method, int d, int len) {
        long dense = 2L * len * d * d * 8;
        boolean newton = method.equals("deer") || method.equals("elk");
        return (newton && dense > Runtime.getRuntime().maxMemory() / 3) || (method.equals("elk") && (long) len * d * d * d > 4_000_000_000L)
                || (method.equals("jacobi") && (long) len * d * d > 200_000_000L);
    }

    static boolean tooSlowForQuick(String method, int d, int len) {
        long size = (long) len * d * d;
        return size > 7_000_000L || (method.equals("jacobi") || method.equals("quasi-deer")) && size > 1_000_000L;
    }

    private SolveRecord measure(Recurrence p, int d, int len, String method, int th, CostModel model, PrintStream progress) {
        double[] seq = new double[repeats];
        double[] par = new double[repeats];
        double[] ref = null;
        Solution last = null;
        SolverSpec<Recurrence> spec = Catalog.builtIn().sequence(method);
        Settings settings = Sequences.capped(spec.defaults(), p);
        try (ParallelExecutor ex = ParallelExecutor.of(th)) {
            for (int r = 0; r < repeats; r++) {
                // side by side: the sequential loop, then the method, in every repeat
                long t0 = System.nanoTime();
                ref = p.sequential();
                seq[r] = (System.nanoTime() - t0) * 1e-9;
                t0 = System.nanoTime();
                last = spec.solve(p, Sequences.constantGuess(p), settings, SolverContext.of(ex));
                par[r] = (System.nanoTime() - t0) * 1e-9;
            }
        }
        double[] projected = new double[CORES.length];
        for (int i = 0; i < CORES.length; i++) {
            projected[i] = model.project(method, p, last, CORES[i]);
        }
        double deviation = Sequences.maxDeviation(last.x(), ref);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cell", cell);
        figures.put("D", d);
        figures.put("T", len);
        figures.put("threads", th);
        figures.put("maxDeviation", deviation);
        figures.put("depth", last.details().get("depth"));
        figures.put("work", last.details().get("work"));
        figures.put("sequentialSeconds", median(seq));
        figures.put("projected", projected);
        SolveRecord row = SolveRecord.of(SUITE, cell + " D=" + d + " T=" + len, method, spec.family(), last, last.converged()
                && deviation <= SOLVED_DEVIATION, last.value(), last.optimality(), median(par), repeats, figures);
        progress.printf(Locale.ROOT, "%-5s D=%-3d T=%-8d %-13s threads=%d it=%-4d dev=%.1e  %.4fs vs sequential %.4fs: speed-up %.2f (model P=1..64: %s)%n",
                cell, d, len, method, th, row.iterations(), deviation, row.seconds(), sequentialSeconds(row), speedup(row),
                Arrays.toString(Arrays.stream(projected).map(x -> Math.round(sequentialSeconds(row) / x * 100) / 100.0).toArray()));
        return row;
    }

    /** The state dimension D of a row. */
    public static int d(SolveRecord r) {
        return (int) r.figure("D", 0);
    }

    /** The length T of a row. */
    public static int length(SolveRecord r) {
        return (int) r.figure("T", 0);
    }

    public static int threads(SolveRecord r) {
        return (int) r.figure("threads", 1);
    }

    public static double sequentialSeconds(SolveRecord r) {
        return r.figure("sequentialSeconds", Double.NaN);
    }

    public static double maxDeviation(SolveRecord r) {
        return r.figure("maxDeviation", Double.NaN);
    }

    /** Projected wall times on {@link #CORES} cores. */
    public static double[] projected(SolveRecord r) {
        return (double[]) r.figures().get("projected");
    }

    /** Measured speed-up over the sequential loop. */
    public static double speedup(SolveRecord r) {
        return sequentialSeconds(r) / r.seconds();
    }

    static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : 0.5 * (b[b.length / 2 - 1] + b[b.length / 2]);
    }

    /** The speed-up plot of {@code rows} as a standalone SVG document (also embedded in the bench report). */
    public static String speedupSvg(List<SolveRecord> rows) {
        return Svg.speedups(rows);
    }

    /** The rows as CSV, with measured and projected speed-ups. */
    public static String csv(List<SolveRecord> rows) {
        StringBuilder csv = new StringBuilder("cell,D,T,method,threads,status,iterations,maxDeviation,depth,work,seconds,sequentialSeconds,measuredSpeedup");
        for (int c : CORES) {
            csv.append(",projectedSpeedupP").append(c);
        }
        csv.append('\n');
        for (SolveRecord r : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%s,%d,%.3e,%s,%s,%.6f,%.6f,%.4f", r.figures().get("cell"), d(r), length(r),
                    r.method(), threads(r), r.statusText(), r.iterations(), maxDeviation(r), r.figures().get("depth"), r.figures().get("work"),
                    r.seconds(), sequentialSeconds(r), speedup(r)));
            for (double x : projected(r)) {
                csv.append(String.format(Locale.ROOT, ",%.4f", sequentialSeconds(r) / x));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
