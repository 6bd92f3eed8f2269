package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.model.Mlp;
import io.fixpoint.problem.Batch;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizersTest {

    static java.util.List<String> names() {
        return io.fixpoint.catalog.Catalog.builtIn().names(io.fixpoint.solve.ProblemKind.TRAINING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyOptimiserTrainsAnMlpWithItsDefaults(String name) {
        Mlp f = Problems.network(1);
        double[] w0 = f.initialParameters(2);
        double before = f.value(w0, Batch.all());
        MinibatchSolver solver = Problems.optimizer(name, 16, 3);
        Solution s = Training.builder(solver, Problems.TRAINING).epochs(60, f).build().run(f, w0).solution();
        assertThat(s.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(f.value(s.x(), Batch.all())).as(name).isLessThan(0.8 * before);
    }

    @Test
    void lionKeepsOneBufferAndAdamTwo() {
        Mlp f = Problems.network(1);
        for (String name : new String[] {"lion", "adam", "sgd", "adamw"}) {
            var state = Problems.optimizer(name, 8, 1).init(f, f.initialParameters(1));
            assertThat(state.stateDoublesPerParameter()).as(name).isEqualTo(name.equals("lion") || name.equals("sgd") ? 1.0 : 2.0);
        }
    }

    /** Steps allocate nothing, as the deterministic solvers' steps do (Shampoo and SOAP: except the EJML eigendecompositions every 10 steps). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void stepsAllocateNothing(String name) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Mlp f = Problems.network(1);
        MinibatchSolver solver = Problems.optimizer(name, 16, 3);
        long thread = Thread.currentThread().getId();
        double least = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            var s = solver.init(f, f.initialParameters(2));
            for (int k = 0; k < 11; k++) {
                s = solver.step(f, s); // past the first refreshes of Shampoo's roots (step 11) and SOAP's bases (step 10)
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int k = 0; k < 8; k++) {
                s = solver.step(f, s); // steps 12..19
            }
            least = Math.min(least, (threads.getThreadAllocatedBytes(thread) - before) / 8.0);
        }
        assertThat(least).as(name).isLessThanOrEqualTo(16);
    }
}
