package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Batch;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark sum against the in-process one (same bits) and Fixpoint's fits against MLlib's, on one local[2] session. */
class SparkFitTest {
    static final int N = 2000;
    static final int D = 10;
    static final int PARTITIONS = 2;
    static final double LAMBDA = 1e-4;
    /** An L1 penalty that leaves some of the D coefficients exactly 0. */
    static final double L1 = 0.02;

    static SparkSession spark;
    static JavaSparkContext jsc;
    static List<LabeledRow> rows;
    static ParallelExecutor executor;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("fixpoint-spark-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.driver.host", "127.0.0.1")
                // MLlib's few SQL plans run faster interpreted than compiled on a small machine
                .config("spark.sql.codegen.wholeStage", "false").config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .config("spark.sql.adaptive.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        rows = Synthetic.logistic(N, D, 42);
        executor = ParallelExecutor.of(2);
    }

    @AfterAll
    static void stop() {
        executor.close();
        spark.stop();
    }

    static SparkGlmSum sparkSum(int depth) {
        return SparkGlmSum.of(jsc.parallelize(rows, PARTITIONS), D, Loss.LOGISTIC, LAMBDA, true, depth);
    }

    static ArrayGlmSum arraySum(ParallelExecutor ex) {
        return ArrayGlmSum.of(rows, D, Loss.LOGISTIC, LAMBDA, true, PARTITIONS, ex);
    }

    @Test
    void sparkAndInProcessSumsGiveTheSameBits() {
        double[] w = new double[D + 1];
        double[] v = new double[D + 1];
        for (int j = 0; j <= D; j++) {
            w[j] = Math.sin(j + 1);
            v[j] = Math.cos(3 * j);
        }
        ArrayGlmSum local = arraySum(ParallelExecutor.sequential());
        double[] g = new double[D + 1];
        double[] hv = new double[D + 1];
        double f = local.valueAndGradient(w, Batch.all(), g);
        local.hessianVector(w, Batch.all(), v, hv);
        assertThat(arraySum(executor).value(w, Batch.all())).isEqualTo(f);
        for (int depth : new int[] {1, 3}) {
            try (SparkGlmSum s = sparkSum(depth)) {
                assertThat(s.standardization().std()).containsExactly(local.standardization().std());
                double[] gs = new double[D + 1];
                double[] hvs = new double[D + 1];
                assertThat(s.valueAndGradient(w, Batch.all(), gs)).isEqualTo(f);
                s.hessianVector(w, Batch.all(), v, hvs);
                assertThat(gs).containsExactly(g);
                assertThat(hvs).containsExactly(hv);
                assertThat(s.passes()).isEqualTo(3);
                assertThat(s.coefficients(w)).containsExactly(local.coefficients(w));
                assertThat(s.broadcastBytes()).isEqualTo(2 * 8 * (D + 1));
            }
        }
    }

    /**
     * The dense Hessian, assembled in the gradient's pass, has the same bits on Spark (any tree depth) as in
     * process, with partitions of 999 rows (blocks of four and a rest of three); trust-region Newton–CG on
     * it follows the same iterates with one pass per trial point.
     */
    @Test
    void theDenseHessianHasTheSameBitsOnSparkAndInProcess() {
        List<LabeledRow> odd = rows.subList(0, 1998);
        double[] w = new double[D + 1];
        for (int j = 0; j <= D; j++) {
            w[j] = Math.sin(j + 1);
        }
        int p = D + 1;
        ArrayGlmSum local = ArrayGlmSum.of(odd, D, Loss.LOGISTIC, LAMBDA, true, PARTITIONS, executor);
        local.withDenseHessian();
        double[] g = new double[p];
        double[] h = new double[p * p];
        double f = local.valueGradientAndHessian(w, Batch.all(), g, h);
        Solution fit = GlmFit.fit(local, "trust-newton-cg", 1e-9, 200);
        for (int depth : new int[] {1, 3}) {
            try (SparkGlmSum s = SparkGlmSum.of(jsc.parallelize(odd, PARTITIONS), D, Loss.LOGISTIC, LAMBDA, true, depth)) {
                s.withDenseHessian();
                double[] gs = new double[p];
                double[] hs = new double[p * p];
                assertThat(s.valueGradientAndHessian(w, Batch.all(), gs, hs)).isEqualTo(f);
                assertThat(gs).containsExactly(g);
                assertThat(hs).containsExactly(h);
                assertThat(s.passes()).isEqualTo(2);
                Solution remote = GlmFit.fit(s, "trust-newton-cg", 1e-9, 200);
                assertThat(remote.status()).isEqualTo(Status.CONVERGED);
                assertThat(remote.x()).containsExactly(fit.x());
                long trials = remote.iterations() + ((Number) remote.details().get("rejectedSteps")).longValue();
                assertThat(remote.details()).containsEntry("passes", trials + 1).containsEntry("passes", fit.details().get("passes"));
            }
        }
    }

