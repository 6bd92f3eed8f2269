package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance bar of the minimisers on the Moré–Garbow–Hillstrom set, judged as the bench judges. */
class MghBenchTest {

    @Test
    void quasiNewtonAndTrustRegionNewtonSolveAtLeastNinetyPercent() {
        List<TestProblem> problems = Suites.minimization();
        List<String> methods = List.of("bfgs", "lbfgs", "trust-newton-cg");
        List<BenchResult> results = MinimizationBench.standard().run(problems, methods, (d, t, r) -> { });
        assertThat(results).hasSize(problems.size() * methods.size());
        for (String m : methods) {
            List<BenchResult> mine = results.stream().filter(r -> r.method().equals(m)).toList();
            long solved = mine.stream().filter(BenchResult::solved).count();
            assertThat(solved).as("%s solved %d of %d: unsolved %s", m, solved, mine.size(),
                    mine.stream().filter(r -> !r.solved()).map(BenchResult::problem).toList())
                    .isGreaterThanOrEqualTo((long) Math.ceil(0.9 * mine.size()));
            assertThat(mine).allSatisfy(r -> assertThat(r.applicable()).isTrue());
        }
    }
}
