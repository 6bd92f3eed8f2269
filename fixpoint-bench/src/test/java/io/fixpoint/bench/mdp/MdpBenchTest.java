package io.fixpoint.bench.mdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short decision-process bench: the curves, the method table, text, JSON and plot. */
class MdpBenchTest {

    @Test
    void aShortRunShowsAnchoringOnThePeriodicChain(@TempDir Path dir) throws Exception {
        MdpBench.Result r = new MdpBench(300, 4).run(new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.curves()).hasSize(12);
        MdpBench.Curve vi = find(r, "7-cycle", 1 - 1e-4, "value-iteration");
        MdpBench.Curve anc = find(r, "7-cycle", 1 - 1e-4, "anchored-vi");
        assertThat(vi.errors()).hasSize(301);
        assertThat(anc.errors()[300]).isLessThan(vi.errors()[300] / 100);
        for (int k = 1; k <= 300; k++) {
            assertThat(anc.errors()[k]).isLessThanOrEqualTo(MdpBench.anchoredBound(anc.gamma(), k, anc.distance()) * (1 + 1e-9));
        }
        assertThat(r.methods()).isNotEmpty().allMatch(m -> m.status().equals("CONVERGED") || m.method().equals("anderson-vi"));

        String text = MdpBench.text(r);
        assertThat(text).contains(MdpBench.CLAIM, "paper's bound", "k=100", "policy-iteration");
        JsonNode json = new ObjectMapper().readTree(MdpBench.json(r));
        assertThat(json.get("curves")).hasSize(12);
        assertThat(json.get("curves").get(0).get("bellmanError").has("100")).isTrue();
        assertThat(MdpBench.svg(r)).startsWith("<svg").contains("Anc-VI γ = 0.9999", "<polyline");
        MdpBench.writeReport(r, dir);
        assertThat(dir.resolve("mdp-bellman.svg")).exists();
    }

    private static MdpBench.Curve find(MdpBench.Result r, String problem, double gamma, String method) {
        return r.curves().stream().filter(c -> c.problem().equals(problem) && c.gamma() == gamma && c.method().equals(method))
                .findFirst().orElseThrow();
    }
}
