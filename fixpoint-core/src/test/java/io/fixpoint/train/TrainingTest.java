package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.minimize.Lbfgs;
import io.fixpoint.model.Mlp;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {

    static MinibatchSolver adam(int batch, long seed) {
        return new MinibatchSolver("adam", Optimizers.adam(Catalog.builtIn().optimizer("adam").defaults(0).withLearningRate(Schedules.constant(0.05))),
                batch, seed);
    }

    @Test
    void epochsAreTheBudgetAndEachIsRecorded() {
        Mlp train = Problems.clusters(1);
        Mlp heldOut = Problems.clusters(2);
        List<Training.Epoch> heard = new ArrayList<>();
        Training.Result r = Training.builder(adam(16, 3), Problems.TRAINING).epochs(5, train).validation(heldOut::metrics).onEpoch(heard::add).build()
                .run(train, new double[train.dimension()]);
        Solution s = r.solution();
        assertThat(r.stepsPerEpoch()).isEqualTo(8); // ⌈120/16⌉
        assertThat(s.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(s.iterations()).isEqualTo(40);
        assertThat(r.epochs()).hasSize(5).isEqualTo(heard);
        assertThat(r.epochs().get(4).steps()).isEqualTo(40);
        assertThat(r.epochs().get(4).heldOutAccuracy()).isGreaterThan(0.8);
        assertThat(r.epochs().get(4).trainLoss()).isLessThan(r.epochs().get(0).trainLoss());
        // one look-ahead batch beyond the 40 updates; the last batch of each epoch has 120 − 7·16 = 8 examples
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isEqualTo(41);
        assertThat(s.evaluations().get(Evaluation.EXAMPLE)).isEqualTo(5 * 120 + 16);
        assertThat(r.finalMetrics().accuracy()).isEqualTo(r.epochs().get(4).heldOutAccuracy());
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        Mlp f = Problems.clusters(1);
        double[] a = Training.builder(adam(10, 5), Problems.TRAINING).steps(30).build().run(f, new double[f.dimension()]).solution().x();
        double[] b = Training.builder(adam(10, 5), Problems.TRAINING).steps(30).build().run(f, new double[f.dimension()]).solution().x();
        double[] c = Training.builder(adam(10, 6), Problems.TRAINING).steps(30).build().run(f, new double[f.dimension()]).solution().x();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void aLossThatTurnsNaNEndsNonFiniteWithTheLastFiniteParameters() {
        Problems.LeastSquares f = new Problems.LeastSquares(Problems.LeastSquares.random(50, 1).a, Problems.LeastSquares.random(50, 1).b, 6);
        List<double[]> seen = new ArrayList<>();
        Training.Result r = Training.builder(adam(5, 1), Problems.TRAINING).steps(100)
                .onIteration((k, state, counts) -> seen.add(state.x().clone())).build().run(f, new double[3]);
        Solution s = r.solution();
        assertThat(s.status()).isEqualTo(Status.NON_FINITE);
        // evaluation 7, the look-ahead after step 6, is NaN: the parameters after step 5 are the last with a finite loss
        assertThat(s.iterations()).isEqualTo(6);
        assertThat(s.x()).containsExactly(seen.get(5));
        assertThat(Double.isFinite(s.value())).isTrue();
    }

    @Test
    void timeBudgetAndCancellation() {
        Mlp f = Problems.clusters(1);
        Training.Result timed = Training.builder(adam(8, 1), Problems.TRAINING.withTimeLimit(Duration.ofMillis(200))).steps(Integer.MAX_VALUE).build()
                .run(f, new double[f.dimension()]);
        assertThat(timed.solution().status()).isEqualTo(Status.BUDGET_EXHAUSTED);
        int[] calls = {0};
        Training.Result cancelled = Training.builder(adam(8, 1), Problems.TRAINING).steps(1000).cancelWhen(() -> ++calls[0] > 7).build()
                .run(f, new double[f.dimension()]);
        assertThat(cancelled.solution().status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.solution().iterations()).isEqualTo(7);
    }

    @Test
    void aVanishingMinibatchGradientIsNotReportedAsConvergence() {
        // example 0 has a = 0, b = 0: its gradient is exactly zero, the full gradient is not
        Problems.LeastSquares f = new Problems.LeastSquares(new double[][] {{0, 0, 0}, {1, 0, 1}}, new double[] {0, 3}, Integer.MAX_VALUE);
        long seed = 0;
        int[] order = new int[2];
        do {
            ShuffledBatches.permutation(++seed, 0, order);
        } while (order[0] != 0);
        Training.Result r = Training.builder(adam(1, seed), Problems.TRAINING).steps(10).build().run(f, new double[3]);
        assertThat(r.solution().status()).isEqualTo(Status.STALLED);
        assertThat(r.solution().message()).contains("full gradient");
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Mlp f = Problems.clusters(1);
        assertThatThrownBy(() -> Training.builder(adam(121, 1), Problems.TRAINING).steps(1).build().run(f, new double[f.dimension()]))
                .hasMessageContaining("batch size 121").hasMessageContaining("120 examples");
        Problems.LeastSquares ls = Problems.LeastSquares.random(20, 1);
        MinibatchSolver sophia = Problems.optimizer("sophia", 4, 1);
        assertThatThrownBy(() -> Training.builder(sophia, Problems.TRAINING).steps(1).build().run(ls, new double[3])).hasMessageContaining("Hessian-vector");
        MinibatchSolver sophiaG = Problems.optimizer("sophia-g", 4, 1);
        assertThatThrownBy(() -> Training.builder(sophiaG, Problems.TRAINING).steps(1).build().run(ls, new double[3])).hasMessageContaining("sampled");
        assertThatThrownBy(() -> Catalog.builtIn().optimizer("adamax")).hasMessageContaining("unknown training method 'adamax'")
                .hasMessageContaining("schedule-free-adamw");
        assertThatThrownBy(() -> new MinibatchSolver("sgd", new Adam(), 0, 1)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new Adam(1, 0.999, 1e-8)).hasMessageContaining("beta1");
    }

    @Test
    void theFullBatchViewIsAnOrdinaryObjectiveForDeterministicSolvers() {
        Mlp f = Mlp.softmax(Problems.clusterData(1), 0.01);
        Solution s = Driver.builder().tolerance(1e-9).build().solve(new Lbfgs(), f.fullBatch(), new double[f.dimension()]);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        double[] g = new double[f.dimension()];
        f.valueAndGradient(s.x(), Batch.all(), g);
        assertThat(io.fixpoint.linalg.Vectors.norm(g)).isLessThanOrEqualTo(1e-9);
        // every gradient is a pass over all 120 examples, counted as such
        assertThat(s.evaluations().get(Evaluation.EXAMPLE)).isEqualTo(120L * s.evaluations().get(Evaluation.VALUE));
        // trust-region Newton–CG uses the sum's Hessian-vector products, one pass over the data each
        Solution newton = Driver.builder().tolerance(1e-9).build().solve(new io.fixpoint.minimize.TrustRegionNewtonCg(), f.fullBatch(),
                new double[f.dimension()]);
        assertThat(newton.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.x()).usingComparatorWithPrecision(1e-6).containsExactly(s.x());
        assertThat(newton.evaluations().get(Evaluation.HESSIAN_VECTOR)).isPositive();
        assertThat(newton.evaluations().get(Evaluation.EXAMPLE)).isEqualTo(120L * (newton.evaluations().get(Evaluation.VALUE)
                + newton.evaluations().get(Evaluation.HESSIAN_VECTOR)));
    }
}
