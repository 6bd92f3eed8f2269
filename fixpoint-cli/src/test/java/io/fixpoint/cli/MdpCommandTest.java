package io.fixpoint.cli;

import static io.fixpoint.cli.CliTest.JSON;
import static io.fixpoint.cli.CliTest.assertBadInput;
import static io.fixpoint.cli.CliTest.run;
import static io.fixpoint.cli.TransportCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fixpoint mdp} in-process, on the shipped example, the built-in processes and broken inputs. */
class MdpCommandTest {
    static final String MACHINE = "../examples/mdp/machine-replacement.csv";

    @Test
    void theShippedProcessWithDefaults() throws Exception {
        CliTest.Run r = run("mdp", "--file", MACHINE, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("values")).hasSize(4);
        assertThat(j.get("policy").toString()).isEqualTo("[0,0,1,1]");
        assertThat(j.get("bellmanResidual").asDouble()).isLessThanOrEqualTo(1e-8);
        assertThat(j.get("iterations").asInt()).isPositive();
        assertThat(j.get("discount").asDouble()).isEqualTo(0.99);
    }

    @Test
    void everyMethodAgreesOnTheGarnet() throws Exception {
        JsonNode reference = null;
        for (String method : new String[] {"value-iteration", "gauss-seidel", "anchored-vi", "anderson-vi", "policy-iteration",
                "modified-policy-iteration"}) {
            CliTest.Run r = run("mdp", "--garnet", "30,3,4", "--seed", "7", "--discount", "0.9", "--method", method, "--tol", "1e-10", "--json");
            assertThat(r.code()).as(method + r.err()).isZero();
            JsonNode j = JSON.readTree(r.out());
            if (reference == null) {
                reference = j;
            }
            assertThat(j.get("policy")).as(method).isEqualTo(reference.get("policy"));
            for (int s = 0; s < 30; s++) {
                assertThat(j.get("values").get(s).asDouble()).isCloseTo(reference.get("values").get(s).asDouble(), within(1e-8));
            }
        }
    }

    @Test
    void gridworldUnderBothCriteria() throws Exception {
        CliTest.Run discounted = run("mdp", "--gridworld", "4");
        assertThat(discounted.code()).as(discounted.err()).isZero();
        assertThat(discounted.out()).contains("16 states, discount 0.99", "state  value  action");
        CliTest.Run average = run("mdp", "--gridworld", "4", "--average-reward", "--json");
        JsonNode j = JSON.readTree(average.out());
        assertThat(j.get("criterion").asText()).isEqualTo("average-reward");
        assertThat(j.get("gain").asDouble()).isBetween(0.05, 1.0 / 7);
        assertThat(j.get("values").get(0).asDouble()).isZero();
    }

    @Test
    void aMethodThatCannotFinishSaysSoWithExitCodeOne() throws Exception {
        CliTest.Run r = run("mdp", "--gridworld", "5", "--method", "value-iteration", "--max-iter", "10", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(JSON.readTree(r.out()).get("status").asText()).isEqualTo("MAX_ITERATIONS");
    }

    @Test
    void theDriverOptionsAndTheCatalogueMethods() throws Exception {
        CliTest.Run loose = run("mdp", "--garnet", "30,3,4", "--method", "value-iteration", "--tol", "1e-3", "--json");
        assertThat(loose.code()).as(loose.err()).isZero();
        JsonNode j = JSON.readTree(loose.out());
        assertThat(j.get("bellmanResidual").asDouble()).isLessThanOrEqualTo(1e-3).isGreaterThan(1e-8);
        CliTest.Run timed = run("mdp", "--gridworld", "10", "--method", "value-iteration", "--tol", "0", "--time-limit", "1e-6", "--json");
        assertThat(timed.code()).isEqualTo(1);
        assertThat(JSON.readTree(timed.out()).get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertBadInput(run("mdp", "--gridworld", "3", "--max-iter", "0"), "--max-iter");
        assertThat(run("mdp", "--help").out()).contains("gauss-seidel", "anchored-vi", "anderson-vi", "modified-policy-iteration", "--rtol", "--time-limit");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path shortSum = write(dir, "short.csv", "s,a,next,p,r\n0,0,0,0.5,1\n0,0,1,0.4,0\n1,0,1,1,0\n");
        Path unknown = write(dir, "unknown.csv", "s,a,next,p,r\n0,0,0,0.5,1\n0,0,7,0.5,0\n");
        Path fraction = write(dir, "fraction.csv", "s,a,next,p,r\n0,0,0.5,1,1\n");
        Path words = write(dir, "words.csv", "s,a,next,p,r\n0,0,0,one,1\n");
        Path columns = write(dir, "columns.csv", "state,action,next,p,r\n0,0,0,1,1\n");
        assertBadInput(run("mdp", "--file", shortSum.toString()), "state 0, action 0", "sum to 0.9");
        assertBadInput(run("mdp", "--file", unknown.toString()), "next state 7 is unknown");
        assertBadInput(run("mdp", "--file", fraction.toString()), "column 'next'", "not an index");
        assertBadInput(run("mdp", "--file", words.toString()), "'one' is not a number");
        assertBadInput(run("mdp", "--file", columns.toString()), "no column 's'");
        assertBadInput(run("mdp", "--file", MACHINE, "--discount", "1"), "--discount", "--average-reward");
        assertBadInput(run("mdp", "--file", MACHINE, "--gridworld", "3"), "exactly one");
        assertBadInput(run("mdp", "--garnet", "10,2"), "S,A,B");
        assertBadInput(run("mdp", "--garnet", "10,2,11"), "branching");
        assertBadInput(run("mdp", "--gridworld", "3", "--average-reward", "--method", "anchored-vi"), "discount < 1");
        assertBadInput(run("mdp", "--gridworld", "3", "--method", "q-learning"), "unknown mdp method");
    }
}
