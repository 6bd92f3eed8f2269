package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.ProblemKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonPrintsOneObjectPerEpochAndAFinalOne() throws Exception {
        Run r = run("train", "--data", "iris", "--model", "mlp:8", "--optimizer", "adam", "--lr", "0.01", "--epochs", "3", "--batch", "16",
                "--seed", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper m = new ObjectMapper();
        for (int e = 0; e < 3; e++) {
            JsonNode j = m.readTree(lines.get(e));
            assertThat(j.get("epoch").asInt()).isEqualTo(e + 1);
            for (String f : List.of("trainLoss", "heldOutLoss", "heldOutAccuracy", "seconds")) {
                assertThat(j.get(f).isNumber()).as(f).isTrue();
            }
        }
        JsonNode last = m.readTree(lines.get(3));
        assertThat(last.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(last.get("steps").asInt()).isEqualTo(24); // 3 epochs of ⌈120/16⌉
        assertThat(last.get("heldOutAccuracy").asDouble()).isGreaterThan(0.6);
        assertThat(last.get("passesOverData").asDouble()).isGreaterThan(3);
        // the progress line goes to stderr, one line per epoch when not on a terminal
        assertThat(r.err().lines().filter(l -> l.contains("epoch")).count()).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        String[] args = {"train", "--data", "wine", "--model", "softmax", "--epochs", "2", "--json"};
        String a = run(args).out().replaceAll("\"seconds\":[0-9.eE-]+", "");
        String b = run(args).out().replaceAll("\"seconds\":[0-9.eE-]+", "");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void listNamesEveryOptimiserScheduleAndModel() {
        Run r = run("train", "--list");
        assertThat(r.code()).isZero();
        for (String n : Catalog.builtIn().names(ProblemKind.TRAINING)) {
            assertThat(r.out()).contains(n);
        }
        assertThat(r.out()).contains("warmup-cosine", "refined", "char-gru:H", "mf:RANK", "breast-cancer", "abstracts");
        Run all = run("list");
        assertThat(all.out()).contains("schedule-free-adamw", "warmup-stable".isEmpty() ? "" : "wsd", "mlp:H1,H2,...");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,y\n1,2,0\n3,x,1\n");
        String[][] cases = {
            {"--data", "iris", "--optimizer", "adamax"},
            {"--data", "iris", "--model", "cnn"},
            {"--data", "iris", "--schedule", "step"},
            {"--data", "iris", "--lr", "0"},
            {"--data", "iris", "--lr", "NaN"},
            {"--data", "iris", "--lr", "-1"},
            {"--data", "iris", "--batch", "1000"},
            {"--data", csv.toString(), "--label", "z"},
            {"--data", csv.toString()},
            {"--data", bad.toString(), "--label", "y"},
            {"--data", "nowhere"},
            {"--data", "abstracts", "--model", "softmax"},
            {"--data", "iris", "--model", "mlp:"},
            {"--data", "iris", "--max-iter", "0"},
            {"--data", "iris", "--time-limit", "0"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "train";
            System.arraycopy(c, 0, args, 1, c.length);
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", c) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("error: ").doesNotContain("Exception");
        }
        assertThat(run("train", "--data", csv.toString(), "--label", "z").err()).contains("no column 'z'").contains("a, b, y");
        assertThat(run("train", "--data", bad.toString(), "--label", "y").err()).contains("'x' is not a number");
    }

    @Test
    void theBudgetOptionsMeanUpdatesAndWallTime() throws Exception {
        Run steps = run("train", "--data", "iris", "--model", "softmax", "--method", "sgd", "--max-iter", "7", "--json");
        assertThat(steps.code()).as(steps.err()).isZero();
        List<String> lines = steps.out().lines().toList();
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.get("steps").asInt()).isEqualTo(7);
        assertThat(last.get("optimizer").asText()).isEqualTo("sgd");
        Run timed = run("train", "--data", "iris", "--model", "softmax", "--epochs", "100000", "--time-limit", "0.2");
        assertThat(timed.code()).as(timed.err()).isZero();
        assertThat(timed.out()).startsWith("BUDGET_EXHAUSTED");
        assertThat(run("train", "--data", "iris", "--optimizer", "adamax").err()).contains("unknown training method 'adamax'").contains("soap");
        Run tol = run("train", "--data", "iris", "--tol", "1e-6"); // a minibatch gradient is no certificate: train has no tolerance
        assertThat(tol.code()).isEqualTo(2);
        assertThat(tol.err()).contains("Unknown option").contains("--tol");
    }

    @Test
    void aCsvWithALabelColumnTrains() throws Exception {
        StringBuilder s = new StringBuilder("x1,x2,class\n");
        for (int i = 0; i < 40; i++) {
            s.append(i % 2 == 0 ? -1 - 0.01 * i : 1 + 0.01 * i).append(',').append(0.1 * i).append(',').append(i % 2).append('\n');
        }
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, s);
        Run r = run("train", "--data", csv.toString(), "--label", "class", "--model", "logistic", "--optimizer", "sgd", "--lr", "0.5", "--epochs",
                "5", "--batch", "8", "--report", dir.resolve("rep").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy 1");
        assertThat(dir.resolve("rep/epochs.csv")).exists();
        assertThat(dir.resolve("rep/loss-curves.html")).content().contains("<svg");
        assertThat(dir.resolve("rep/parameters.json")).content().contains("layer1.weight");
    }

    @Test
    void aLossThatTurnsNonFiniteSavesTheLastFiniteParameters() throws Exception {
        Path saved = dir.resolve("last.json");
        Run r = run("train", "--data", "digits", "--model", "mlp:8", "--optimizer", "sgd", "--lr", "1e200", "--epochs", "1", "--save",
                saved.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("NON_FINITE");
        JsonNode p = new ObjectMapper().readTree(saved.toFile());
        assertThat(p.get("status").asText()).isEqualTo("NON_FINITE");
        for (JsonNode t : p.get("tensors")) {
            for (JsonNode v : t.get("values")) {
                assertThat(v.isNumber()).as("finite values only").isTrue();
            }
        }
    }

    @Test
    void refinedScheduleRunsAPilotFirst() {
        Run r = run("train", "--data", "iris", "--model", "softmax", "--schedule", "refined", "--epochs", "4", "--lr", "0.1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("pilot run").contains("refined run");
    }
}
