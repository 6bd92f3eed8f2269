package io.fixpoint.leastsquares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Solver;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A solver step allocates nothing of note: its workspaces live in the state. */
class LeastSquaresAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"lm", "lm-geodesic", "dogleg", "gauss-newton", "trf"})
    void stepsDoNotAllocate(String method) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        long perStep = 0;
        for (int rep = 0; rep < 3; rep++) { // the last repetition runs warm
            perStep = bytesPerStep(bean, (Solver<LeastSquaresProblem, ? extends LeastSquaresState>) Catalog.builtIn().leastSquares(method).create());
        }
        assertThat(perStep).as("bytes per step").isLessThan(512);
    }

    private static <S extends LeastSquaresState> long bytesPerStep(com.sun.management.ThreadMXBean bean, Solver<LeastSquaresProblem, S> solver) {
        LeastSquaresProblem p = LeastSquaresSolversTest.rosenbrock();
        S s = solver.init(p, new double[] {-1.2, 1});
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        int k = 0;
        while (s.verdict() == null && k < 50) {
            s = solver.step(p, s);
            k++;
        }
        return (bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / Math.max(k, 1);
    }
}
