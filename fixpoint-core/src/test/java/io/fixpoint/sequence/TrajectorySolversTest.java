package io.fixpoint.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrajectorySolversTest {
    static final ParallelExecutor TWO = ParallelExecutor.of(2);

    @AfterAll
    static void close() {
        TWO.close();
    }

    static Stream<String> methods() {
        return Trajectories.METHODS.stream();
    }

    static Stream<Arguments> cellsAndMethods() {
        return Stream.of("tanh-rnn", "gru", "lstm", "pendulum", "lorenz")
                .flatMap(c -> Trajectories.METHODS.stream().map(m -> Arguments.of(c, m)));
    }

    @ParameterizedTest
    @MethodSource("cellsAndMethods")
    void everyMethodMatchesSequentialOnEveryCell(String cell, String method) {
        Recurrence p = Cells.recurrence(cell, 6, cell.equals("lorenz") ? 300 : 2000, 7);
        double[] ref = p.sequential();
        Solution s = Trajectories.solve(Trajectories.solver(method, TWO), p);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThanOrEqualTo(p.length());
        assertThat(Sequences.maxDeviation(s.x(), ref)).as(method + " on " + cell).isLessThanOrEqualTo(1e-10);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void toleranceZeroGivesTheSequentialBitsWithinTIterationsOnAdversarialWeights(String method) {
        // gain 3: far from a contraction, so only the exact-prefix guarantee ends the solve
        Recurrence p = Cells.recurrence(Cells.tanhRnn(5, 3.0, 11), 150, 11);
        double[] ref = p.sequential();
        int[] worstShortfall = {Integer.MAX_VALUE};
        Driver driver = Driver.builder().tolerance(0).maxIterations(p.length()).stallIterations(Integer.MAX_VALUE)
                .listener((k, state, counts) -> {
                    TrajectoryState ts = (TrajectoryState) state;
                    worstShortfall[0] = Math.min(worstShortfall[0], ts.exactPrefix() - k);
                    int n = Math.min(ts.exactPrefix(), p.length()) * p.stateDimension();
                    assertThat(Arrays.copyOf(ts.x(), n)).isEqualTo(Arrays.copyOf(ref, n));
                }).build();
        Solution s = driver.solve(Trajectories.solver(method, TWO), p, Sequences.constantGuess(p));
        assertThat(s.status()).as(s.message()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThanOrEqualTo(p.length());
        assertThat(s.x()).isEqualTo(ref);
        assertThat(worstShortfall[0]).as("after k iterations at least k states are exact").isGreaterThanOrEqualTo(0);
    }

    @Test
    void jacobiOnAContractiveRnnNeedsFarFewerIterationsThanT() {
        Recurrence p = Cells.recurrence(Cells.tanhRnn(8, 0.5, 3), 5000, 3);
        Solution s = Trajectories.solve(new Jacobi(TWO), p);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThan(100);
        assertThat(Sequences.maxDeviation(s.x(), p.sequential())).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void deerAndQuasiDeerMatchSequentialOnAGruAndDeerNeedsAtMostTenNewtonSteps() {
        Recurrence p = Cells.recurrence("gru", 8, 20_000, 42);
        double[] ref = p.sequential();
        Solution deer = Trajectories.solve(new Deer(TWO), p);
        Solution quasi = Trajectories.solve(new QuasiDeer(TWO), p);
        assertThat(deer.status()).isEqualTo(Status.CONVERGED);
        assertThat(quasi.status()).isEqualTo(Status.CONVERGED);
        assertThat(deer.iterations()).isLessThanOrEqualTo(10);
        assertThat(quasi.iterations()).isGreaterThanOrEqualTo(deer.iterations());
        assertThat(Sequences.maxDeviation(deer.x(), ref)).isLessThanOrEqualTo(1e-10);
        assertThat(Sequences.maxDeviation(quasi.x(), ref)).isLessThanOrEqualTo(1e-10);
        assertThat((long) deer.details().get("depth")).isPositive();
        assertThat((long) deer.details().get("work")).isGreaterThan((long) quasi.details().get("work") / quasi.iterations());
    }

    @Test
    void newtonStepsThroughTheBlockedScanMatchSequential() {
        // 5 workers > D + 2 = 4: the dense scan blocks; the diagonal one blocks from 4 workers
        Recurrence p = Cells.recurrence("gru", 2, 20_000, 8);
        double[] ref = p.sequential();
        try (ParallelExecutor five = ParallelExecutor.of(5)) {
            for (TrajectorySolver<?> solver : new TrajectorySolver<?>[] {new Deer(five), new QuasiDeer(five)}) {
                Solution s = Trajectories.solve(solver, p);
                assertThat(s.status()).isEqualTo(Status.CONVERGED);
                assertThat(Sequences.maxDeviation(s.x(), ref)).as(solver.name()).isLessThanOrEqualTo(1e-10);
                assertThat(Trajectories.solve(solver, p).x()).isEqualTo(s.x());
            }
        }
    }

    @Test
    void sameThreadCountGivesTheSameBits() {
        Recurrence p = Cells.recurrence("gru", 8, 3000, 5);
        try (ParallelExecutor other = ParallelExecutor.of(2)) {
            for (String m : Trajectories.METHODS) {
                Solution a = Trajectories.solve(Trajectories.solver(m, TWO), p);
                Solution b = Trajectories.solve(Trajectories.solver(m, other), p);
                assertThat(b.x()).as(m).isEqualTo(a.x());
                assertThat(b.iterations()).isEqualTo(a.iterations());
            }
        }
    }

    @Test
    void aGoodGuessIsAccepted() {
        Recurrence p = Cells.recurrence("gru", 4, 1000, 9);
        double[] ref = p.sequential();
        Solution s = Trajectories.solve(new Deer(TWO), p, ref, Trajectories.DEFAULTS.tolerances().absolute());
        assertThat(s.iterations()).isZero();
        assertThat(s.x()).isEqualTo(ref);
        double[] near = ref.clone();
        for (int i = 0; i < near.length; i++) {
            near[i] += 1e-4 * Math.sin(i);
        }
        assertThat(Trajectories.solve(new Deer(TWO), p, near, Trajectories.DEFAULTS.tolerances().absolute()).iterations())
                .isLessThan(Trajectories.solve(new Deer(TWO), p).iterations());
    }

    @Test
    void chaoticLorenzNeedsMoreNewtonStepsAsTGrows() {
        int shortRun = Trajectories.solve(new Deer(TWO), Cells.recurrence("lorenz", 3, 200, 1)).iterations();
        Recurrence longer = Cells.recurrence("lorenz", 3, 1500, 1);
        Solution s = Trajectories.solve(new Elk(TWO), longer);
        Solution deer = Trajectories.solve(new Deer(TWO), longer);
        assertThat(deer.iterations()).isGreaterThan(shortRun);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThanOrEqualTo(longer.length());
    }
}
