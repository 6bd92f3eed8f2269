package io.fixpoint.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Evaluating a compiled expression, with or without its gradient, allocates nothing. */
class ExpressionAllocationTest {

    @Test
    void evaluationDoesNotAllocate() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        CompiledExpression c = Expression.parse("b1*cos(2*pi*x/b2) + b3*exp(-(x-b4)^2/b5^2) + erf(x/10)")
                .compile("b1", "b2", "b3", "b4", "b5", "x");
        double[] p = {1, 12, 2, 3, 4, 0};
        double[] g = new double[6];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up
            p[5] = i * 1e-3;
            sink += c.evaluate(p, g) + c.evaluate(p);
        }
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            p[5] = i * 1e-3;
            sink += c.evaluate(p, g) + c.evaluate(p);
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertThat(sink).isFinite();
        // 200 000 evaluations: anything per call would be megabytes
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
