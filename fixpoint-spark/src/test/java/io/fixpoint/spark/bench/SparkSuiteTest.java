package io.fixpoint.spark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spark suite as the bench finds it (through ServiceLoader), run on its small dense problem with L-BFGS once. */
class SparkSuiteTest {

    @Test
    void theBenchFindsTheSuiteAndItJudgesEveryToolByTheReference() {
        assertThat(BenchSuites.byName("spark")).isInstanceOf(SparkSuite.class);
        SuiteReport r = BenchSuites.byName("spark").run(SuiteOptions.DEFAULT.withProblems(List.of("dense-10000x20")).withMethods(List.of("lbfgs"))
                .withRepeats(1).withWarmups(0));
        assertThat(r.failed()).as(r.notes().toString()).isFalse();
        assertThat(r.records()).extracting(SolveRecord::solver).containsExactly("fixpoint lbfgs in process", "fixpoint lbfgs on Spark",
                "mllib LogisticRegression");
        assertThat(r.records()).allSatisfy(rec -> {
            assertThat(rec.solved()).as(rec.solver()).isTrue();
            assertThat(rec.figure("relativeError", 1)).isLessThanOrEqualTo(SparkBench.SOLVED);
            assertThat(rec.figure("passes", 0)).isGreaterThan(1);
        });
        SolveRecord local = r.records().get(0);
        SolveRecord spark = r.records().get(1);
        assertThat(spark.x()).as("the Spark path follows the in-process iterates").containsExactly(local.x());
        assertThat(spark.figure("passes", 0)).isEqualTo(local.figure("passes", -1));
        assertThat(spark.figure("passesVsMllib", 0)).isEqualTo(spark.figure("passes", 0) / r.records().get(2).figure("passes", 1));
        assertThat(r.text()).contains("dense-10000x20 (n = 10000, d = 20, dense, λ = 1e-05): the reference objective is ",
                "fixpoint lbfgs on Spark made " + (long) spark.figure("passes", 0) + " passes");
        assertThat(r.html()).startsWith("<h2 id=\"spark\">").contains("<h3>dense-10000x20</h3>", "one listener");
    }

    /** The dense-Hessian Newton runs where the Hessian is assembled (d + 1 ≤ 1000) and is skipped, with a note saying why, where it is not. */
    @Test
    void theDenseHessianRunsWhereItIsAssembled() {
        SuiteReport r = new SparkSuite().run(SuiteOptions.DEFAULT.withMethods(List.of("trust-newton-cg/dense")).withPeers(List.of()).withRepeats(1)
                .withWarmups(0));
        assertThat(r.failed()).as(r.notes().toString()).isFalse();
        assertThat(r.records()).extracting(rec -> rec.problem() + " " + rec.solver()).containsExactly(
                "dense-10000x20 fixpoint trust-newton-cg/dense in process", "dense-10000x20 fixpoint trust-newton-cg/dense on Spark",
                "breast-cancer-569x30 fixpoint trust-newton-cg/dense in process", "breast-cancer-569x30 fixpoint trust-newton-cg/dense on Spark");
        assertThat(r.records()).allSatisfy(rec -> assertThat(rec.solved()).isTrue());
        SolveRecord spark = r.records().get(1);
        assertThat(spark.figure("passes", 0)).isEqualTo(1.0 + spark.evaluations().get("hessian")).isLessThan(2.0 + 2 * spark.iterations());
        assertThat(spark.evaluations()).doesNotContainKey("hessianVector");
        assertThat(r.notes()).contains("trust-newton-cg/dense skipped on sparse-10000x1000: the dense Hessian is assembled for at most 1000 "
                + "parameters, this model has 1001");
    }

    @Test
    void anUnknownProblemIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> new SparkSuite().run(SuiteOptions.DEFAULT.withProblems(List.of("dense-10x2"))))
                .hasMessage("unknown problem 'dense-10x2' of the spark suite; its problems in the quick run are dense-10000x20, sparse-10000x1000, "
                        + "breast-cancer-569x30");
    }
}
