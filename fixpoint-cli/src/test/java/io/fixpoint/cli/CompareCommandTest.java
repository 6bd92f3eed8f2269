package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --compare} and the HTML report, in-process on one or two problems. */
class CompareCommandTest {

    @Test
    void anUnknownPeerIsBadInput() {
        CliTest.assertBadInput(CliTest.run("bench", "--compare", "matlab", "--problems", "rosenbrock"), "unknown peer 'matlab'", "scipy");
    }

    @Test
    void nonPositiveRepeatsAreBadInput() {
        CliTest.assertBadInput(CliTest.run("bench", "--compare", "hipparchus", "--repeats", "0"), "--repeats");
    }

    @Test
    void comparisonWithHipparchusWritesTheReport(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("bench", "--compare", "hipparchus", "--problems", "rosenbrock,beale", "--methods", "lbfgs,cg-pr",
                "--repeats", "1", "--warmups", "0", "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fixpoint lbfgs", "hipparchus nlcg-pr", "L-BFGS: Fixpoint lbfgs solved 2 of 2 problems; no SciPy figures");
        assertThat(r.err()).contains("wrote " + dir.resolve("index.html"));
        assertThat(Files.readString(dir.resolve("index.html"))).contains("hipparchus nlcg-fr", "Performance profile");
        assertThat(Files.readAllLines(dir.resolve("minimization/results.csv"))).hasSize(1 + 2 * 2 + 2 * 4);
    }

    @Test
    void jsonLinesOnePerSolve() throws Exception {
        CliTest.Run r = CliTest.run("bench", "--compare", "hipparchus", "--problems", "beale", "--methods", "bfgs", "--repeats", "1",
                "--warmups", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 4);
        assertThat(CliTest.JSON.readTree(lines.get(0)).get("method").asText()).isEqualTo("bfgs");
        assertThat(CliTest.JSON.readTree(lines.get(0)).get("solved").asBoolean()).isTrue();
    }

    @Test
    void aPlainBenchReportAlsoGetsTheHtmlPage(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("bench", "--problems", "rosenbrock", "--methods", "lbfgs", "--report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("fixpoint lbfgs", "One timed solve per problem × method",
                "Stop at ‖∇f‖ ≤ min(1e-10·‖∇f‖(x₀), 1e-05·max(1, |f|)) or 20000 iterations: lbfgs.").doesNotContain("10000 iterations", "SciPy:");
        assertThat(dir.resolve("minimization/results.csv")).exists();
    }
}
