package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimizeCommandTest {
    private static final String ROSENBROCK = "(1-x)^2 + 100*(y-x^2)^2";

    static FixedPointCommandTest.Run run(String... args) {
        return FixedPointCommandTest.run(args);
    }

    @Test
    void rosenbrockConvergesWithExactDerivatives() throws Exception {
        FixedPointCommandTest.Run r = run("minimize", "--objective", ROSENBROCK, "--vars", "x,y", "--start", "-1.2,1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("x").get(0).asDouble()).isCloseTo(1, within(1e-8));
        assertThat(j.get("x").get(1).asDouble()).isCloseTo(1, within(1e-8));
        assertThat(j.get("value").asDouble()).isLessThan(1e-16);
        assertThat(j.get("optimality").asDouble()).isLessThanOrEqualTo(1e-8);
        assertThat(j.get("gradientNorm").asDouble()).isLessThanOrEqualTo(1e-8);
        assertThat(j.get("evaluations").has("gradient")).isTrue(); // the catalogue's default minimiser, lbfgs
        assertThat(j.has("iterations")).isTrue();
        assertThat(run("minimize", "--objective", ROSENBROCK, "--vars", "x,y", "--start", "-1.2,1").out()).contains("CONVERGED");
    }

    @Test
    void boundsGiveTheBoundedMinimiserWithAProjectedGradientCertificate() throws Exception {
        FixedPointCommandTest.Run r = run("minimize", "--objective", ROSENBROCK, "--vars", "x,y", "--start", "-1.2,1", "--bounds", "x=2:3",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("x").get(0).asDouble()).isEqualTo(2);
        assertThat(j.get("x").get(1).asDouble()).isCloseTo(4, within(1e-8));
        assertThat(j.get("value").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(j.get("certificate").asText()).contains("projected-gradient");
        assertThat(j.get("projectedGradientNorm").asDouble()).isLessThanOrEqualTo(1e-8);
        // the start (−1.2, 1) lies outside x ∈ [2, 3]: projected, and said
        assertThat(j.get("warnings").get(0).asText()).contains("outside the bounds");
        assertThat(j.get("message").asText()).contains("outside the bounds");
    }

    @Test
    void constraintsOnBothSidesGiveKktResidualsAndMultipliersInTheGivenOrder() throws Exception {
        // Hock–Schittkowski 71, written with expressions on both sides of each relation
        FixedPointCommandTest.Run r = run("minimize", "--objective", "x1*x4*(x1 + x2 + x3) + x3", "--vars", "x1,x2,x3,x4", "--start", "1,5,5,1",
                "--bounds", "x1=1:5,x2=1:5,x3=1:5,x4=1:5", "--constraint", "x1*x2*x3*x4 >= 25", "--constraint",
                "x1^2 + x2^2 = 40 - x3^2 - x4^2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("value").asDouble()).isCloseTo(17.0140173, within(1e-6));
        JsonNode kkt = j.get("kkt");
        for (String k : new String[] {"stationarity", "feasibility", "complementarity"}) {
            assertThat(kkt.get(k).asDouble()).as(k).isLessThanOrEqualTo(1e-8);
        }
        // the inequality came first on the command line: its multiplier first
        assertThat(j.get("multipliers").get(0).asDouble()).isCloseTo(0.5522937, within(1e-5));
        assertThat(j.get("multipliers").get(1).asDouble()).isCloseTo(0.1614686, within(1e-5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqp",
        "augmented-lagrangian",
    })
    void anInfeasibleConstraintSetIsReportedNeverConverged(String method) throws Exception {
        FixedPointCommandTest.Run r = run("minimize", "--objective", "x + y", "--vars", "x,y", "--start", "3,1", "--constraint",
                "x^2 + y^2 <= -1", "--method", method, "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isEqualTo("LOCALLY_INFEASIBLE");
        assertThat(r.json().get("kkt").get("feasibility").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bounds§x=3:2                  | must lie below its upper bound (2.0)",
        "--bounds§x=inf:-inf             | must lie below its upper bound (-Infinity)",
        "--bounds§z=0:1                  | 'z' is not a variable",
        "--constraint§x + q <= 1         | unknown variable 'q'",
        "--constraint§x + y              | no relation",
        "--start§1                       | --start has 1 value",
        "--method§newton-raphson         | unknown method 'newton-raphson'",
        "--method§bfgs§--bounds§x=0:1    | does not handle --bounds",
        "--method§lbfgsb§--constraint§x<=1 | does not handle --constraint",
        "--tol§-1                        | --tol must be",
        "--time-limit§-1                 | --time-limit must be",
    })
    void badInputIsOneLineAndExitTwo(String extra, String message) {
        String[] base = {"minimize", "--objective", ROSENBROCK, "--vars", "x,y"};
        String[] more = extra.strip().split("§");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more)).toArray(String[]::new);
        FixedPointCommandTest.Run r = run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(message);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void unknownVariablesInTheObjectiveAreBadInput() {
        FixedPointCommandTest.Run r = run("minimize", "--objective", "x + w", "--vars", "x,y");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown variable 'w'");
    }

    @Test
    void derivativeFreeMethodsReportTheirOwnCertificateAndTheTrueGradient() throws Exception {
        FixedPointCommandTest.Run r = run("minimize", "--objective", ROSENBROCK, "--vars", "x,y", "--start", "-1.2,1", "--method",
                "nelder-mead", "--tol", "1e-6", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("certificate").asText()).contains("interpolated gradient");
        assertThat(j.get("gradientNorm").asDouble()).isLessThan(1e-4);
        assertThat(j.get("evaluations").size()).isEqualTo(1);
    }

    @Test
    void timeAndIterationLimitsEndHonestly() throws Exception {
        FixedPointCommandTest.Run r = run("minimize", "--objective", ROSENBROCK, "--vars", "x,y", "--start", "-1.2,1", "--method",
                "gradient-descent", "--max-iter", "5", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isEqualTo("MAX_ITERATIONS");
    }
}
