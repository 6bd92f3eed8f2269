package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark-fit's in-process path (the Spark path is {@link SparkFitTest}'s): JSON fields and exit codes. */
class SparkFitCommandTest {
    @TempDir
    Path dir;

    private Path svm() throws IOException {
        StringBuilder svm = new StringBuilder();
        for (LabeledRow r : Synthetic.logistic(200, 4, 9)) {
            StringJoiner line = new StringJoiner(" ");
            line.add(Integer.toString((int) r.label()));
            for (int j = 0; j < 4; j++) {
                line.add((j + 1) + ":" + r.values()[j]);
            }
            svm.append(line).append('\n');
        }
        return Files.writeString(dir.resolve("d.svm"), svm);
    }

    @Test
    void inProcessFitPrintsOneJsonObject() throws IOException {
        Path f = svm();
        String[] out = new String[1];
        int code = capture(out, "--data", f.toString(), "--l2", "1e-3", "--method", "trust-newton-cg", "--json");
        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(out[0]);
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("passes").asLong()).isEqualTo(j.get("evaluations").get("examples").asLong() / 200 + 1);
        assertThat(j.get("coefficients").size()).isEqualTo(4);
        for (String key : new String[] {"objective", "iterations", "seconds", "intercept", "gradientNorm"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
    }

    /** The dense Hessian: the same model as the products, one pass per trial point, and refused where no Newton method can use it. */
    @Test
    void theDenseHessianSavesPasses() throws IOException {
        Path f = svm();
        String[] out = new String[1];
        assertThat(capture(out, "--data", f.toString(), "--l2", "1e-3", "--method", "trust-newton-cg", "--json")).isZero();
        JsonNode products = new ObjectMapper().readTree(out[0]);
        assertThat(capture(out, "--data", f.toString(), "--l2", "1e-3", "--method", "trust-newton-cg", "--hessian", "dense", "--json")).isZero();
        JsonNode dense = new ObjectMapper().readTree(out[0]);
        assertThat(dense.get("hessian").asText()).isEqualTo("dense");
        assertThat(dense.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(dense.get("objective").asDouble()).isCloseTo(products.get("objective").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dense.get("passes").asLong()).isEqualTo(dense.get("evaluations").get("hessian").asLong() + 1)
                .isLessThan(products.get("passes").asLong());
        assertThat(capture(out, "--data", f.toString(), "--method", "trust-newton-cg", "--hessian", "dense")).isZero();
        assertThat(out[0]).contains("dense Hessians");
        assertThat(capture(out, "--data", f.toString(), "--hessian", "full")).isEqualTo(2);
        assertThat(capture(out, "--data", f.toString(), "--l1", "0.1", "--hessian", "dense")).isEqualTo(2);
        Path m = Files.writeString(dir.resolve("three.svm"), "0 1:1\n1 1:2\n2 1:3\n0 1:1.5\n1 1:2.5\n2 1:0.5\n");
        assertThat(capture(out, "--data", m.toString(), "--loss", "multinomial", "--method", "trust-newton-cg", "--hessian", "dense")).isEqualTo(2);
    }

    @Test
    void multinomialFitPrintsAModelPerClass() throws IOException {
        StringBuilder svm = new StringBuilder();
        for (LabeledRow r : Synthetic.multinomial(300, 3, 3, 4)) {
            svm.append((int) r.label()).append(" 1:").append(r.values()[0]).append(" 2:").append(r.values()[1]).append(" 3:")
                    .append(r.values()[2]).append('\n');
        }
        Path f = Files.writeString(dir.resolve("m.svm"), svm);
        String[] out = new String[1];
        assertThat(capture(out, "--data", f.toString(), "--loss", "multinomial", "--l2", "1e-3", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out[0]);
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("classes").asInt()).isEqualTo(3);
        assertThat(j.get("intercepts").size()).isEqualTo(3);
        assertThat(j.get("coefficients").size()).isEqualTo(3);
        assertThat(j.get("coefficients").get(0).size()).isEqualTo(3);
        assertThat(j.has("intercept")).isFalse();
        Path one = Files.writeString(dir.resolve("one.svm"), "0 1:1\n0 1:2\n");
        assertThat(capture(out, "--data", one.toString(), "--loss", "multinomial")).isEqualTo(2);
        Path half = Files.writeString(dir.resolve("half.svm"), "0 1:1\n1.5 1:2\n");
        assertThat(capture(out, "--data", half.toString(), "--loss", "multinomial")).isEqualTo(2);
    }

    @Test
    void anL1PenaltyFitsWithOwlqnAndReportsItsZeros() throws IOException {
        Path f = svm();
        String[] out = new String[1];
        assertThat(capture(out, "--data", f.toString(), "--l2", "0.05", "--l1", "0.3", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out[0]);
        assertThat(j.get("method").asText()).isEqualTo("owlqn");
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("l1").asDouble()).isEqualTo(0.3);
        assertThat(j.get("l1Penalty").asDouble()).isPositive();
        long zeros = 0;
        for (JsonNode b : j.get("coefficients")) {
            zeros += b.asDouble() == 0 ? 1 : 0;
        }
        assertThat(j.get("zeroCoefficients").asLong()).isEqualTo(zeros).isPositive();
        assertThat(capture(out, "--data", f.toString(), "--l1", "0.05", "--method", "lbfgs")).isEqualTo(2);
    }

    @Test
    void badInputExitsWithTwo() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.svm"), "1 1:1\n3 1:2\n");
        String[] out = new String[1];
        assertThat(capture(out, "--data", f.toString())).isEqualTo(2);
        assertThat(capture(out, "--data", f.toString(), "--loss", "hinge")).isEqualTo(2);
        assertThat(capture(out, "--data", f.toString(), "--compare-mllib")).isEqualTo(2);
        Path good = Files.writeString(dir.resolve("good.svm"), "0 1:1\n1 1:2\n0 1:3\n1 1:1.5\n");
        assertThat(capture(out, "--data", good.toString(), "--master", "bogus://x")).isEqualTo(2);
        assertThat(capture(out, "--data", dir.resolve("missing.svm").toString())).isEqualTo(2);
        assertThat(capture(out, "--data", dir.toString())).isEqualTo(2);
        Path same = Files.writeString(dir.resolve("same.svm"), "0 1:1\n0 1:2\n");
        assertThat(capture(out, "--data", same.toString())).isEqualTo(2);
    }

    private static int capture(String[] out, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return SparkFitCommand.run(args);
        } finally {
            System.setOut(old);
            out[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }
}
