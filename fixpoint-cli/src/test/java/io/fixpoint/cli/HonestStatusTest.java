package io.fixpoint.cli;

import static io.fixpoint.cli.CliTest.JSON;
import static io.fixpoint.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command says CONVERGED (and exits 0) only where its stated test holds: the cases that used to certify falsely. */
class HonestStatusTest {

    /** Exit 0 exactly when the status is CONVERGED. */
    static JsonNode statusAndExitAgree(CliTest.Run r) throws Exception {
        JsonNode j = JSON.readTree(r.out());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(j.get("status").asText().equals("CONVERGED") ? 0 : 1);
        return j;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rosenbrock          | newton | 1e4,1",
            "rosenbrock          | lbfgs  | 1000,1",
            "extended-rosenbrock | newton | 1e10,1,1e10,1,1e10,1,1e10,1,1e10,1"})
    void solveFromAFarStartConvergesOrSaysItDidNot(String problem, String method, String start) throws Exception {
        JsonNode j = statusAndExitAgree(run("solve", "--problem", problem, "--method", method, "--start", start, "--json"));
        if (j.get("status").asText().equals("CONVERGED")) {
            assertThat(j.get("optimality").asDouble()).as(j.toString()).isLessThanOrEqualTo(1e-5 * Math.max(1, j.get("value").asDouble()));
            assertThat(j.get("reachedKnownMinimum").asBoolean()).as(j.toString()).isTrue();
        }
    }

    /** The 40-point exponential decay with SciPy's answers beside it (see that folder's README). */
    static final String DECAY = "../fixpoint-core/src/test/resources/leastsquares/exponential-decay.csv";

    @ParameterizedTest
    @CsvSource({"lm, 300", "lm-geodesic, 300", "dogleg, 300", "gauss-newton, 300", "trf, 300", "lm, 1000", "lm-geodesic, 1000",
            "dogleg, 1000", "gauss-newton, 1000", "trf, 1000"})
    void fitFromAStartWhereTheTrustRegionCollapsesIsNotConverged(String method, String k) throws Exception {
        JsonNode j = statusAndExitAgree(run("fit", DECAY, "--model", "a*exp(-k*x)+c", "--params", "a=1,k=" + k + ",c=0",
                "--method", method, "--json"));
        if (j.get("status").asText().equals("CONVERGED")) {
            assertThat(j.get("certified").asBoolean()).isTrue();
            assertThat(j.get("optimality").asDouble()).as(j.toString()).isLessThan(1e-6);
        } else {
            assertThat(j.get("message").asText()).contains("not stationary");
        }
    }

    @org.junit.jupiter.api.Test
    void fitSaysWhichTestEndedItInTextAndJson() throws Exception {
        CliTest.Run text = run("fit", DECAY, "--model", "a*exp(-k*x)+c", "--params", "a=1,k=300,c=0");
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).contains("status: STALLED", "not stationary", "not a converged fit");
        JsonNode j = statusAndExitAgree(run("fit", DECAY, "--model", "a*exp(-k*x)+c", "--params", "a=5,k=1,c=0", "--json"));
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("criterion").asText()).isIn("ftol", "xtol", "ftol-machine", "xtol-machine", "gtol-machine");
        assertThat(j.get("certified").asBoolean()).isTrue();
        assertThat(j.get("details").get("gaussNewtonCorrection").asDouble()).isLessThan(1.5e-8);
    }

    static Path line(Path dir, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(2 * i + 0.1 * Math.sin(i)).append('\n');
        }
        return Files.writeString(dir.resolve("line" + rows + ".csv"), csv);
    }

    @org.junit.jupiter.api.Test
    void fitReportsParametersTheDataDoNotDetermine(@TempDir Path dir) throws Exception {
        Path data = line(dir, 8);
        CliTest.Run text = run("fit", data.toString(), "--model", "b1*b2*x", "--params", "b1=1,b2=1");
        assertThat(text.out()).contains("rank-deficient", "rank 1 of 2", "no standard error (—) for b1, b2").doesNotContain("NaN");
        JsonNode j = JSON.readTree(run("fit", data.toString(), "--model", "b1*b2*x", "--params", "b1=1,b2=1", "--json").out());
        assertThat(j.get("rankDeficient").asBoolean()).isTrue();
        assertThat(j.get("parameters").get(0).get("standardError").asText()).isEqualTo("not determined");
        assertThat(j.get("parameters").get(1).get("standardError").asText()).isEqualTo("not determined");

        JsonNode ignored = JSON.readTree(run("fit", data.toString(), "--model", "b1*0 + x", "--params", "b1=1", "--json").out());
        assertThat(ignored.get("parameters").get(0).get("standardError").asText()).as("SE(b1) used to be 0").isEqualTo("not determined");

        JsonNode full = JSON.readTree(run("fit", data.toString(), "--model", "a + b*x", "--params", "a=0,b=1", "--json").out());
        assertThat(full.get("rankDeficient").asBoolean()).isFalse();
        assertThat(full.get("parameters").get(1).get("standardError").isNumber()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void fitRefusesFewerObservationsThanParameters(@TempDir Path dir) throws Exception {
        CliTest.assertBadInput(run("fit", line(dir, 1).toString(), "--model", "a + b*x", "--params", "a=0,b=1"),
                "2 parameters but only 1 observation");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x + 1 - x/1e6           | picard",
            "x + 1 - x/1e6           | km",
            "x + 1 - x/1e6           | halpern",
            "x + 1 - 2*tanh(x/1e6)   | picard",
            "x + 1 - x^3/1e18        | anderson"})
    void aDistantFixedPointIsNotReportedMissing(String map, String method) throws Exception {
        JsonNode j = statusAndExitAgree(run("fixed-point", "--map", map, "--vars", "x", "--start", "0", "--method", method, "--json"));
        assertThat(j.get("status").asText()).as(j.toString()).isNotEqualTo("NO_FIXED_POINT");
    }

    @org.junit.jupiter.api.Test
    void noFixedPointSaysHowFarItHasLooked() throws Exception {
        CliTest.Run text = run("fixed-point", "--map", "x+1", "--vars", "x", "--start", "1", "--method", "picard");
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).startsWith("NO_FIXED_POINT").contains("no fixed point lies within 16", "displacement v ≈ [-1.0]");
        JsonNode j = JSON.readTree(run("fixed-point", "--map", "x+1", "--vars", "x", "--start", "1", "--method", "picard", "--json").out());
        assertThat(j.get("details").get("noFixedPointWithin").asDouble()).isEqualTo(16.0);
    }

    @ParameterizedTest
    @CsvSource({"exp(x), hybrid", "exp(x), newton", "1/x, hybrid", "1/x, broyden-good"})
    void anAsymptoteIsNotARoot(String f, String method) throws Exception {
        JsonNode j = statusAndExitAgree(run("root", "--equations", f, "--vars", "x", "--start", "1", "--method", method, "--json"));
        assertThat(j.get("status").asText()).as(j.toString()).isNotEqualTo("CONVERGED");
        CliTest.Run text = run("root", "--equations", f, "--vars", "x", "--start", "1", "--method", method);
        assertThat(text.out()).startsWith("STALLED").contains("no root is certified near x");
    }

    @ParameterizedTest
    @CsvSource({"newton", "damped-newton", "lazy-newton", "trust-newton-cg"})
    void newtonDoesNotCertifyBealesSaddle(String method) throws Exception {
        JsonNode j = statusAndExitAgree(run("solve", "--problem", "beale", "--method", method, "--start", "0,1", "--json"));
        assertThat(j.get("status").asText()).isEqualTo("STALLED");
        assertThat(j.get("message").asText()).contains("saddle point");
        assertThat(j.get("details").get("minHessianEigenvalue").asDouble()).isNegative();
    }
}