    /** The same iterates, bit for bit, for each method; OWL-QN with an L1 penalty that zeroes some coefficients. */
    @Test
    void fitsOnSparkFollowTheInProcessIteratesExactly() {
        for (String method : new String[] {"lbfgs", "trust-newton-cg", "owlqn"}) {
            double l1 = method.equals("owlqn") ? L1 : 0;
            Solution local = GlmFit.fit(arraySum(executor), l1, method, 1e-9, 200);
            if (l1 > 0) {
                assertThat((long) local.details().get("zeroCoefficients")).isPositive();
            }
            try (SparkGlmSum s = sparkSum(2)) {
                Solution remote = GlmFit.fit(s, l1, method, 1e-9, 200);
                assertThat(remote.status()).isEqualTo(Status.CONVERGED);
                assertThat(remote.x()).containsExactly(local.x());
                assertThat(remote.iterations()).isEqualTo(local.iterations());
                assertThat(remote.details().get("passes")).isEqualTo(local.details().get("passes"));
            }
        }
    }

    /**
     * MLlib's {@code LogisticRegression} with its defaults (tol 1e-6: Breeze's relative tests on the
     * objective's change and the gradient) against Fixpoint's minimisers stopped at ‖∇f‖₂ ≤ 1e-5 in
     * the standardised, centred parametrisation; both are judged by the objective on the same data,
     * which must agree to 1e-8 relative, and by the Spark jobs each fit ran (a {@link JobCounter} on
     * the session; the standardisation pass counts on both sides). Trust-region Newton–CG, which takes
     * each value with its gradient and stops CG on the model's decrease, runs at most half MLlib's
     * passes (25 of 54 here); with the dense Hessian assembled in the gradient's pass, one pass per trial
     * point, at most a quarter (7).
     */
    @Test
    void lbfgsMatchesMllibInFewerPassesAndNewtonCgInHalf() {
        int n = 4000;
        int d = 100;
        double lambda = 1e-5;
        List<LabeledRow> data = Synthetic.logistic(n, d, 7);
        ArrayGlmSum local = ArrayGlmSum.of(data, d, Loss.LOGISTIC, lambda, true, PARTITIONS, executor);
        MllibReference mllib = MllibReference.fit(spark, jsc.parallelize(data, PARTITIONS), d, local, true);
        long mllibPasses = mllib.passes();
        double mllibObjective = mllib.objective();

        long[] passes = new long[3];
        String[] methods = {"lbfgs", "trust-newton-cg", "trust-newton-cg"};
        for (int k = 0; k < 3; k++) {
            JobCounter jobs = JobCounter.on(spark.sparkContext());
            try (SparkGlmSum s = SparkGlmSum.of(jsc.parallelize(data, PARTITIONS), d, Loss.LOGISTIC, lambda, true, 2)) {
                Solution fit = GlmFit.fit(k == 2 ? s.withDenseHessian() : s, methods[k], 1e-5, 200);
                passes[k] = jobs.jobs();
                jobs.close();
                System.out.printf("%s: objective %.17g vs MLlib %.17g (relative difference %.2e), %d passes vs MLlib's %d%n",
                        methods[k], fit.value(), mllibObjective, Math.abs(fit.value() - mllibObjective) / mllibObjective, passes[k],
                        mllibPasses);
                assertThat(fit.status()).isEqualTo(Status.CONVERGED);
                assertThat(Math.abs(fit.value() - mllibObjective)).isLessThanOrEqualTo(1e-8 * mllibObjective);
                assertThat(passes[k]).isEqualTo(s.passes());
            }
        }
        assertThat(passes[0]).isLessThan(mllibPasses);
        assertThat(2 * passes[1]).isLessThanOrEqualTo(mllibPasses);
        assertThat(4 * passes[2]).isLessThanOrEqualTo(mllibPasses);
    }

