package io.fixpoint.cli;

import static io.fixpoint.cli.CliTest.JSON;
import static io.fixpoint.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
