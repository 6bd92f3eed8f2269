package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.solve.IterationState;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line of a long solve, and a result that cannot be written. */
class SolveProgressTest {

    @Test
    void aLineOnceTheFirstDelayHasPassedThenNothingUntilTheNext() {
        StringWriter text = new StringWriter();
        SolveProgress p = new SolveProgress(new PrintWriter(text), false, "marginal error", 0);
        p.onIteration(7, state(2.5e-4), null);
        p.onIteration(8, state(1e-4), null);
        assertThat(text.toString()).matches("iteration 7, marginal error 2\\.50e-04, 0 s\n");
        p.clear(); // nothing was drawn in place: nothing to clear
        assertThat(text.toString()).hasLineCount(1);
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndCleared() {
        StringWriter text = new StringWriter();
        SolveProgress p = new SolveProgress(new PrintWriter(text), true, "Bellman residual", 0);
        p.onIteration(3, state(0.5), null);
        assertThat(text.toString()).startsWith("\riteration 3, Bellman residual 5.00e-01").doesNotContain("\n");
        p.clear();
        assertThat(text.toString()).endsWith("\r");
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
