package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Batch;
import java.io.IOException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loss trajectories of 200 steps against torch.optim 1.13 in float64 on the same MLP, initial weights and
 * minibatch order, frozen in {@code torch-reference.txt} by {@code src/test/python/torch_reference.py}.
 */
class TorchReferenceTest {
    static final double TOLERANCE = 1e-10;

    static ReferenceProblem problem() throws IOException {
        return ReferenceProblem.read("torch-reference.txt");
    }

    static Stream<Integer> runs() throws IOException {
        return IntStream.range(0, problem().runs.size()).boxed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void lossTrajectoryAgreesWithTorch(int run) throws IOException {
        ReferenceProblem p = problem();
        double[] torch = p.losses.get(run);
        assertThat(torch).hasSize(p.steps);
        double[] ours = ReferenceRuns.losses(p, p.runs.get(run));
        assertThat(ReferenceRuns.maxRelative(ours, torch)).as("%s", p.runs.get(run)).isLessThanOrEqualTo(TOLERANCE);
        assertThat(torch[p.steps - 1]).as("the run trains").isLessThan(0.5 * torch[0]);
    }

    @Test
    void theFrozenMinibatchOrderIsTheSamplers() throws IOException {
        ReferenceProblem p = problem();
        ShuffledBatches s = new ShuffledBatches(p.y.length, p.batchSize, p.seed);
        Batch b = Batch.withCapacity(p.batchSize);
        for (int[] frozen : p.batches) {
            s.next(b);
            assertThat(IntStream.range(0, b.size()).map(b::index).toArray()).containsExactly(frozen);
        }
        assertThat(p.model().initialParameters(p.seed)).containsExactly(p.w0);
    }
}
