package io.fixpoint.spark;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.L1Objective;
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
 * @param objective  f at MLlib's model, as {@code sum} computes it (plus the L1 penalty, if any)
 * @param passes     Spark jobs MLlib's fit ran
 * @param iterations MLlib's iteration count
 * @param seconds    wall time of MLlib's fit
 * @param model      coefficients on the original features, intercept last (one such block per class of a multinomial model)
 */
public record MllibReference(double objective, long passes, int iterations, double seconds, double[] model) {

    /** MLlib's fit with {@code regParam = sum.l2()} and elastic net 0 ({@link #fit(SparkSession, JavaRDD, int, GlmSum, double, boolean)} with l1 = 0). */
    public static MllibReference fit(SparkSession spark, JavaRDD<LabeledRow> rows, int features, GlmSum sum, boolean standardized) {
        return fit(spark, rows, features, sum, 0, standardized);
    }

    /**
     * Fits MLlib's logistic regression (the binomial family, or the multinomial one for a multinomial sum,
     * whose model then fills the sum's blocks, one per class) with the elastic net of penalties {@code l1} and {@code sum.l2()}:
     * {@code regParam = l1 + l2} and {@code elasticNetParam = l1/(l1 + l2)} (0 when both are 0), so that
     * MLlib's penalty regParam·(α‖β‖₁ + (1−α)/2‖β‖₂²) is l1‖β‖₁ + (l2/2)‖β‖₂²; its other defaults (tol 1e-6,
     * standardisation {@code standardized}) on {@code rows}, which must hold the rows {@code sum} was built
     * from. Its model is judged by the sum plus the same L1 penalty ({@link GlmSum#l1Weights}).
     */
    public static MllibReference fit(SparkSession spark, JavaRDD<LabeledRow> rows, int features, GlmSum sum, double l1,
            boolean standardized) {
        if (sum.loss() != Loss.LOGISTIC) {
            throw new IllegalArgumentException("the MLlib reference is its logistic regression; the loss is " + sum.loss().key());
        }
        double[] weights = sum.l1Weights(l1);
        double regParam = l1 + sum.l2();
        double elasticNet = regParam > 0 ? l1 / regParam : 0;
        Dataset<Row> frame = frame(spark, rows, features).cache();
        JobCounter jobs = JobCounter.on(spark.sparkContext());
        long start = System.nanoTime();
        LogisticRegressionModel m;
        long passes;
        try {
            m = new LogisticRegression().setFamily(sum.margins() == 1 ? "binomial" : "multinomial").setRegParam(regParam)
                    .setElasticNetParam(elasticNet).setStandardization(standardized).fit(frame);
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
        double[] x = sum.parameters(beta);
        double objective = sum.value(x, Batch.all()) + L1Objective.penalty(weights, x);
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
        long zeros = java.util.Arrays.stream(model, 0, model.length - 1).filter(b -> b == 0).count();
        return java.util.Map.of("objective", objective, "passes", passes, "iterations", iterations, "seconds", seconds, "zeroCoefficients",
                zeros);
    }
}
