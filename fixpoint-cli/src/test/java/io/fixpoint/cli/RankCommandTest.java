package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankCommandTest {
    @TempDir
    Path dir;

    private static FitCommandTest.Run run(String... args) {
        return FitCommandTest.run(args);
    }

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("games.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void ranksTheShippedBaseballSeriesWithHomeAdvantage() {
        FitCommandTest.Run r = run("rank", "baseball", "--home-advantage", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("gradientNorm").asDouble()).isLessThanOrEqualTo(1e-10);
        assertThat(j.get("items")).hasSize(7);
        assertThat(j.get("items").get(0).get("name").asText()).isEqualTo("Milwaukee");
        double sum = 0;
        for (JsonNode item : j.get("items")) {
            sum += item.get("score").asDouble();
            assertThat(item.get("standardError").asDouble()).isPositive();
        }
        assertThat(sum).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        // Agresti (2002), §10.6: home advantage 0.302.
        assertThat(j.get("homeAdvantage").get("estimate").asDouble()).isBetween(0.30, 0.31);
    }

    @Test
    void readsOneRowPerGameWithTiesAndAHomeColumnAndPrintsTheRanking() throws IOException {
        Path p = csv("""
                "visitor","home","result","at_home"
                A,B,1,TRUE
                B,C,0.5,FALSE
                C,A,0,TRUE
                B,A,1,TRUE
                C,B,1,FALSE
                A,C,0,TRUE
                """);
        FitCommandTest.Run r = run("rank", p.toString(), "--item1", "visitor", "--item2", "home", "--result", "result",
                "--home", "at_home", "--home-side", "item2", "--home-advantage", "--ties", "davidson", "--method", "newman-anderson");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Bradley–Terry maximum likelihood of 3 items from 6 comparisons, Davidson ties, home advantage")
                .contains("CONVERGED").contains(" rank  item").contains("home advantage h =").contains("Davidson's tie parameter ν =");
    }

    @Test
    void anItemThatNeverLostIsNamedAndTheMapEstimateIsThereOnRequest() throws IOException {
        Path p = csv("a,b,wa,wb\nA,B,3,0\nB,C,1,1\nA,C,2,0\n");
        FitCommandTest.Run r = run("rank", p.toString(), "--item1", "a", "--item2", "b", "--wins1", "wa", "--wins2", "wb");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: the maximum-likelihood estimate does not exist: 'A' never lost (strength → ∞); "
                + "--map gives the MAP estimate");
        FitCommandTest.Run map = run("rank", p.toString(), "--item1", "a", "--item2", "b", "--wins1", "wa", "--wins2", "wb", "--map", "--json");
        assertThat(map.code()).as(map.err()).isZero();
        JsonNode j = json(map.out());
        assertThat(j.get("estimate").asText()).isEqualTo("MAP");
        assertThat(j.get("items").get(0).get("name").asText()).isEqualTo("A");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wins                 | error: no column 'wins' in
            a,b,wa,wb\\nA,B,-1,2\\n           | --wins1 wa                   | error: FILE: row 2: the wins of 'A' in 'A' vs 'B' must be a finite count ≥ 0, got -1.0
            a,b,wa,wb\\nA,B,x,2\\n            | --wins1 wa                   | error: FILE: row 2, column 'wa': 'x' is not a finite number
            a,b,wa,wb\\nA,A,1,2\\n            | --wins1 wa                   | error: FILE: row 2: item 'A' is compared with itself
            a,b,wa,wb\\n                      | --wins1 wa                   | error: FILE has a header but no data rows
            ''                                | --wins1 wa                   | error: FILE is empty
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --method elo      | error: unknown ranking method 'elo'
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --ties some       | error: --ties must be half or davidson
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --home-advantage  | error: --home-advantage needs to know who played at home
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --tol 0           | error: --tol must be > 0 for a ranking
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --max-iter 0      | error: --max-iter must be ≥ 1, got 0
            a,b,wa,wb\\nA,B,1,2\\n            | --wins1 wa --time-limit -1   | error: --time-limit must be a positive number of seconds
            """)
    void badInputIsOneLineAndExitCodeTwo(String content, String extra, String message) throws IOException {
        Path p = csv(content.replace("\\n", "\n").replace("''", ""));
        String[] base = {"rank", p.toString(), "--item1", "a", "--item2", "b", "--wins2", "wb"};
        String[] more = extra.strip().split(" ");
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        FitCommandTest.Run r = run(args);
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith(message.strip().replace("FILE", p.toString()));
    }

    @Test
    void columnsAreRequiredForFiles() throws IOException {
        Path p = csv("a,b,r\nA,B,1\n");
        assertThat(run("rank", p.toString()).err()).startsWith("error: name the item columns: --item1 COL --item2 COL");
        assertThat(run("rank", p.toString(), "--item1", "a", "--item2", "b").err()).startsWith("error: give --wins1 COL --wins2 COL");
        assertThat(run("rank", "nowhere.csv").err()).startsWith("error: no such file: nowhere.csv (shipped data sets: baseball, icehockey)");
        assertThat(run("rank", "baseball", "--item1", "x").err()).contains("is a shipped data set read with its own columns");
    }

    @Test
    void aSolveThatRunsOutOfIterationsExitsOneWithoutStandardErrors() {
        FitCommandTest.Run r = run("rank", "icehockey", "--method", "zermelo", "--max-iter", "3", "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = json(r.out());
        assertThat(j.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(j.get("items").get(0).get("standardError").isNull()).isTrue();
    }

    /** The driver options merge over the catalogue's defaults: a looser --tol is the target the certificate is held to. */
    @Test
    void theDriverOptionsSetTheTargetOfTheCertificate() {
        JsonNode loose = json(run("rank", "baseball", "--method", "zermelo", "--tol", "1e-4", "--json").out());
        assertThat(loose.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(loose.get("tolerance").asDouble()).isEqualTo(1e-4);
        assertThat(loose.get("gradientNorm").asDouble()).isLessThanOrEqualTo(1e-4).isGreaterThan(1e-10);
        JsonNode tight = json(run("rank", "baseball", "--method", "zermelo", "--json").out());
        assertThat(tight.get("tolerance").asDouble()).isEqualTo(1e-10);
        assertThat(tight.get("iterations").asInt()).isGreaterThan(loose.get("iterations").asInt());
        JsonNode relative = json(run("rank", "baseball", "--method", "zermelo", "--rtol", "1e-6", "--json").out());
        assertThat(relative.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(relative.get("gradientNorm").asDouble()).isLessThanOrEqualTo(relative.get("tolerance").asDouble());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
