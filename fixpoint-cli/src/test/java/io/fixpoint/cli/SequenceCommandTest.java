package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SequenceCommandTest {

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void jsonReportsTheMeasurements() throws Exception {
        CliTest.Run r = run("sequence", "--cell", "gru", "--hidden", "8", "--length", "5000", "--method", "deer", "--threads", "2", "--seed", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("iterations").asInt()).isBetween(1, 10);
        assertThat(j.get("maxDeviation").asDouble()).isLessThanOrEqualTo(1e-10);
        assertThat(j.get("depth").asLong()).isPositive();
        assertThat(j.get("work").asLong()).isPositive();
        assertThat(j.get("seconds").asDouble()).isPositive();
        assertThat(j.get("threads").asInt()).isEqualTo(2);
        assertThat(j.get("cell").asText()).isEqualTo("gru");
        assertThat(j.get("method").asText()).isEqualTo("deer");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        for (String[] args : new String[][] {{"sequence", "--cell", "rnn"}, {"sequence", "--method", "newton"}, {"sequence", "--length", "0"},
                {"sequence", "--threads", "0"}, {"sequence", "--hidden", "-1"}, {"sequence", "--tolerance", "NaN"}, {"sequence", "--length", "x"}, {"sequence", "--block", "-3"}}) {
            CliTest.Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("error: ").doesNotContain("Exception");
        }
    }
}
