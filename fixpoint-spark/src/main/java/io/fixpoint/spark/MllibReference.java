package io.fixpoint.spark;

import io.fixpoint.problem.Batch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * MLlib's {@code LogisticRegression} run on the same rows as a Fixpoint fit, for comparison: its
 * Spark jobs counted by a {@link JobCounter}, and its model's objective evaluated by a
 * {@link GlmSum} of the same data, so that both fits are judged by one function.
 *
 * @param objective  f at MLlib's model, as {@code sum} computes it
 * @param passes     Spark jobs MLlib's fit ran
 * @param iterations MLlib's iteration count
 * @param seconds    wall time of MLlib's fit
 * @param model      coefficients on the original features, intercept last (one such block per class of a multinomial model)
 */
public record MllibReference(double objective, long passes, int iterations, double seconds, double[] model) {

    /**
     * Fits MLlib's logistic regression with {@code regParam = sum.l2()}, elastic net 0, its other
     * defaults (tol 1e-6, standardisation {@code standardized}) on {@code rows}, which must hold the
     * rows {@code sum} was built from: the binomial family, or the multinomial one for a multinomial
     * sum (its model then in the sum's blocks, one per class).
     */
    public static MllibReference fit(SparkSession spark, JavaRDD<LabeledRow> rows, int features, GlmSum sum, boolean standardized) {
        if (sum.loss() != Loss.LOGISTIC) {
            throw new IllegalArgumentException("the MLlib reference is its logistic regression; the loss is " + sum.loss().key());
        }
        Dataset<Row> frame = frame(spark, rows, features).cache();
        JobCounter jobs = JobCounter.on(spark.sparkContext());
        long start = System.nanoTime();
        LogisticRegressionModel m;
        long passes;
        try {
            m = new LogisticRegression().setFamily(sum.margins() == 1 ? "binomial" : "multinomial").setRegParam(sum.l2())
                    .setElasticNetParam(0).setStandardization(standardized).fit(frame);
            passes = jobs.jobs();
        } finally {
            jobs.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        frame.unpersist();
        double[] beta = new double[sum.dimension()];
        for (int k = 0; k < sum.margins(); k++) {
            for (int j = 0; j < features; j++) {
                beta[k * (features + 1) + j] = m.coefficientMatrix().apply(k, j);
            }
            beta[k * (features + 1) + features] = m.interceptVector().apply(k);
        }
        double objective = sum.value(sum.parameters(beta), Batch.all());
        return new MllibReference(objective, passes, m.summary().totalIterations(), seconds, beta);
    }

    /** The rows as a DataFrame of {@code label} and MLlib {@code features} vectors of size {@code features}. */
    public static Dataset<Row> frame(SparkSession spark, JavaRDD<LabeledRow> rows, int features) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType());
        return spark.createDataFrame(rows.map(r -> RowFactory.create(r.label(),
                r.isDense() ? Vectors.dense(r.values()) : Vectors.sparse(features, r.indices(), r.values()))), schema);
    }

    /** The figures as a JSON-ready map. */
    public java.util.Map<String, Object> figures() {
        return java.util.Map.of("objective", objective, "passes", passes, "iterations", iterations, "seconds", seconds);
    }
}
