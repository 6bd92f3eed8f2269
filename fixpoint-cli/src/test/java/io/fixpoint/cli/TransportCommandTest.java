package io.fixpoint.cli;

import static io.fixpoint.cli.CliTest.JSON;
import static io.fixpoint.cli.CliTest.assertBadInput;
import static io.fixpoint.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fixpoint transport} in-process, on the shipped examples and on broken inputs. */
class TransportCommandTest {
    static final String EXAMPLES = "../examples/transport/";

    @Test
    void pointCloudsWithDefaults() throws Exception {
        CliTest.Run r = run("transport", "--source", EXAMPLES + "source.csv", "--target", EXAMPLES + "target.csv", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("marginalError").asDouble()).isLessThanOrEqualTo(1e-9);
        assertThat(j.get("iterations").asInt()).isPositive();
        assertThat(j.get("cost").asDouble()).isBetween(0.1, 0.3);
        assertThat(j.get("method").asText()).isEqualTo("sinkhorn-log");
        assertThat(j.get("sourceMarginalError").asDouble() + j.get("targetMarginalError").asDouble())
                .isCloseTo(j.get("marginalError").asDouble(), within(1e-15));
    }

    @Test
    void everyMethodGivesTheSameCostOnTheHistograms() throws Exception {
        double reference = Double.NaN;
        for (String method : List.of("sinkhorn", "sinkhorn-log", "sinkhorn-eps-scaling", "greenkhorn", "sinkhorn-anderson", "sns")) {
            CliTest.Run r = run("transport", "--cost", EXAMPLES + "cost.csv", "--a", EXAMPLES + "a.csv", "--b", EXAMPLES + "b.csv",
                    "--reg", "0.01", "--method", method, "--tol", "1e-12", "--json");
            assertThat(r.code()).as(method + ": " + r.err() + r.out()).isZero();
            double cost = JSON.readTree(r.out()).get("cost").asDouble();
            if (Double.isNaN(reference)) {
                reference = cost;
            }
            assertThat(cost).as(method).isCloseTo(reference, within(1e-10));
        }
    }

    @Test
    void thePlanFileHasTheMarginals(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.csv");
        CliTest.Run r = run("transport", "--source", EXAMPLES + "source.csv", "--target", EXAMPLES + "target.csv", "--reg", "0.05",
                "--plan", plan.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("transport cost <P, M> = ", "marginal error", "plan written to");
        List<String> lines = Files.readAllLines(plan);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0).split(",")).hasSize(50);
        double[] columnSums = new double[50];
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int k = 0; k < 50; k++) {
                columnSums[k] += Double.parseDouble(cells[k]);
            }
        }
        for (double c : columnSums) {
            assertThat(c).isCloseTo(1.0 / 50, within(1e-9));
        }
    }

    @Test
    void scalingAtTinyRegularisationIsAnHonestFailure() throws Exception {
        CliTest.Run r = run("transport", "--source", EXAMPLES + "source.csv", "--target", EXAMPLES + "target.csv", "--reg", "1e-4",
                "--method", "sinkhorn", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("NON_FINITE");
        assertThat(j.get("message").asText()).contains("sinkhorn-log");
        assertThat(j.get("cost").isNumber()).isTrue();
    }

    @Test
    void theDriverOptionsAndTheCatalogueMethods() throws Exception {
        String[] clouds = {"transport", "--source", EXAMPLES + "source.csv", "--target", EXAMPLES + "target.csv"};
        CliTest.Run loose = run(concat(clouds, "--tol", "1e-3", "--json"));
        CliTest.Run tight = run(concat(clouds, "--json"));
        assertThat(JSON.readTree(loose.out()).get("marginalError").asDouble()).isLessThanOrEqualTo(1e-3).isGreaterThan(1e-9);
        assertThat(JSON.readTree(loose.out()).get("iterations").asInt()).isLessThan(JSON.readTree(tight.out()).get("iterations").asInt());
        CliTest.Run capped = run(concat(clouds, "--max-iter", "3", "--json"));
        assertThat(capped.code()).isEqualTo(1);
        assertThat(JSON.readTree(capped.out()).get("status").asText()).isEqualTo("MAX_ITERATIONS");
        CliTest.Run timed = run(concat(clouds, "--tol", "0", "--time-limit", "1e-6", "--json"));
        assertThat(timed.code()).isEqualTo(1);
        assertThat(JSON.readTree(timed.out()).get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertBadInput(run(concat(clouds, "--tol", "-1")), "--tol");
        assertThat(run("transport", "--help").out()).contains("sinkhorn-eps-scaling", "greenkhorn", "sinkhorn-anderson", "sns", "--tol", "--rtol", "--max-iter", "--time-limit");
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path a = write(dir, "a.csv", "a\n0.5\n0.5\n");
        Path heavy = write(dir, "b.csv", "b\n0.5\n0.6\n");
        Path cost = write(dir, "m.csv", "t0,t1\n0,1\n1,0\n");
        Path nanCost = write(dir, "nan.csv", "t0,t1\n0,NaN\n1,0\n");
        Path words = write(dir, "words.csv", "t0,t1\n0,one\n1,0\n");
        Path noHeader = write(dir, "bare.csv", "0,1\n1,0\n");
        Path negative = write(dir, "neg.csv", "x,w\n0,1.5\n1,-0.5\n");
        Path points = write(dir, "pts.csv", "x\n0\n1\n");
        assertBadInput(run("transport", "--cost", cost.toString(), "--a", a.toString(), "--b", heavy.toString()), "mass");
        assertBadInput(run("transport", "--cost", nanCost.toString(), "--a", a.toString(), "--b", a.toString()), "nan.csv", "finite");
        assertBadInput(run("transport", "--cost", words.toString(), "--a", a.toString(), "--b", a.toString()), "'one' is not a number");
        assertBadInput(run("transport", "--cost", noHeader.toString(), "--a", a.toString(), "--b", a.toString()), "header");
        assertBadInput(run("transport", "--source", negative.toString(), "--target", points.toString()), "negative");
        assertBadInput(run("transport", "--source", points.toString()), "--target");
        assertBadInput(run("transport", "--source", points.toString(), "--target", points.toString(), "--cost", cost.toString()), "either");
        assertBadInput(run("transport", "--source", points.toString(), "--target", points.toString(), "--method", "simplex"), "unknown transport method");
        assertBadInput(run("transport", "--source", points.toString(), "--target", points.toString(), "--reg", "0"), "regularization");
        assertBadInput(run("transport", "--source", dir.resolve("missing.csv").toString(), "--target", points.toString()), "cannot read");
        assertBadInput(run("transport", "--source", points.toString(), "--target", points.toString(), "--plan", dir.resolve("no/such/dir.csv").toString()),
                "cannot write the plan");
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
