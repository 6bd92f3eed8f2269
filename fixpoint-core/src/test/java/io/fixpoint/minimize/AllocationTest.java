package io.fixpoint.minimize;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.problem.L1Objective;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps work in the state's buffers: what a step allocates is at most the line search's small result record. */
class AllocationTest {
    /** One {@code LineSearchResult} (about 40 bytes on a 64-bit JVM) and some slack. */
    static final double BYTES_PER_STEP = 64;
    static final int N = 100;

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void aStepAllocatesNoVectors(String name) {
        @SuppressWarnings("unchecked")
        Solver<Objective, IterationState> solver = (Solver<Objective, IterationState>) Catalog.builtIn().minimizer(name).create();
        assertThat(leastBytesPerStep(solver, TestObjectives.centredQuadratic(N, 1e4, 1))).as(name).isLessThanOrEqualTo(BYTES_PER_STEP);
    }

    /** OWL-QN's search keeps its trial point and pseudo-gradient in the state too. */
    @Test
    void anOwlqnStepAllocatesNoVectors() {
        @SuppressWarnings("unchecked")
        Solver<L1Objective, IterationState> solver = (Solver<L1Objective, IterationState>) Catalog.builtIn().l1("owlqn").create();
        double[] lambda = new double[N];
        java.util.Arrays.fill(lambda, 0.1);
        assertThat(leastBytesPerStep(solver, L1Objective.of(TestObjectives.centredQuadratic(N, 1e4, 1), lambda)))
                .isLessThanOrEqualTo(BYTES_PER_STEP);
    }

    /** The fewest bytes per step over five runs of 40 steps from 0; a vector of the problem alone would be N × 8 bytes. */
    private static <P extends io.fixpoint.problem.Problem<P>> double leastBytesPerStep(Solver<P, IterationState> solver, P f) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().getId();
        double least = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            IterationState s = solver.init(f, new double[N]);
            long before = threads.getThreadAllocatedBytes(thread);
            int steps = 0;
            for (; steps < 40 && s.verdict() == null; steps++) {
                s = solver.step(f, s);
            }
            long bytes = threads.getThreadAllocatedBytes(thread) - before;
            least = Math.min(least, (double) bytes / steps);
        }
        return least;
    }
}
