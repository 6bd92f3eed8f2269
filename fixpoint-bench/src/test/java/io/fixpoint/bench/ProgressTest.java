package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** Without a terminal (as in tests), a status is a line of its own, the first at once, then at most one every five seconds. */
    @Test
    void aStatusInALogIsALineEveryFewSeconds() {
        StringWriter text = new StringWriter();
        Progress p = Progress.on(new PrintWriter(text));
        p.status("lbfgs: iteration 10");
        p.status("lbfgs: iteration 20");
        p.stage("done");
        assertThat(text.toString()).isEqualTo("lbfgs: iteration 10\ndone\n");
    }

    /** On a terminal, a status overwrites the line in place (carriage return, padded to the width) and is cleared at the end. */
    @Test
    void aStatusOnATerminalIsRedrawnInPlace() {
        StringWriter text = new StringWriter();
        Progress p = Progress.to(new PrintWriter(text));
        p.status("deer: iteration 3, optimality 1.0e-03, 4 s");
        p.finish();
        assertThat(text.toString()).startsWith("\rdeer: iteration 3, optimality 1.0e-03, 4 s   ").doesNotContain("\n")
                .endsWith("\r" + " ".repeat(100) + "\r").hasSize(2 * 101 + 1);
    }
}
