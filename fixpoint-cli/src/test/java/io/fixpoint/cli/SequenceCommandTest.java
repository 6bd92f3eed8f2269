package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** Refused from the estimate, in milliseconds, before anything of that size is allocated. */
    @Test
    void aSolveTheHeapCannotHoldIsRefusedBeforeItStarts() {
        CliTest.assertBadInput(run("sequence", "--length", "1000000000"),
                "a trajectory of T × D = 1000000000 × 8 numbers does not fit one Java array");
        CliTest.assertBadInput(run("sequence", "--length", "2147483647", "--hidden", "1", "--method", "sequential"), "does not fit one Java array");
        CliTest.Run r = run("sequence", "--cell", "lstm", "--hidden", "4096", "--length", "20000", "--method", "deer", "--threads", "1");
        CliTest.assertBadInput(r, "deer on lstm with T=20000 and D=8192 (1 thread) needs about 2", "GB of heap; the JVM may use",
                "make T or D smaller", "quasi-deer");
        // a need between the heap and the machine's memory names the -Xmx to give
        long heap = Runtime.getRuntime().maxMemory();
        long machine = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long length = (long) (1.5 * heap / 56); // tanh-rnn with D = U = 1 under sequential holds about seven numbers per step
        if (length < Integer.MAX_VALUE - 8L && 3 * heap < machine) {
            CliTest.assertBadInput(run("sequence", "--cell", "tanh-rnn", "--hidden", "1", "--length", String.valueOf(length), "--method", "sequential"),
                    "needs about", "give it more with FIXPOINT_JAVA_OPTS=-Xmx");
        }
    }

    /** A need close to the heap runs with a warning: it may fit (many large arrays have filled 89% of a heap) or end in one line. */
    @Test
    void aSolveCloseToTheHeapRunsWithAWarning() throws Exception {
        // deer on a GRU with D = 64 holds about 8,900 numbers per step; 800 steps fill about 85% of a 64 MB heap
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sequence", "--cell", "gru", "--hidden", "64", "--length", "800",
                "--method", "deer", "--threads", "1", "--max-iter", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(err).startsWith("note: deer on gru with T=800 and D=64 (1 thread) needs about 57 MB of heap; the JVM may use 67 MB, "
                + "and arrays this large may not fit; if it runs out, give it more with FIXPOINT_JAVA_OPTS=-Xmx1g\n").doesNotContain("Exception", "\tat ");
        assertThat(code).as(err).isIn(1, 2); // MAX_ITERATIONS, or the heap ran out (one line)
    }

    @Test
    void timeAndIterationLimitsApplyAndALongSolveShowsProgress() throws Exception {
        System.setProperty("fixpoint.progress.quietMillis", "0");
        try {
            CliTest.Run r = run("sequence", "--cell", "lorenz", "--length", "30000", "--method", "deer", "--time-limit", "0.3", "--json");
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
            assertThat(j.get("message").asText()).contains("time limit 0.3 s");
            assertThat(j.get("seconds").asDouble()).isLessThan(5);
            assertThat(r.err()).containsPattern("deer: (starting|iteration \\d+, largest residual [0-9.e+-]+), \\d+ s \\(limit 0.3 s\\)\n");
        } finally {
            System.clearProperty("fixpoint.progress.quietMillis");
        }
        CliTest.Run r = run("sequence", "--cell", "lorenz", "--length", "3000", "--method", "deer", "--max-iter", "3", "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(j.get("iterations").asInt()).isEqualTo(3);
        assertThat(r.err()).as("no progress in the first two seconds").isEmpty();
    }

    @Test
    void theJacobianCheckSaysItPassed() throws Exception {
        CliTest.Run r = run("sequence", "--check-jacobian", "--cell", "lorenz", "--length", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("^Jacobian of lorenz matches central differences at 50 steps \\(worst relative error [0-9.e-]+ ≤ 1e-06\\)\n");
        JsonNode j = new ObjectMapper().readTree(run("sequence", "--check-jacobian", "--cell", "gru", "--length", "20", "--json").out());
        assertThat(j.get("jacobianCheck").get("steps").asInt()).isEqualTo(20);
        assertThat(j.get("jacobianCheck").get("worstRelativeError").asDouble()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void optionsThatDoNotApplyAreRefused() {
        CliTest.assertBadInput(run("sequence", "--length", "100", "--report", "/proc/x"), "--report does not apply without --bench");
        CliTest.assertBadInput(run("sequence", "--length", "100", "--full"), "--full does not apply without --bench");
        CliTest.assertBadInput(run("sequence", "--bench", "--cell", "lstm", "--max-iter", "3"), "--cell, --max-iter do not apply with --bench");
        CliTest.assertBadInput(run("sequence", "--method", "deer", "--block", "4"), "--block does not apply to deer, only to gauss-seidel");
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
