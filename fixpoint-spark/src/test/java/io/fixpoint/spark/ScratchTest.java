package io.fixpoint.spark;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.solve.Solution;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("m").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try (ParallelExecutor ex = ParallelExecutor.of(2)) {
            for (int[] nd : new int[][] {{1000, 10}, {1000, 10}, {2000, 30}, {4000, 100}}) {
                List<LabeledRow> data = Synthetic.logistic(nd[0], nd[1], 11);
                double reg = nd[1] == 10 ? 0.05 : 0.01;
                JavaRDD<LabeledRow> rdd = jsc.parallelize(data, 2);
                Solution ref = GlmFit.fit(ArrayGlmSum.of(data, nd[1], Loss.LOGISTIC, 0.5 * reg, true, 2, ex), 0.5 * reg, "owlqn", 1e-10, 2000);
                try (SparkGlmSum s = SparkGlmSum.of(rdd, nd[1], Loss.LOGISTIC, 0.5 * reg, true, 2)) {
                    JobCounter jobs = JobCounter.on(spark.sparkContext());
                    long t0 = System.nanoTime();
                    Solution fit = GlmFit.fit(s, 0.5 * reg, "owlqn", 1e-6, 2000);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long passes = jobs.jobs();
                    jobs.close();
                    MllibReference m = MllibReference.fit(spark, rdd, nd[1], s, 0.5 * reg, true);
                    System.out.printf("MEASURE n %d d %d regParam %g: ref %.17g (%s, zeros %s); owlqn %s passes %d (+1 setup) it %d %.2f s rel %.2e zeros %s; mllib passes %d it %d %.2f s rel %.2e zeros %s; diff owlqn-mllib %.2e%n",
                            nd[0], nd[1], reg, ref.value(), ref.status(), ref.details().get("zeroCoefficients"), fit.status(), passes, fit.iterations(), secs,
                            (fit.value() - ref.value()) / ref.value(), fit.details().get("zeroCoefficients"), m.passes(), m.iterations(), m.seconds(),
                            (m.objective() - ref.value()) / ref.value(), m.figures().get("zeroCoefficients"), (fit.value() - m.objective()) / m.objective());
                }
            }
        }
        spark.stop();
    }
}
