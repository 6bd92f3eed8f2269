package io.fixpoint.minimize;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps work in the state's buffers: what a step allocates is at most the line search's small result record. */
class AllocationTest {
    /** One {@code LineSearchResult} (about 40 bytes on a 64-bit JVM) and some slack. */
    static final double BYTES_PER_STEP = 64;

    @ParameterizedTest
    @ValueSource(strings = {"gradient-descent", "nesterov", "cg-pr", "cg-hz", "bfgs", "lbfgs"})
    void aStepAllocatesNoVectors(String name) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int n = 100;
        Objective f = TestObjectives.centredQuadratic(n, 1e4, 1);
        @SuppressWarnings("unchecked")
        Solver<Objective, IterationState> solver = (Solver<Objective, IterationState>) Catalog.builtIn().minimizer(name).create();
        long thread = Thread.currentThread().getId();
        double least = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            IterationState s = solver.init(f, new double[n]);
            long before = threads.getThreadAllocatedBytes(thread);
            int steps = 0;
            for (; steps < 40 && s.verdict() == null; steps++) {
                s = solver.step(f, s);
            }
            long bytes = threads.getThreadAllocatedBytes(thread) - before;
            least = Math.min(least, (double) bytes / steps);
        }
        // A vector of this problem alone would be 100 × 8 bytes.
        assertThat(least).as(name).isLessThanOrEqualTo(BYTES_PER_STEP);
    }
}
