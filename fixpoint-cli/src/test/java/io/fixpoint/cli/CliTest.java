package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    void solveAVariableDimensionProblemAtAChosenSize() throws Exception {
        Run r = run("solve", "--problem", "extended-rosenbrock", "--n", "20000", "--method", "lbfgs", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("dimension").asInt()).isEqualTo(20000);
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("x").size()).isEqualTo(20000);
        assertThat(j.get("x").get(19999).asDouble()).isCloseTo(1, within(1e-6));
        assertBadInput(run("solve", "--problem", "extended-powell", "--n", "10", "--method", "lbfgs"), "multiple of 4");
        assertBadInput(run("solve", "--problem", "beale", "--n", "10", "--method", "lbfgs"), "no dimension parameter");
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

    /** A stream that fails as a full disk or a closed pipe does. */
    static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    static Run runWithOut(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(out);
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), "", err.toString());
    }

    @Test
    void outputThatCannotBeWrittenIsAnErrorNotASilentLoss() {
        Run full = runWithOut(CheckedOutput.over(failing("No space left on device")), "list", "--json");
        assertBadInput(full, "cannot write the output: No space left on device");
        Run plain = runWithOut(new PrintWriter(failing("No space left on device")), "solve", "--problem", "beale", "--method", "bfgs");
        assertBadInput(plain, "cannot write the output");
        // a reader that stops early (a pipe into head) is not an error of ours
        Run pipe = runWithOut(CheckedOutput.over(failing("Broken pipe")), "list");
        assertThat(pipe.code()).isZero();
        assertThat(pipe.err()).isEmpty();
    }

    @Test
    void aTraceThatCannotBeWrittenIsAnError() {
        assertBadInput(run("solve", "--problem", "beale", "--method", "bfgs", "--trace", ""), "--trace needs a file name");
        assertBadInput(run("solve", "--problem", "beale", "--method", "bfgs", "--trace", "/proc/no/such/trace.csv"),
                "cannot write the trace to /proc/no/such/trace.csv");
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        assertBadInput(run("solve", "--problem", "beale", "--method", "bfgs", "--trace", "/dev/full"), "cannot write the trace to /dev/full");
    }

    /** A trace is written beside its file and moved into place: two runs writing one file leave one whole trace, never a mix. */
    @Test
    void aTraceReplacesItsFileWhole(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        String[] longer = {"solve", "--problem", "rosenbrock", "--method", "gradient-descent", "--max-iter", "3000", "--trace", trace.toString()};
        String[] shorter = {"solve", "--problem", "beale", "--method", "bfgs", "--trace", trace.toString()};
        for (int round = 0; round < 8; round++) {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            Thread other = new Thread(() -> {
                await(start);
                run(shorter);
            });
            other.start();
            await(start);
            run(longer);
            other.join();
            List<String> lines = Files.readAllLines(trace);
            assertThat(lines.get(0)).isEqualTo("iteration,value,optimality,step,evaluations,seconds");
            for (int k = 1; k < lines.size(); k++) {
                assertThat(lines.get(k)).as("round " + round).matches((k - 1) + "(,[^,]+){5}");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("trace.csv");
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReportDirectoryIsCheckedBeforeTheRun() {
        assertBadInput(run("bench", "--problems", "beale", "--methods", "bfgs", "--report", ""), "--report needs a directory name");
        assertBadInput(run("bench", "--problems", "beale", "--methods", "bfgs", "--report", "/proc/x"), "cannot write the report to /proc/x");
        assertBadInput(run("sequence", "--bench", "--report", "/proc/x"), "cannot write the report to /proc/x");
        assertBadInput(run("fit", "--nist-bench", "--report", "/proc/x"), "cannot write the report to /proc/x");
        assertBadInput(run("bench-fixed-point", "--no-scipy", "--report", "/proc/x"), "cannot write the report to /proc/x");
    }

    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Option(names = "--heap")
        boolean heap;

        @Override
        public Integer call() {
            throw heap ? new OutOfMemoryError("Java heap space") : new StackOverflowError();
        }
    }

    @Test
    void theJvmRunningOutOfStackOrHeapIsOneLineNotATrace() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Exhaust());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertBadInput(new Run(cl.execute("exhaust"), out.toString(), err.toString()), "nested too deeply or is too long", "the stack ran out");
        err.getBuffer().setLength(0);
        assertBadInput(new Run(cl.execute("exhaust", "--heap"), out.toString(), err.toString()), "out of memory", "FIXPOINT_JAVA_OPTS=-Xmx");
    }

    @Test
    void evaluationsAreWordsNotAJavaMap() {
        assertThat(run("solve", "--problem", "beale", "--method", "bfgs").out()).containsPattern("evaluations  value \\d+, gradient \\d+\n");
        assertThat(run("fixed-point", "--map", "cos(x)", "--vars", "x", "--start", "1").out()).containsPattern("evaluations map \\d+ \\(anderson\\)");
        assertThat(run("root", "--equations", "x^2-2", "--vars", "x", "--start", "1").out())
                .containsPattern("evaluations residual \\d+, jacobian \\d+ \\(hybrid\\)");
        assertThat(run("fit", "Misra1a").out()).containsPattern("evaluations residual \\d+, jacobian \\d+\n").doesNotContain("{");
    }

    /** Every solving command takes the iteration and time budgets, and they end its solve with the honest status. */
    @ParameterizedTest
    @ValueSource(strings = {"solve --problem rosenbrock --method gradient-descent", "fit Misra1a", "root --equations x^3-2;y-x --vars x,y --start 5,0",
        "fixed-point --map cos(x) --vars x --start 1 --method picard", "sequence --cell lorenz --length 500 --method jacobi"})
    void everySolvingCommandHonoursTheBudgets(String command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--json");
        List<String> byIterations = new java.util.ArrayList<>(args);
        byIterations.addAll(List.of("--max-iter", "1"));
        Run r = run(byIterations.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(j.get("iterations").asInt()).isEqualTo(1);
        List<String> byTime = new java.util.ArrayList<>(args);
        byTime.addAll(List.of("--time-limit", "1e-9"));
        r = run(byTime.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(j.get("message").asText()).contains("time limit");
    }

    /** A bench option that no chosen suite reads is refused before the run, with the suites it applies to. */
    @Test
    void benchOptionsThatNoChosenSuiteReadsAreRefused() {
        assertBadInput(run("bench", "--problems", "beale", "--methods", "bfgs", "--warmups", "2"),
                "--warmups does not apply to the minimization suite; it applies to the spark suite and to the minimization suite with --compare");
        assertBadInput(run("bench", "--problems", "beale", "--repeats", "2"),
                "--repeats does not apply to the minimization suite; it applies to the ", "fixed-point", "ranking", "bounded", "large", "constrained",
                "and to the minimization suite with --compare");
        // the suites an option applies to grow with the catalogue: check the refusal and that the list names them
        assertBadInput(run("bench", "--suites", "fixed-point,least-squares", "--full"),
                "--full does not apply to the fixed-point, least-squares suites; it applies to the ", "sequence", "lp", "ranking");
        assertBadInput(run("bench", "--suites", "sequence", "--time-limit", "3"),
                "--time-limit does not apply to the sequence suite; it applies to the ", "minimization", "ranking");
        assertBadInput(run("bench", "--suites", "sequence", "--problems", "rosenbrock"),
                "--problems does not apply to the sequence suite; it applies to the ", "minimization", "least-squares", "ranking");
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
        assertThat(j.get("methods").size()).isEqualTo(83);
        assertThat(j.get("methods").findValuesAsText("kind")).contains("minimization", "bounded", "constrained", "least-squares", "root",
                "fixed-point", "sequence", "lp", "transport", "mdp", "ranking", "training");
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
        assertThat(run("list").out()).contains("problems (", "rosenbrock", "methods (83", "lbfgs", "lbfgsb *", "sqp *", "nelder-mead", "anderson",
                "deer", "r2hpdhg *", "Misra1a", "sequence", "transport — entropic", "sinkhorn-log *", "mdp — optimal", "policy-iteration *",
                "ranking — estimate", "zermelo", "training — ", "adamw *",
                "schedule-free-adamw", "warmup-cosine");
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
        assertThat(run("--help").out()).contains("spark-fit          Fit a logistic (binary or multinomial)");
        Run sparkFit = run("spark-fit", "--data", "x.svm"); // the launcher runs spark-fit's own entry point; this jar only says so
        assertThat(sparkFit.code()).isEqualTo(2);
        assertThat(sparkFit.err()).startsWith("error: spark-fit runs with Spark on the class path: run it as ./fixpoint spark-fit").hasLineCount(1);
    }
}
