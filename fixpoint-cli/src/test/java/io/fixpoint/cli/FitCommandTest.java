package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class FitCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Misra1a's data as CSV. */
    private Path misraCsv() throws IOException {
        return csv("misra.csv", """
                x,y
                77.6,10.07
                114.9,14.73
                141.1,17.94
                190.8,23.93
                239.9,29.61
                289.0,35.18
                332.8,40.02
                378.4,44.82
                434.8,50.76
                477.3,55.05
                536.8,61.01
                593.1,66.40
                689.1,75.47
                760.0,81.78
                """);
    }

    /** The shipped example matches SciPy 1.17.1's curve_fit on it: a, k, c = 4.97924598, 0.69990592, 0.50107737, RSS 0.1143116277. */
    @Test
    void fitsTheShippedDecayExampleAsScipyDoes() throws IOException {
        Path decay = ReadmeCommandsTest.ROOT.resolve("examples/fit/decay.csv");
        Run r = run("fit", decay.toString(), "--model", "a*exp(-k*t)+c", "--params", "a=1,k=1,c=0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        double[] expected = {4.97924598, 0.69990592, 0.50107737};
        for (int i = 0; i < 3; i++) {
            assertThat(j.get("parameters").get(i).get("estimate").asDouble()).isCloseTo(expected[i], within(1e-6));
        }
        assertThat(j.get("rss").asDouble()).isCloseTo(0.1143116277, within(1e-9));
    }

    @Test
    void fitsABuiltInNistDatasetWithLres() throws IOException {
        Run r = run("fit", "Misra1a", "--start", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("dataset").asText()).isEqualTo("Misra1a");
        assertThat(j.get("rssLre").asDouble()).isGreaterThan(9);
        for (JsonNode p : j.get("parameters")) {
            assertThat(p.get("lre").asDouble()).isGreaterThan(9);
            assertThat(p.get("standardErrorLre").asDouble()).isGreaterThan(6);
        }
    }

    @Test
    void fitsANistFileByPathWithEveryMethod() {
        Path file = Path.of("../fixpoint-bench/src/main/resources/nist-strd/DanWood.dat");
        for (String m : new String[] {"lm", "dogleg", "gauss-newton", "trf"}) {
            Run r = run("fit", file.toString(), "--method", m);
            assertThat(r.code()).as(m + r.err()).isZero();
            assertThat(r.out()).contains("DanWood (NIST StRD, start 1)").contains("LRE").contains("CONVERGED");
        }
    }

    @Test
    void fitsCsvDataWithAModel() throws IOException {
        Run r = run("fit", misraCsv().toString(), "--model", "b1*(1-exp(-b2*x))", "--params", "b1=500,b2=1e-4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("parameters").get(0).get("estimate").asDouble()).isCloseTo(2.3894212918E+02, within(1e-6));
        assertThat(j.get("parameters").get(1).get("standardError").asDouble())
                .isCloseTo(7.2668688436E-06, within(1e-12));
        assertThat(j.get("rss").asDouble()).isCloseTo(1.2455138894E-01, within(1e-10));
    }

    @Test
    void csvColumnsCanBeRenamed() throws IOException {
        Path p = csv("t.csv", "time,obs\n0,1\n1,2.1\n2,2.9\n3,4.2\n");
        Run r = run("fit", p.toString(), "--model", "a + b*t", "--params", "a=0,b=0", "--x", "time", "--y", "obs");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CONVERGED").contains("std. error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "syntax error        | b1*(1-exp(-b2*x)) )  | b1=500,b2=1e-4 | unexpected ')' at column 19",
        "unknown function    | b1*(1-exq(-b2*x))    | b1=500,b2=1e-4 | unknown function 'exq'",
        "unknown variable    | b1*(1-exp(-b2*z))    | b1=500,b2=1e-4 | unknown variable 'z'",
        "parameter not used  | b1*(1-exp(-b2*x))    | b1=500,b3=1e-4 | parameter 'b3' does not appear",
        "parameter = column  | b1*x                 | b1=1,x=1       | 'x' is both a parameter (--params) and a column of",
        "NaN at the start    | b1*log(b2*x)         | b1=500,b2=-1   | not finite at the start point",
        "bad params          | b1*x                 | b1:500         | name=value",
        "non-numeric start   | b1*x                 | b1=abc         | not a number",
    })
    void modelErrorsExitWithTwo(String what, String model, String params, String message) throws IOException {
        Run r = run("fit", misraCsv().toString(), "--model", model, "--params", params);
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(message).startsWith("error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing cell      | 'x,y\n1,2\n3,\n'       | row 3, column 'y': missing value",
        "non-numeric cell  | 'x,y\n1,2\n3,abc\n'    | row 3, column 'y': 'abc' is not a number",
        "empty file        | ''                     | is empty",
        "header only       | 'x,y\n'                | no data rows",
        "no such column    | 'u,y\n1,2\n'           | unknown variable 'x'",
        "too many fields   | 'x,y\n1,2,3\n'         | row 2 has 3 fields",
    })
    void csvErrorsExitWithTwo(String what, String text, String message) throws IOException {
        Path p = csv("bad.csv", text.replace("\\n", "\n"));
        Run r = run("fit", p.toString(), "--model", "b1*x", "--params", "b1=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void otherBadInputExitsWithTwo() throws IOException {
        assertThat(run("fit", "Misra1a", "--method", "newton").err()).contains("unknown least-squares method 'newton'");
        assertThat(run("fit", "Misra1a", "--start", "3").code()).isEqualTo(2);
        assertThat(run("fit", "no-such-file.csv").err()).contains("no such file");
        assertThat(run("fit").code()).isEqualTo(2);
        Path bad = csv("bad.dat", "NIST/ITL StRD\nnothing here\n");
        Run r = run("fit", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("malformed NIST file bad");
        assertThat(run("fit", misraCsv().toString()).err()).contains("--model");
    }

    @Test
    void boundsNeedTrfAndAreRespected() throws IOException {
        Run r = run("fit", "Misra1a", "--method", "trf", "--bounds", "b2=0:5e-4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("x").get(1).asDouble()).isLessThanOrEqualTo(5e-4).isGreaterThan(4.99e-4);
        Run lm = run("fit", "Misra1a", "--bounds", "b2=0:5e-4");
        assertThat(lm.code()).isEqualTo(2);
        assertThat(lm.err()).contains("does not handle bounds; use trf");
        assertThat(run("fit", "Misra1a", "--method", "trf", "--bounds", "b9=0:1").err()).contains("'b9' is not a parameter");
        assertThat(run("fit", "Misra1a", "--method", "trf", "--bounds", "b2=1:0").err()).contains("lower bound of 'b2' (1.0) must lie below its upper bound (0.0)");
        assertThat(run("fit", "Misra1a", "--method", "trf", "--bounds", "b2=1:2").err()).contains("outside the --bounds");
    }

    /** Every empty or inverted range is refused with the parameter's name; inf takes the sign it is written with. */
    @ParameterizedTest
    @CsvSource({"b2=inf:-inf, Infinity) must lie below its upper bound (-Infinity)", "b2=+inf:+inf, Infinity) must lie below its upper bound (Infinity)",
        "b2=-inf:-inf, -Infinity) must lie below its upper bound (-Infinity)", "b2=1e-3:-Infinity, 0.001) must lie below"})
    void emptyBoundsAreRefused(String bounds, String message) {
        Run r = run("fit", "Misra1a", "--method", "trf", "--bounds", bounds);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --bounds: the lower bound of 'b2' (").contains(message);
        assertThat(run("fit", "Misra1a", "--method", "trf", "--bounds", "b2=-inf:+inf").code()).as("unbounded").isZero();
    }

    @Test
    void filesThatAreNotDataSayWhatTheyAre() throws IOException {
        Run missing = run("fit", "NoSuch");
        assertThat(missing.err()).startsWith("error: no such file: NoSuch; nor is it a built-in NIST dataset (BoxBOD, ").contains("Misra1a");
        assertThat(run("fit", dir.toString()).err()).startsWith("error: " + dir + " is a directory");
        Path binary = dir.resolve("data.csv");
        Files.write(binary, new byte[] {'x', ',', 'y', '\n', 1, 0, 2});
        assertThat(run("fit", binary.toString(), "--model", "b1*x", "--params", "b1=1").err())
                .isEqualTo("error: " + binary + " is a binary file (it has a NUL byte at offset 5), not CSV text\n");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "x,y\n1,2\n3,4\ncaf\u00e9,5\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("fit", latin1.toString(), "--model", "b1*x", "--params", "b1=1").err())
                .startsWith("error: " + latin1 + " is not UTF-8 text: byte 0xE9 on line 4 (offset 15) is not valid UTF-8; save it as UTF-8");
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().onExit().join().exitValue() == 0, "needs mkfifo");
        assertThat(run("fit", fifo.toString(), "--model", "b1*x", "--params", "b1=1").err())
                .startsWith("error: " + fifo + " is not a regular file (a pipe or a device)");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        Path bom = csv("bom.csv", "\ufeff" + Files.readString(misraCsv()));
        Run r = run("fit", bom.toString(), "--model", "b1*(1-exp(-b2*x))", "--params", "b1=500,b2=1e-4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CONVERGED");
    }

    @Test
    void aMalformedObservationCountIsNamed() throws IOException {
        String misra = new String(getClass().getResourceAsStream("/nist-strd/Misra1a.dat").readAllBytes(), StandardCharsets.US_ASCII);
        Path big = csv("big.dat", misra.replaceFirst("(Number of Observations:\\s+)14", "$199999999999"));
        assertThat(run("fit", big.toString()).err()).contains("malformed NIST file big (line ").endsWith("the number of observations 99999999999 is too large\n");
    }

    @Test
    void optionsThatDoNotApplyAreRefused() throws IOException {
        assertThat(run("fit", "Misra1a", "--model", "b1*x").err())
                .isEqualTo("error: --model does not apply to a NIST dataset: it carries its own model, data columns and starts\n");
        assertThat(run("fit", "Misra1a", "--y", "y").err()).startsWith("error: --y does not apply to a NIST dataset");
        assertThat(run("fit", misraCsv().toString(), "--model", "b1*x", "--params", "b1=1", "--start", "2").err())
                .startsWith("error: --start does not apply to CSV data");
        assertThat(run("fit", "Misra1a", "--report", dir.toString()).err()).isEqualTo("error: --report does not apply without --nist-bench\n");
        assertThat(run("fit", "Misra1a", "--methods", "lm", "--no-peer").err()).isEqualTo("error: --methods, --no-peer do not apply without --nist-bench\n");
        assertThat(run("fit", "--nist-bench", "--no-peer", "--tol", "1e-3").err()).startsWith("error: --tol does not apply with --nist-bench");
    }

    @Test
    void helpIsThere() {
        Run r = run("fit", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--nist-bench").contains("--method").contains("--params");
    }
}
