package io.fixpoint.spark;

import io.fixpoint.problem.Batch;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The model's objective over a Spark RDD of examples. Value and gradient are one {@code treeAggregate}
 * over the cached, standardised rows with the coefficients broadcast; a Hessian–vector product is one
 * more, broadcasting the direction (the point's broadcast is reused while the point does not change,
 * as in a trust-region Newton–CG iteration); the dense Hessian's sums come with the gradient's from one.
 * Rows are folded per partition in order and partitions
 * merged exactly ({@link Kernel}), so the numbers do not depend on task order or tree depth, and equal
 * {@link ArrayGlmSum}'s for the same partitioning.
 *
 * <p>Only the full batch is evaluated here: an index batch would need a pass over the data as well.
 * Call {@link #close} to release the cached rows and the last broadcast.
 */
public final class SparkGlmSum extends GlmSum implements AutoCloseable {
    private final JavaRDD<LabeledRow> rows;
    private final JavaSparkContext context;
    private final int depth;
    private long passes;
    private long broadcastBytes;
    private Broadcast<double[]> point;
    private double[] pointValue;

    private SparkGlmSum(JavaRDD<LabeledRow> scaled, Loss loss, int margins, double l2, boolean standardized, Standardization s, long n,
            int depth) {
        super(loss, margins, l2, standardized, s, n);
        this.rows = scaled;
        this.context = JavaSparkContext.fromSparkContext(scaled.context());
        this.depth = depth;
        this.passes = SETUP_PASSES;
    }

    /**
     * The objective of {@code loss} with L2 penalty {@code l2} over {@code rows} of {@code features}
     * features, standardised as MLlib does, aggregated with trees of {@code depth} (MLlib's default is
     * 2). One pass (the moments, which also checks every row; a bad one fails the Spark job with a
     * message saying what is wrong with it) is made here; the standardised rows are
     * cached in memory (spilling to disk) and materialised by the first evaluation.
     */
    public static SparkGlmSum of(JavaRDD<LabeledRow> rows, int features, Loss loss, double l2, boolean standardized, int depth) {
        return of(rows, features, loss, 1, l2, standardized, depth);
    }

    /**
     * The multinomial logistic model of {@code classes} ≥ 2 classes (labels 0 … classes − 1) with L2
     * penalty {@code l2}, otherwise as {@link #of}: MLlib's {@code family = "multinomial"}.
     */
    public static SparkGlmSum multinomial(JavaRDD<LabeledRow> rows, int features, int classes, double l2, boolean standardized,
            int depth) {
        return of(rows, features, Loss.LOGISTIC, checkClasses(classes), l2, standardized, depth);
    }

    private static SparkGlmSum of(JavaRDD<LabeledRow> rows, int features, Loss loss, int margins, double l2, boolean standardized,
            int depth) {
        if (features < 1) {
            throw new IllegalArgumentException("a model needs at least one feature, got " + features);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("tree depth must be ≥ 1, got " + depth);
        }
        int d = features;
        Kernel.Sums m = rows.treeAggregate(new Kernel.Sums(Standardization.momentsWidth(d, margins)), (acc, r) -> {
            String problem = Kernel.problem(r, d, loss, margins);
            if (problem != null) {
                throw new IllegalArgumentException("a row (label " + r.label() + ", " + r.entries() + " entries): " + problem);
            }
            Kernel.moments(d, margins, r, acc.running);
            return acc;
        }, Kernel.Sums::merge, depth);
        double[] moments = new double[Standardization.momentsWidth(d, margins)];
        m.roundInto(moments);
        long n = (long) moments[2 * d];
        Standardization s = Standardization.fromMoments(moments, d, margins);
        JavaRDD<LabeledRow> scaled = rows.map(s::scale).persist(StorageLevel.MEMORY_AND_DISK());
        return new SparkGlmSum(scaled, loss, margins, l2, standardized, s, n, depth);
    }

    /**
     * The rows of a DataFrame with a numeric {@code label} column and an MLlib vector column
     * {@code features} (dense or sparse), in the DataFrame's partitioning.
     */
    public static JavaRDD<LabeledRow> rows(Dataset<Row> data, String label, String features) {
        int li = data.schema().fieldIndex(label);
        int fi = data.schema().fieldIndex(features);
        return data.toJavaRDD().map(r -> {
            Vector v = (Vector) r.get(fi);
            double y = ((Number) r.get(li)).doubleValue();
            return v instanceof SparseVector sv ? LabeledRow.sparse(y, sv.indices(), sv.values()) : LabeledRow.dense(y, v.toArray());
        });
    }

    public int depth() {
        return depth;
    }

    @Override
    public long passes() {
        return passes;
    }

    @Override
    public long broadcastBytes() {
        return broadcastBytes;
    }

    @Override
    void gradientSums(double[] w, Batch batch, double[] out) {
        Loss l = loss;
        int dd = d;
        int k = margins;
        pass(w, batch, width(d, k), (point, r, acc) -> Kernel.gradient(l, k, point, dd, r, acc), out);
    }

    @Override
    void gradientAndHessianSums(double[] w, Batch batch, double[] out) {
        Loss l = loss;
        int dd = d;
        pass(w, batch, hessianWidth(d), (point, r, acc) -> Kernel.gradientAndHessian(l, point, dd, r, acc), out);
    }

    @Override
    void hessianVectorSums(double[] w, double[] v, Batch batch, double[] out) {
        requireAll(batch);
        Broadcast<double[]> bv = broadcast(v);
        Loss l = loss;
        int dd = d;
        int k = margins;
        try {
            pass(w, batch, width(d, k), (point, r, acc) -> Kernel.hessianVector(l, k, point, bv.value(), dd, r, acc), out);
        } finally {
            bv.destroy();
        }
    }

    /** One pass: every row folded by {@code body} at the broadcast point w into sums of {@code width}, merged exactly into {@code out}. */
    private void pass(double[] w, Batch batch, int width, RowBody body, double[] out) {
        requireAll(batch);
        Broadcast<double[]> bw = point(w);
        Kernel.Sums s = rows.treeAggregate(new Kernel.Sums(width), (acc, r) -> {
            body.add(bw.value(), r, acc);
            return acc;
        }, Kernel.Sums::merge, depth);
        passes++;
        s.roundInto(out);
    }

    /** The per-row work of a pass, shipped to the executors. */
    @FunctionalInterface
    private interface RowBody extends java.io.Serializable {
        void add(double[] point, LabeledRow row, Kernel.Sums acc);
    }

    /** The broadcast of w, made anew only when w differs from the last point. */
    private Broadcast<double[]> point(double[] w) {
        if (point == null || !Arrays.equals(w, pointValue)) {
            if (point != null) {
                point.destroy();
            }
            point = broadcast(w);
            pointValue = w.clone();
        }
        return point;
    }

    private Broadcast<double[]> broadcast(double[] x) {
        broadcastBytes += 8L * x.length;
        return context.broadcast(x.clone());
    }

    private static void requireAll(Batch batch) {
        if (!batch.isAll()) {
            throw new UnsupportedOperationException("a Spark sum evaluates the full batch only, got an index batch of " + batch.size());
        }
    }

    @Override
    public void close() {
        if (point != null) {
            point.destroy();
            point = null;
        }
        rows.unpersist(false);
    }
}
