package io.fixpoint.spark;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Batch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's objective over examples held in this JVM: the rows are cut into P contiguous partitions
 * (the cut {@code JavaSparkContext.parallelize(rows, P)} makes), each partition is folded by one
 * chunk of the {@link ParallelExecutor}, and the partitions' sums are merged exactly. The numbers
 * are therefore those of {@link SparkGlmSum} over the same rows in the same P partitions, and do not
 * depend on the thread count. Index batches are folded in one sequence on the calling thread.
 */
public final class ArrayGlmSum extends GlmSum {
    private final LabeledRow[] rows;
    private final int partitions;
    private final ParallelExecutor executor;
    /** Per-partition sums and their total (last), by the width of a pass's sums. */
    private final Map<Integer, Kernel.Sums[]> scratch = new HashMap<>();
    private long passes;

    private ArrayGlmSum(LabeledRow[] scaled, Loss loss, int margins, double l2, boolean standardized, Standardization s, int partitions,
            ParallelExecutor executor) {
        super(loss, margins, l2, standardized, s, scaled.length);
        this.rows = scaled;
        this.partitions = partitions;
        this.executor = executor;
        this.passes = SETUP_PASSES;
    }

    /**
     * The objective of {@code loss} with L2 penalty {@code l2} over {@code rows} of {@code features}
     * features, standardised as MLlib does (penalty on the standardised coefficients when
     * {@code standardized}), summed in {@code partitions} partitions on {@code executor}. One pass
     * (the moments) is made here; every row is checked, and a bad one named by its position.
     */
    public static ArrayGlmSum of(List<LabeledRow> rows, int features, Loss loss, double l2, boolean standardized, int partitions,
            ParallelExecutor executor) {
        return of(rows, features, loss, 1, l2, standardized, partitions, executor);
    }

    /**
     * The multinomial logistic model of {@code classes} ≥ 2 classes (labels 0 … classes − 1) with L2
     * penalty {@code l2}, otherwise as {@link #of}: MLlib's {@code family = "multinomial"}.
     */
    public static ArrayGlmSum multinomial(List<LabeledRow> rows, int features, int classes, double l2, boolean standardized,
            int partitions, ParallelExecutor executor) {
        return of(rows, features, Loss.LOGISTIC, checkClasses(classes), l2, standardized, partitions, executor);
    }

    private static ArrayGlmSum of(List<LabeledRow> rows, int features, Loss loss, int margins, double l2, boolean standardized,
            int partitions, ParallelExecutor executor) {
        if (features < 1) {
            throw new IllegalArgumentException("a model needs at least one feature, got " + features);
        }
        if (partitions < 1 || partitions > Math.max(1, rows.size())) {
            throw new IllegalArgumentException("partitions must lie in [1, " + Math.max(1, rows.size()) + "], got " + partitions);
        }
        LabeledRow[] raw = rows.toArray(new LabeledRow[0]);
        for (int i = 0; i < raw.length; i++) {
            String problem = Kernel.problem(raw[i], features, loss, margins);
            if (problem != null) {
                throw new IllegalArgumentException("row " + i + ": " + problem);
            }
        }
        double[] moments = new double[Standardization.momentsWidth(features, margins)];
        fold(raw, partitions, executor, sums(partitions, moments.length), new Kernel.Sums(moments.length), moments,
                (r, acc) -> Kernel.moments(features, margins, r, acc.running));
        Standardization s = Standardization.fromMoments(moments, features, margins);
        LabeledRow[] scaled = new LabeledRow[raw.length];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = s.scale(raw[i]);
        }
        return new ArrayGlmSum(scaled, loss, margins, l2, standardized, s, partitions, executor);
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public long passes() {
        return passes;
    }

    @Override
    public long broadcastBytes() {
        return 0;
    }

    @Override
    void gradientSums(double[] w, Batch batch, double[] out) {
        run(batch, out, (r, acc) -> Kernel.gradient(loss, margins, w, d, r, acc));
    }

    @Override
    void gradientAndHessianSums(double[] w, Batch batch, double[] out) {
        run(batch, out, (r, acc) -> Kernel.gradientAndHessian(loss, w, d, r, acc));
    }

    @Override
    void hessianVectorSums(double[] w, double[] v, Batch batch, double[] out) {
        run(batch, out, (r, acc) -> Kernel.hessianVector(loss, margins, w, v, d, r, acc));
    }

    private void run(Batch batch, double[] out, RowBody body) {
        java.util.Arrays.fill(out, 0);
        Kernel.Sums[] parts = scratch.computeIfAbsent(out.length, w -> sums(partitions + 1, w));
        Kernel.Sums total = parts[partitions];
        if (batch.isAll()) {
            passes++;
            fold(rows, partitions, executor, parts, total, out, body);
            return;
        }
        batch.checkRange(rows.length);
        Kernel.Sums s = parts[0];
        s.clear();
        for (int k = 0; k < batch.size(); k++) {
            body.add(rows[batch.index(k)], s);
        }
        total.clear();
        total.merge(s).roundInto(out);
    }

    /** Folds each partition's rows in order into its sums (parts[0 .. partitions)), in parallel, and merges them exactly into {@code out}. */
    private static void fold(LabeledRow[] rows, int partitions, ParallelExecutor executor, Kernel.Sums[] parts, Kernel.Sums total,
            double[] out, RowBody body) {
        int n = rows.length;
        executor.forEachChunk(partitions, p -> {
            Kernel.Sums s = parts[p];
            s.clear();
            int end = ParallelExecutor.chunkStart(n, partitions, p + 1);
            for (int i = ParallelExecutor.chunkStart(n, partitions, p); i < end; i++) {
                body.add(rows[i], s);
            }
        });
        total.clear();
        for (int p = 0; p < partitions; p++) {
            total.merge(parts[p]);
        }
        total.roundInto(out);
    }

    private static Kernel.Sums[] sums(int count, int width) {
        Kernel.Sums[] s = new Kernel.Sums[count];
        for (int p = 0; p < count; p++) {
            s[p] = new Kernel.Sums(width);
        }
        return s;
    }

    @FunctionalInterface
    private interface RowBody {
        void add(LabeledRow row, Kernel.Sums acc);
    }
}
