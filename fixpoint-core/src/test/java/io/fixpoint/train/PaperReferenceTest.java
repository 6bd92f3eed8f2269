package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loss trajectories of 100 steps of the optimisers torch 1.13 lacks against an independent NumPy
 * implementation of each paper's equations ({@code src/test/python/paper_reference.py}), frozen in
 * {@code paper-reference.txt}.
 */
class PaperReferenceTest {
    static final double TOLERANCE = 1e-12;

    static Stream<Integer> runs() throws IOException {
        return IntStream.range(0, ReferenceProblem.read("paper-reference.txt").runs.size()).boxed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void lossTrajectoryAgreesWithTheReference(int run) throws IOException {
        ReferenceProblem p = ReferenceProblem.read("paper-reference.txt");
        double[] reference = p.losses.get(run);
        assertThat(reference).hasSize(p.steps);
        double[] ours = ReferenceRuns.losses(p, p.runs.get(run));
        assertThat(ReferenceRuns.maxRelative(ours, reference)).as("%s", p.runs.get(run)).isLessThanOrEqualTo(TOLERANCE);
        assertThat(reference[p.steps - 1]).as("the run trains").isLessThan(0.5 * reference[0]);
    }
}
