package io.fixpoint.bench.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.lp.LpResult;
import io.fixpoint.lp.LpSettings;
import io.fixpoint.lp.LpSolver;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.SolverSpec;
import org.junit.jupiter.api.Test;

class LpGeneratorsTest {
    static final SolverSpec<LinearProgram> R2HPDHG = Catalog.builtIn().linearProgram("r2hpdhg");

    @Test
    void pageRankProgramIsSolvedByThePageRankVector() {
        LinearProgram lp = LpGenerators.of("pagerank:300:3:7");
        assertThat(lp.matrix().nonZeros()).isEqualTo(300 * 4);
        LpResult r = LpSolver.solve(lp, R2HPDHG, LpSettings.of(R2HPDHG.defaults().override(1e-9, null, 200_000, null)));
        assertThat(r.statusName()).isEqualTo("OPTIMAL");
        // power iteration on x = αPx + (1 − α)/n, the fixed point the program's optimum must be
        int n = 300;
        double[] x = new double[n];
        double[] px = new double[n];
        for (int k = 0; k < 400; k++) {
            lp.matrix().multiply(x, px, ParallelExecutor.sequential());
            for (int i = 0; i < n; i++) {
                x[i] = x[i] - px[i] + 0.15 / n;
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(r.x()[i]).isCloseTo(x[i], within(1e-6 * 3.0 / n));
        }
    }

    @Test
    void transportationAndSvmAreFeasibleAndBounded() {
        LinearProgram t = LpGenerators.of("transport:6:9:3");
        assertThat(t.dimension()).isEqualTo(54);
        assertThat(t.matrix().nonZeros()).isEqualTo(108);
        LinearProgram svm = LpGenerators.of("svm:60:20:0.3:3");
        for (LinearProgram lp : new LinearProgram[] {t, svm}) {
            LpResult r = LpSolver.solve(lp, R2HPDHG, LpSettings.of(R2HPDHG.defaults().withMaxIterations(200_000)));
            assertThat(r.statusName()).isEqualTo("OPTIMAL");
        }
    }

    @Test
    void sameSpecSameBitsAndBadSpecsAreNamed() {
        LinearProgram a = LpGenerators.of("svm:30:10:0.5:1");
        LinearProgram b = LpGenerators.of("svm:30:10:0.5:1");
        assertThat(a.matrix().rowValue()).isEqualTo(b.matrix().rowValue());
        assertThat(a.objective()).isEqualTo(b.objective());
        assertThatThrownBy(() -> LpGenerators.of("flow:3")).hasMessageContaining("unknown generator 'flow'");
        assertThatThrownBy(() -> LpGenerators.of("transport:x:2:1")).hasMessageContaining("malformed generator spec");
    }
}
