package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.solve.IterationState;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line of a long solve, and a result that cannot be written. */
class SolveProgressTest {

    @Test
    void aLongSolveShowsItsIterationAndNamedMeasureOnceTheQuietStartHasPassed() throws InterruptedException {
        StringWriter text = new StringWriter();
        String quiet = System.setProperty("fixpoint.progress.quietMillis", "200"); // the iteration below comes first
        try (SolveProgress p = new SolveProgress(new PrintWriter(text), "sinkhorn", "marginal error", Duration.ofSeconds(5))) {
            p.onIteration(7, state(2.5e-4), null);
            Thread.sleep(600); // the timer shows where the solve is, however slow its iterations
        } finally {
            if (quiet == null) {
                System.clearProperty("fixpoint.progress.quietMillis");
            } else {
                System.setProperty("fixpoint.progress.quietMillis", quiet);
            }
        }
        // not a terminal: one line, then one every few seconds
        assertThat(text.toString()).matches("sinkhorn: iteration 7, marginal error 2\\.500e-04, 0 s \\(limit 5 s\\)\\R");
    }

    @Test
    void aShortSolvePrintsNothing() {
        StringWriter text = new StringWriter();
        try (SolveProgress p = new SolveProgress(new PrintWriter(text), "sinkhorn", "marginal error", null)) {
            p.onIteration(1, state(1), null);
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void anOutputThatCannotBeWrittenIsAFailure() {
        PrintWriter broken = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("closed pipe");
            }
        });
        broken.println("the result");
        broken.flush();
        StringWriter err = new StringWriter();
        assertThat(ExitCodes.written(broken, new PrintWriter(err), ExitCodes.OK)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("error: the output could not be written" + System.lineSeparator());
        assertThat(ExitCodes.written(new PrintWriter(new StringWriter()), new PrintWriter(err), ExitCodes.OK)).isEqualTo(ExitCodes.OK);
    }

    private static IterationState state(double optimality) {
        return new IterationState() {
            public double[] x() {
                return new double[0];
            }

            public double value() {
                return 0;
            }

            public double optimality() {
                return optimality;
            }
        };
    }
}
