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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointCommandTest {
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void andersonFindsTheDottieNumberWithFewerMapEvaluationsThanPicard() throws Exception {
        Run anderson = run("fixed-point", "--map", "cos(x)", "--vars", "x", "--start", "1", "--method", "anderson", "--json");
        Run picard = run("fixed-point", "--map", "cos(x)", "--vars", "x", "--start", "1", "--method", "picard", "--json");
        assertThat(anderson.code()).isZero();
        JsonNode a = anderson.json();
        assertThat(a.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(a.get("x").get(0).asDouble()).isCloseTo(0.7390851332151607, within(1e-12));
        assertThat(a.get("residual").asDouble()).isLessThanOrEqualTo(1e-12);
        long andersonMaps = a.get("evaluations").get("map").asLong();
        long picardMaps = picard.json().get("evaluations").get("map").asLong();
        assertThat(andersonMaps).isLessThan(picardMaps);
        assertThat(a.has("iterations")).isTrue();
        assertThat(a.has("message")).isTrue();
    }

    @Test
    void aVariableNamedEShadowsEulersNumber() throws Exception {
        Run r = run("fixed-point", "--map", "e/2", "--vars", "e", "--start", "1", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("x").get(0).asDouble()).isCloseTo(0, within(1e-12));
    }

    @Test
    void hostileExpressionSizesGiveAnAnswerNotATrace() throws Exception {
        String nested = "(".repeat(5000) + "x/2" + ")".repeat(5000);
        assertThat(run("fixed-point", "--map", nested, "--vars", "x", "--start", "1", "--json").code()).isZero();
        String calls = "cos(".repeat(2000) + "x" + ")".repeat(2000);
        assertThat(run("fixed-point", "--map", calls, "--vars", "x", "--start", "1", "--json").code()).isZero();
        String sum = "x/2" + " + 0*x".repeat(5000);
        Run flat = run("fixed-point", "--map", sum, "--vars", "x", "--start", "1", "--json");
        assertThat(flat.code()).isZero();
        assertThat(flat.json().get("x").get(0).asDouble()).isCloseTo(0, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"picard", "km", "halpern", "anderson"})
    void xPlusOneHasNoFixedPoint(String method) throws Exception {
        Run r = run("fixed-point", "--map", "x+1", "--vars", "x", "--start", "1", "--method", method, "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("NO_FIXED_POINT");
        assertThat(j.get("displacement").get(0).asDouble()).isCloseTo(-1, within(1e-3));
    }

    @Test
    void aTranslatedAveragedRotationHasNoFixedPointAndItsDisplacementIsFound() throws Exception {
        Run r = run("fixed-point", "--map", "0.5*(x-y)+1; 0.5*(x+y)+2; z+0.5", "--vars", "x,y,z", "--start", "3,-1,0",
                "--method", "picard", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode v = r.json().get("displacement");
        assertThat(v.get(0).asDouble()).isCloseTo(0, within(1e-3));
        assertThat(v.get(1).asDouble()).isCloseTo(0, within(1e-3));
        assertThat(v.get(2).asDouble()).isCloseTo(-0.5, within(1e-3));
    }

    /** min(1, 1/d) without a min function: (1 + 1/d − |1 − 1/d|)/2. */
    static String shrink(String d) {
        return "((1 + 1/(" + d + ") - abs(1 - 1/(" + d + ")))/2)";
    }

    /**
     * Douglas–Rachford T(x) = x + P_A(2P_B(x) − x) − P_B(x) for the unit discs A about (0,0) and B about
     * (3,1), written out in the expression language: no fixed point, v = (3,1)(1 − 2/√10).
     */
    static String disjointDiscsMap() {
        String sb = shrink("sqrt((x-3)^2 + (y-1)^2)");
        String pbx = "(3 + (x-3)*" + sb + ")";
        String pby = "(1 + (y-1)*" + sb + ")";
        String rx = "(2*" + pbx + " - x)";
        String ry = "(2*" + pby + " - y)";
        String sa = shrink("sqrt(" + rx + "^2 + " + ry + "^2)");
        return "x + " + rx + "*" + sa + " - " + pbx + "; y + " + ry + "*" + sa + " - " + pby;
    }

    @ParameterizedTest
    @CsvSource({"picard", "halpern"})
    void douglasRachfordBetweenDisjointDiscsHasNoFixedPoint(String method) throws Exception {
        Run r = run("fixed-point", "--map", disjointDiscsMap(), "--vars", "x,y", "--start", "0.5,-2", "--method", method, "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("NO_FIXED_POINT");
        double s = 1 - 2 / Math.sqrt(10);
        assertThat(j.get("displacement").get(0).asDouble()).isCloseTo(3 * s, within(1e-3));
        assertThat(j.get("displacement").get(1).asDouble()).isCloseTo(s, within(1e-3));
    }

    @Test
    void newtonKrylovSolvesATwoDimensionalMapWithExactDerivatives() throws Exception {
        Run r = run("fixed-point", "--map", "0.5*cos(y); 0.5*sin(x)", "--vars", "x,y", "--start", "0,0", "--method", "newton-krylov",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode x = r.json().get("x");
        assertThat(x.get(0).asDouble()).isCloseTo(0.5 * Math.cos(x.get(1).asDouble()), within(1e-11));
        assertThat(x.get(1).asDouble()).isCloseTo(0.5 * Math.sin(x.get(0).asDouble()), within(1e-11));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x+1; y         | x     | 1     | 2 expressions",
        "x+z            | x     | 1     | unknown variable 'z'",
        "x+1            | x     | 1,2   | --start has 2 values",
        "log(x)         | x     | -1    | NaN at the start point",
        "1/x            | x     | 0     | at the start point",
        "x+             | x     | 1     | column",
        "x              | x,x   | 1,1   | repeats",
        "x              | x     | abc   | not a number",
        "x              | x     | NaN   | not finite"})
    void badInputExitsWithTwoAndOneLine(String map, String vars, String start, String fragment) {
        Run r = run("fixed-point", "--map", map, "--vars", vars, "--start", start);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(fragment);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMapThatTurnsNonFiniteMidRunEndsHonestly() throws Exception {
        // log(0.5) < 0, and log of that is NaN: the last finite iterate is returned with NON_FINITE.
        Run r = run("fixed-point", "--map", "log(x)", "--vars", "x", "--start", "0.5", "--method", "picard", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isEqualTo("NON_FINITE");
        assertThat(r.json().get("x").get(0).asDouble()).isEqualTo(0.5);
    }

    @Test
    void anExpansiveMapDivergesUnderPicardButAndersonFindsItsFixedPoint() throws Exception {
        Run picard = run("fixed-point", "--map", "2*x+1", "--vars", "x", "--start", "0", "--method", "picard", "--json");
        assertThat(picard.code()).isEqualTo(1);
        assertThat(picard.json().get("status").asText()).isEqualTo("DIVERGED");
        Run anderson = run("fixed-point", "--map", "2*x+1", "--vars", "x", "--start", "0", "--json");
        assertThat(anderson.code()).isZero();
        assertThat(anderson.json().get("x").get(0).asDouble()).isCloseTo(-1, within(1e-12));
    }

    @Test
    void unknownMethodIsBadInput() {
        Run r = run("fixed-point", "--map", "cos(x)", "--vars", "x", "--start", "1", "--method", "magic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown fixed-point method 'magic'").contains("anderson");
    }

    @Test
    void rootSolvesTheRosenbrockSystemByDefaultWithHybrid() throws Exception {
        Run r = run("root", "--equations", "10*(y-x^2); 1-x", "--vars", "x,y", "--start", "-1.2,1", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("hybrid");
        assertThat(j.get("x").get(0).asDouble()).isCloseTo(1, within(1e-10));
        assertThat(j.get("x").get(1).asDouble()).isCloseTo(1, within(1e-10));
        assertThat(j.get("evaluations").get("jacobian").asLong()).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"newton", "broyden-good", "broyden-bad"})
    void everyRootMethodSolvesACircleAndLine(String method) throws Exception {
        Run r = run("root", "--equations", "x^2+y^2-4; x-y", "--vars", "x,y", "--start", "1,0.5", "--method", method, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("x").get(0).asDouble()).isCloseTo(Math.sqrt(2), within(1e-10));
    }

    @Test
    void aSystemWithoutARootIsNotConverged() throws Exception {
        Run r = run("root", "--equations", "x^2+1", "--vars", "x", "--start", "2", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isNotEqualTo("CONVERGED");
    }

    @Test
    void rootBadInputExitsWithTwo() {
        assertThat(run("root", "--equations", "x-1", "--vars", "x,y", "--start", "1,1").code()).isEqualTo(2);
        assertThat(run("root", "--equations", "x-1; y", "--vars", "x,y", "--start", "1").code()).isEqualTo(2);
        assertThat(run("root", "--equations", "sqrt(x)", "--vars", "x", "--start", "-1").code()).isEqualTo(2);
        assertThat(run("root", "--equations", "x-1", "--vars", "x", "--start", "1", "--method", "nope").code()).isEqualTo(2);
    }

    @Test
    void theBenchIsListedInHelp() {
        Run r = run("--help");
        assertThat(r.out()).contains("fixed-point").contains("root").contains("bench-fixed-point");
        assertThat(run("bench-fixed-point", "--help").code()).isZero();
    }

    @Test
    void benchFixedPointReportWritesOneRowPerSolve(@TempDir Path dir) throws Exception {
        Run r = run("bench-fixed-point", "--repeats", "1", "--no-scipy", "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("fixed-point/results.csv"));
        assertThat(csv.get(0)).startsWith("suite,problem,dimension,tool,method,family,status,claimed_success,solved,iterations,");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("fixed-point/results.json").toFile());
        assertThat(json.size()).isEqualTo(csv.size() - 1).isPositive();
        assertThat(json).anyMatch(j -> j.get("section").asText().equals("map") && j.get("method").asText().equals("anderson"));
        assertThat(json).anyMatch(j -> j.get("section").asText().equals("root"));
        assertThat(json).noneMatch(j -> j.get("tool").asText().equals("scipy"));
        assertThat(dir.resolve("fixed-point/detection.json")).exists();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<h2 id=\"fixed-point\">", "SciPy: skipped");
    }
}
