package io.fixpoint.bench.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small transport bench (no POT): its rows, text, JSON and plot. */
class TransportBenchTest {

    @Test
    void aSmallRunReportsTheRatioInEveryForm(@TempDir Path dir) throws Exception {
        TransportBench bench = new TransportBench(60, new double[] {0.05, 0.005}, List.of("sinkhorn", "sns"), 0, new double[0], 2,
                Duration.ofMinutes(1));
        TransportBench.Result r = bench.run(new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.rows()).hasSize(4).allMatch(row -> row.status().equals("CONVERGED"));
        TransportBench.Row sinkhorn = r.rows().get(2);
        TransportBench.Row sns = r.rows().get(3);
        assertThat(sns.method()).isEqualTo("sns");
        assertThat(sns.iterations()).isLessThan(sinkhorn.iterations() / 5);
        assertThat(sns.newtonIterations()).isPositive();
        assertThat(Math.abs(sns.cost() - sinkhorn.cost())).isLessThan(1e-8);
        assertThat(r.potNote()).isEqualTo("POT not run");

        String text = TransportBench.text(r);
        assertThat(text).contains(TransportBench.CLAIM, "iter ratio", "sns", "0.005");
        JsonNode json = new ObjectMapper().readTree(TransportBench.json(r));
        assertThat(json.get("rows")).hasSize(4);
        assertThat(json.get("rows").get(3).get("iterations").asInt()).isEqualTo(sns.iterations());
        String svg = TransportBench.svg(r);
        assertThat(svg).startsWith("<svg").contains("<polyline", "sinkhorn", "<style>");
        TransportBench.writeReport(r, dir);
        assertThat(Files.readString(dir.resolve("transport-bench.txt"))).isEqualTo(text);
        assertThat(dir.resolve("transport-iterations.svg")).exists();
    }
}
