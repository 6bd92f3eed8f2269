package io.fixpoint.bounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** L-BFGS-B against SciPy's (an independent implementation of the same algorithm) and its own bookkeeping. */
class LbfgsbTest {

    /** One line of {@code scipy-lbfgsb.tsv}: SciPy's iterate and evaluation count after k iterations. */
    record Frozen(String name, int iterations, long evaluations, double[] x) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Frozen> scipyIterates() throws IOException {
        try (InputStream in = LbfgsbTest.class.getResourceAsStream("/bounded/scipy-lbfgsb.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
                String[] f = l.split("\t");
                double[] x = Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
                return new Frozen(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), x);
            }).toList().stream();
        }
    }

    static BoundedProblems.Case byName(String name) {
        if (name.equals("rosenbrock")) {
            return new BoundedProblems.Case(name, BoundedProblems.rosenbrock().withBounds(Bounds.unbounded(2)), new double[] {-1.2, 1},
                    new double[] {1, 1}, 0);
        }
        return BoundedProblems.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * SciPy 1.17.1's L-BFGS-B (frozen by {@code scipy_lbfgsb.py}) and this one take the same iterates and
     * the same evaluations: Cauchy point, subspace step, line search and memory all agree.
     */
    @ParameterizedTest
    @MethodSource("scipyIterates")
    void followsScipysIteratesStepForStep(Frozen frozen) {
        BoundedProblems.Case c = byName(frozen.name());
        Solution s = Driver.builder().tolerances(new Tolerances(0, 0, 0, 0, 0)).maxIterations(frozen.iterations()).build()
                .solve(new Lbfgsb(), c.problem(), c.start());
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isEqualTo(frozen.evaluations());
        for (int i = 0; i < frozen.x().length; i++) {
            assertThat(s.x()[i]).as("x[%d]", i).isCloseTo(frozen.x()[i], within(1e-9 * Math.max(1, Math.abs(frozen.x()[i]))));
        }
    }

    @Test
    void withoutBoundsItIsUnconstrainedLbfgsAndReachesTheRosenbrockMinimiser() {
        Solution s = Driver.builder().tolerance(1e-10).build().solve(new Lbfgsb().unconstrained(), BoundedProblems.rosenbrock(),
                new double[] {-1.2, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.solver()).isEqualTo("lbfgsb");
        assertThat(s.x()[0]).isCloseTo(1, within(1e-10));
        assertThat(s.x()[1]).isCloseTo(1, within(1e-10));
        // SciPy 1.17.1 takes 39 iterations and 47 evaluations to pgtol = 1e-10 from here.
        assertThat(s.iterations()).isEqualTo(39);
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isEqualTo(47);
    }

    @Test
    void theMemoryWrapsAroundAndTheDetailsSayWhatHappened() {
        BoundedProblems.Case c = BoundedProblems.activeQuadratic(40, 3);
        Solution s = Driver.builder().tolerance(1e-10).build().solve(new Lbfgsb(3), c.problem(), c.start());
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isGreaterThan(3);
        Map<String, Object> d = s.details();
        assertThat(d).containsEntry("memoryUsed", 3).containsKeys("skippedUpdates", "resets", "cauchySegments", "activeBounds");
        assertThat((Integer) d.get("activeBounds")).isGreaterThanOrEqualTo(26); // two thirds of 40 sit on a bound
        for (int i = 0; i < 40; i++) {
            assertThat(s.x()[i]).isCloseTo(c.minimizer()[i], within(1e-8));
        }
    }

    @Test
    void rejectsABadMemory() {
        assertThatThrownBy(() -> new Lbfgsb(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory");
    }

    @Test
    void aStepAllocatesNoVectors() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int n = 200;
        BoundedObjective p = AllocationFree.diagonalQuadratic(n).withBounds(new Bounds(BoundedProblems.fill(n, -0.5), BoundedProblems.fill(n, 0.5)));
        for (BoundedSolver<?> solver : List.of(new Lbfgsb(), new Tron(), new SpectralProjectedGradient(), new ProjectedGradient())) {
            @SuppressWarnings("unchecked")
            BoundedSolver<io.fixpoint.solve.IterationState> sv = (BoundedSolver<io.fixpoint.solve.IterationState>) solver;
            double least = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 5; rep++) {
                io.fixpoint.solve.IterationState s = sv.init(p, new double[n]);
                long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                int steps = 0;
                for (; steps < 15 && s.verdict() == null && s.optimality() > 1e-12; steps++) {
                    s = sv.step(p, s);
                }
                long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                least = Math.min(least, (double) bytes / Math.max(1, steps));
            }
            // One vector of this problem alone is 200 × 8 bytes.
            assertThat(least).as(solver.name()).isLessThanOrEqualTo(128);
        }
    }

    /** Objectives whose evaluations allocate nothing, for the allocation test. */
    static final class AllocationFree {
        private AllocationFree() {
        }

        /** ½Σ(i+1)(xᵢ − 1)²: every coordinate ends at the upper bound 0.5 of the allocation test's box. */
        static Objective diagonalQuadratic(int n) {
            return new Objective() {
                public int dimension() {
                    return n;
                }

                public double value(double[] x) {
                    double v = 0;
                    for (int i = 0; i < n; i++) {
                        v += 0.5 * (i + 1) * (x[i] - 1) * (x[i] - 1);
                    }
                    return v;
                }

                public void gradient(double[] x, double[] g) {
                    for (int i = 0; i < n; i++) {
                        g[i] = (i + 1) * (x[i] - 1);
                    }
                }

                public boolean hasHessianVector() {
                    return true;
                }

                public void hessianVector(double[] x, double[] v, double[] hv) {
                    for (int i = 0; i < n; i++) {
                        hv[i] = (i + 1) * v[i];
                    }
                }
            };
        }
    }
}
