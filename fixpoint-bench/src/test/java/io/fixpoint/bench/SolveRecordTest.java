package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solution;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolveRecordTest {
    /** A bowl Σ xᵢ² of n variables, solved by L-BFGS from all ones. */
    private static Solution bowl(int n) {
        Objective f = Objective.of(n, x -> {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }, (x, g) -> {
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * x[i];
            }
        });
        double[] x0 = new double[n];
        java.util.Arrays.fill(x0, 1);
        return Catalog.builtIn().minimizer("lbfgs").solve(f, x0);
    }

    @Test
    void aSmallPointIsWrittenAndALargeOneOnlyByItsDimension() {
        int small = SolveRecord.LARGEST_X_IN_JSON;
        int large = SolveRecord.LARGEST_X_IN_JSON + 1;
        Map<String, Object> a = SolveRecord.of("s", "p", "lbfgs", "f", bowl(small), true, 0, 0, 0, 1, Map.of()).json();
        Map<String, Object> b = SolveRecord.of("s", "p", "lbfgs", "f", bowl(large), true, 0, 0, 0, 1, Map.of()).json();
        assertThat(a).containsKey("x").containsEntry("dimension", small);
        assertThat(b).doesNotContainKey("x").containsEntry("dimension", large);
    }
}