    /**
     * A 4-class multinomial model: the Spark fit follows the in-process iterates bit for bit, and its
     * objective agrees with MLlib's {@code family = "multinomial"} fit to 1e-8 relative.
     */
    @Test
    void multinomialFitsMatchMllibAndFollowTheInProcessIterates() {
        int d = 8;
        int classes = 4;
        double lambda = 1e-3;
        List<LabeledRow> data = Synthetic.multinomial(3000, d, classes, 11);
        ArrayGlmSum local = ArrayGlmSum.multinomial(data, d, classes, lambda, true, PARTITIONS, executor);
        MllibReference mllib = MllibReference.fit(spark, jsc.parallelize(data, PARTITIONS), d, local, true);
        for (String method : new String[] {"lbfgs", "trust-newton-cg"}) {
            Solution here = GlmFit.fit(local, method, 1e-6, 500);
            JobCounter jobs = JobCounter.on(spark.sparkContext());
            try (SparkGlmSum s = SparkGlmSum.multinomial(jsc.parallelize(data, PARTITIONS), d, classes, lambda, true, 2)) {
                Solution fit = GlmFit.fit(s, method, 1e-6, 500);
                long passes = jobs.jobs();
                jobs.close();
                System.out.printf("multinomial %s: objective %.17g vs MLlib %.17g (relative difference %.2e), %d passes vs MLlib's %d%n",
                        method, fit.value(), mllib.objective(), Math.abs(fit.value() - mllib.objective()) / mllib.objective(), passes,
                        mllib.passes());
                assertThat(fit.status()).isEqualTo(Status.CONVERGED);
                assertThat(fit.x()).containsExactly(here.x());
                assertThat(passes).isEqualTo(s.passes());
                assertThat(Math.abs(fit.value() - mllib.objective())).isLessThanOrEqualTo(1e-8 * mllib.objective());
            }
        }
    }

    /**
     * MLlib's {@code LogisticRegression} with elastic net 0.5 (its OWL-QN, defaults: tol 1e-6) against
     * Fixpoint's OWL-QN stopped at ‖◇F‖₂ ≤ 1e-6 (the minimum-norm subgradient, standardised and centred
     * parameters), for MLlib's {@code standardization} true and false: judged by f + λ₁Σ|β| on the same
     * data, the two agree to 1e-8 relative, with the same coefficients exactly 0.
     */
    @Test
    void owlqnMatchesMllibWithElasticNet() {
        int n = 1000;
        int d = 10;
        double regParam = 0.05;
        double alpha = 0.5;
        List<LabeledRow> data = Synthetic.logistic(n, d, 11);
        JavaRDD<LabeledRow> rdd = jsc.parallelize(data, PARTITIONS);
        for (boolean standardized : new boolean[] {true, false}) {
            try (SparkGlmSum s = SparkGlmSum.of(rdd, d, Loss.LOGISTIC, (1 - alpha) * regParam, standardized, 2)) {
                JobCounter jobs = JobCounter.on(spark.sparkContext());
                Solution fit = GlmFit.fit(s, alpha * regParam, "owlqn", 1e-6, 500);
                long passes = jobs.jobs();
                jobs.close();
                MllibReference mllib = MllibReference.fit(spark, rdd, d, s, alpha * regParam, standardized);
                double[] beta = (double[]) fit.details().get("coefficients");
                System.out.printf("owlqn (standardization %s): objective %.17g, %d passes, %d zeros, %.2f s; MLlib %.17g (%+.2e relative), "
                        + "%d passes, %d zeros, %.2f s%n", standardized, fit.value(), passes, fit.details().get("zeroCoefficients"), fit.seconds(),
                        mllib.objective(), (mllib.objective() - fit.value()) / fit.value(), mllib.passes(), mllib.figures().get("zeroCoefficients"),
                        mllib.seconds());
                assertThat(fit.status()).isEqualTo(Status.CONVERGED);
                assertThat(Math.abs(fit.value() - mllib.objective())).isLessThanOrEqualTo(1e-8 * mllib.objective());
                assertThat((long) fit.details().get("zeroCoefficients")).isPositive().isEqualTo(mllib.figures().get("zeroCoefficients"));
                for (int j = 0; j < d; j++) {
                    assertThat(beta[j] == 0).as("coefficient %d zero", j).isEqualTo(mllib.model()[j] == 0);
                }
            }
        }
    }

    @Test
    void aBadRowIsNamed() {
        List<LabeledRow> bad = new ArrayList<>(rows.subList(0, 10));
        bad.set(7, LabeledRow.dense(2, new double[D]));
        JavaRDD<LabeledRow> rdd = jsc.parallelize(bad, PARTITIONS);
        assertThatThrownBy(() -> SparkGlmSum.of(rdd, D, Loss.LOGISTIC, LAMBDA, true, 2)).hasMessageContaining("label 2.0 is not 0 or 1");
        assertThatThrownBy(() -> ArrayGlmSum.of(bad, D, Loss.LOGISTIC, LAMBDA, true, 2, executor))
                .hasMessage("row 7: label 2.0 is not 0 or 1 (logistic loss)");
    }

    @Test
    void dataFrameRowsKeepTheirVectors() {
        List<LabeledRow> some = List.of(LabeledRow.dense(1, 0.5, -2), LabeledRow.sparse(0, new int[] {1}, new double[] {3}));
        Dataset<Row> frame = MllibReference.frame(spark, jsc.parallelize(some, 1), 2);
        assertThat(SparkGlmSum.rows(frame, "label", "features").collect()).containsExactlyElementsOf(some);
    }
}
