package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line run in-process, as a user would type it; each case takes milliseconds. */
class CliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static void assertBadInput(Run r, String... fragments) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void solveRosenbrockWithLbfgs() throws Exception {
        Run r = run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("problem").asText()).isEqualTo("rosenbrock");
        assertThat(j.get("method").asText()).isEqualTo("lbfgs");
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("x").get(0).asDouble()).isCloseTo(1, within(1e-6));
        assertThat(j.get("x").get(1).asDouble()).isCloseTo(1, within(1e-6));
        for (String field : List.of("message", "iterations", "value", "optimality", "seconds", "reachedKnownMinimum", "knownMinimum")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("evaluations").get("gradient").asLong()).isPositive();
        assertThat(j.get("rate").get("kind").asText()).isNotEmpty();
        assertThat(j.get("optimality").asDouble()).isLessThan(1e-6);
        assertThat(j.get("reachedKnownMinimum").asBoolean()).isTrue();
    }

    @Test
    void solveSummaryAndTrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        Run r = run("solve", "--problem", "rosenbrock", "--method", "bfgs", "--trace", trace.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("status       CONVERGED", "f* reached   yes", "x            [1.0000000");
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(0)).isEqualTo("iteration,value,optimality,step,evaluations,seconds");
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("0");
        assertThat(Double.parseDouble(first[1])).isCloseTo(24.2, within(1e-12)); // f(−1.2, 1) = 24.2
        assertThat(first[3]).isEqualTo("NaN"); // no step yet
        assertThat(lines).hasSizeGreaterThan(10);
    }

    @Test
    void notConvergedExitsOne() throws Exception {
        Run r = run("solve", "--problem", "rosenbrock", "--method", "gradient-descent", "--max-iter", "3", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(j.get("iterations").asInt()).isEqualTo(3);
        assertThat(j.get("reachedKnownMinimum").asBoolean()).isFalse();
    }

    @Test
    void nonFiniteObjectiveIsAnHonestStatus() throws Exception {
        // f overflows at this (finite) start: not bad input, but nothing to minimise from
        Run r = run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", "1e200,1e200", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("NON_FINITE");
        assertThat(j.get("value").asText()).isEqualTo("Infinity");
        assertThat(j.get("reachedKnownMinimum").asBoolean()).isFalse();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void startAndToleranceAreHonoured() throws Exception {
        Run r = run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", "1.5, 2", "--tol", "1e-3", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("optimality").asDouble()).isLessThanOrEqualTo(1e-3);
        assertThat(j.get("message").asText()).contains("tolerance 0.00100");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertBadInput(run("solve", "--problem", "nope", "--method", "lbfgs"), "unknown problem 'nope'", "rosenbrock", "beale");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "nope"), "unknown minimization method 'nope'", "lbfgs", "bfgs");
        assertBadInput(run("bench", "--problems", "rosenbrock,nope"), "unknown problem 'nope'", "rosenbrock");
        assertBadInput(run("bench", "--methods", "bfgs,nope"), "unknown minimization method 'nope'", "lbfgs");
        assertBadInput(run("bench", "--suites", "minimization,nope"), "unknown suite 'nope'", "least-squares", "sequence");
    }

    @Test
    void benchRunsAnotherSuiteThroughItsOwnCommand(@TempDir Path dir) throws Exception {
        Run r = run("bench", "--suites", "least-squares", "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("== least-squares ==").contains("Misra1a").doesNotContain("rosenbrock");
        assertThat(dir.resolve("least-squares/nist.txt")).exists();
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").contains("<h2 id=\"least-squares\">", "Misra1a",
                "least-squares/results.csv").doesNotContain("id=\"fixed-point\"", "Headline");
        assertThat(dir.resolve("least-squares/results.json")).exists();
    }

    @Test
    void badStartPointsAndTolerancesAreBadInput() {
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", "1,2,3"),
                "--start has 3 entries", "dimension 2");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", "1,NaN"), "entry 1 is NaN");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", "1,abc"), "entry 1 'abc' is not a number");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--start", ""), "not a number");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--tol", "-1"), "--tol must be finite");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--rtol", "NaN"), "--rtol must be finite");
        assertBadInput(run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--max-iter", "-5"), "--max-iter must be ≥ 1");
        assertBadInput(run("bench", "--problems", "rosenbrock", "--methods", "bfgs", "--time-limit", "0"), "--time-limit");
        // picocli's own parse errors: still code 2, with a hint to --help, no stack trace
        Run r = run("solve", "--problem", "rosenbrock", "--method", "lbfgs", "--tol", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("--tol").doesNotContain("Exception");
        assertThat(run("solve", "--method", "lbfgs").code()).isEqualTo(2);
    }

    @Test
    void unwritableOutputIsBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertBadInput(run("solve", "--problem", "beale", "--method", "bfgs", "--trace", file.resolve("trace.csv").toString()),
                "cannot write the trace");
        Run r = run("bench", "--problems", "beale", "--methods", "bfgs", "--json", "--report", file.resolve("report").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot write the report");
        assertThat(r.out()).isEmpty(); // refused before the run
    }

    @Test
    void listJsonParses() throws Exception {
        Run r = run("list", "--json");
        assertThat(r.code()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("problems").size()).isGreaterThanOrEqualTo(25);
        JsonNode rosenbrock = j.get("problems").findParents("name").stream()
                .filter(p -> p.get("name").asText().equals("rosenbrock")).findFirst().orElseThrow();
        assertThat(rosenbrock.get("dimension").asInt()).isEqualTo(2);
        assertThat(rosenbrock.get("knownMinimum").asDouble()).isEqualTo(0);
        assertThat(j.get("methods").findValuesAsText("name")).contains("lbfgs", "bfgs", "newton", "trust-newton-cg");
        assertThat(j.get("methods").size()).isEqualTo(49);
        assertThat(j.get("methods").findValuesAsText("kind")).contains("minimization", "least-squares", "root", "fixed-point", "sequence", "lp",
                "training");
        JsonNode sophia = j.get("methods").findParents("name").stream().filter(p -> p.get("name").asText().equals("sophia")).findFirst()
                .orElseThrow();
        assertThat(sophia.get("kind").asText()).isEqualTo("training");
        assertThat(sophia.get("needs").toString()).contains("hessian_vector");
        assertThat(j.get("training").get("schedules").toString()).contains("warmup-cosine");
        JsonNode r2 = j.get("methods").findParents("name").stream().filter(p -> p.get("name").asText().equals("r2hpdhg")).findFirst()
                .orElseThrow();
        assertThat(r2.get("defaults").get("absoluteTolerance").asDouble()).isEqualTo(1e-8);
        assertThat(r2.get("defaults").get("maxIterations").asInt()).isEqualTo(1_000_000);
        assertThat(j.get("nistDatasets").size()).isEqualTo(18);
        assertThat(run("list").out()).contains("problems (", "rosenbrock", "methods (49", "lbfgs", "anderson", "deer", "r2hpdhg *",
                "Misra1a", "sequence", "training — ", "adamw *", "schedule-free-adamw", "warmup-cosine");
    }

    @Test
    void benchJsonLines() throws Exception {
        Run r = run("bench", "--problems", "rosenbrock,beale", "--methods", "bfgs", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.get("problem").asText()).isEqualTo("rosenbrock");
        assertThat(second.get("problem").asText()).isEqualTo("beale");
        for (JsonNode j : List.of(first, second)) {
            assertThat(j.get("method").asText()).isEqualTo("bfgs");
            assertThat(j.get("solved").asBoolean()).isTrue();
            assertThat(j.get("x").isArray()).isTrue();
        }
        assertThat(r.errLines()).containsExactly("minimization: 2 solves, 2 solved, 0 s"); // no bar when not on a terminal, one line per stage
    }

    @Test
    void benchTableAndReport(@TempDir Path dir) throws Exception {
        Run r = run("bench", "--problems", "rosenbrock,beale", "--methods", "newton,damped-newton,lazy-newton",
                "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("problem", "rosenbrock", "beale", "med iter", "Newton family on the");
        assertThat(Files.readAllLines(dir.resolve("minimization/results.csv"))).hasSize(7);
        assertThat(JSON.readTree(dir.resolve("minimization/results.json").toFile()).size()).isEqualTo(6);
        assertThat(r.err()).contains("wrote " + dir.resolve("index.html"));
    }

    @Test
    void helpEverywhere() {
        for (String cmd : List.of("list", "solve", "bench")) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).isEqualTo(0);
            assertThat(r.out()).contains("Usage: fixpoint " + cmd);
        }
    }
}
