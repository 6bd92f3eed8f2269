package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.bench.BenchResult;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.Trace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    static BenchResult result(String problem, String method) {
        return new BenchResult(problem, 2, method, "CONVERGED", "", true, true, 1, new Evaluations(Map.of()), 0, 0, 0, 0,
                RateEstimate.UNKNOWN, new double[2], new Trace());
    }

    @Test
    void drawsInPlaceAndClears() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), true);
        bar.onResult(1, 4, result("rosenbrock", "lbfgs"));
        bar.onResult(4, 4, result("box-3d", "bfgs"));
        bar.clear();
        String[] frames = s.toString().split("\r", -1);
        assertThat(frames[1]).isEqualTo("[#######                       ] 1/4 rosenbrock lbfgs");
        // a shorter line blanks out what is left of the longer one
        assertThat(frames[2]).startsWith("[##############################] 4/4 box-3d bfgs").hasSize(frames[1].length());
        assertThat(frames[3]).isBlank();
        assertThat(frames[4]).isEmpty();
    }

    @Test
    void silentWhenDisabled() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), false);
        bar.onResult(1, 2, result("rosenbrock", "lbfgs"));
        bar.clear();
        assertThat(s.toString()).isEmpty();
    }
}
