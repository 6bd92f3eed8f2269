package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LpCommandTest {
    /** AFIRO from Netlib: 27 rows, 32 columns, optimum −464.7531428571 (published). */
    static final String AFIRO = "/io/fixpoint/bench/lp/netlib/afiro.mps.gz";

    static final String INFEASIBLE = """
            NAME          INFEAS
            ROWS
             N  OBJ
             G  LOW
             L  HIGH
            COLUMNS
                X         OBJ       1.0        LOW       1.0
                X         HIGH      1.0
                Y         LOW       1.0        HIGH      1.0
            RHS
                RHS       LOW       3.0        HIGH      1.0
            ENDATA
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path afiro() throws IOException {
        Path p = dir.resolve("afiro.mps.gz");
        if (Files.exists(p)) {
            return p;
        }
        try (var in = getClass().getResourceAsStream(AFIRO)) {
            Files.copy(in, p);
        }
        return p;
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
                o.write(text.getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            Files.writeString(p, text);
        }
        return p;
    }

    @Test
    void solvesAfiroToOptimalityAndPrintsTheJsonFields() throws Exception {
        Path sol = dir.resolve("afiro.sol");
        Run r = run("lp", afiro().toString(), "--json", "--solution", sol.toString());
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("objective").asDouble()).isCloseTo(-464.7531428571, within(1e-6 * 464.75));
        for (String field : new String[] {"primalResidual", "dualResidual", "gap"}) {
            assertThat(j.get(field).asDouble()).as(field).isLessThanOrEqualTo(1e-8);
        }
        assertThat(j.get("iterations").asInt()).isPositive();
        assertThat(j.get("matrixVectorProducts").asLong()).isPositive();
        assertThat(j.get("seconds").asDouble()).isPositive();
        assertThat(Files.readAllLines(sol)).hasSize(1 + 32 + 27).anyMatch(l -> l.startsWith("x X01 "));
    }

    @Test
    void textOutputNamesTheStatusAndTheThreeKktFigures() throws Exception {
        Run r = run("lp", afiro().toString(), "--method", "pdhg", "--tol", "1e-6");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("OPTIMAL: ").contains("primal residual").contains("dual residual").contains("gap")
                .contains("matrix-vector products");
    }

    @Test
    void infeasibleProgramExitsOneWithItsCertificate() throws Exception {
        Run r = run("lp", write("infeasible.mps.gz", INFEASIBLE).toString(), "--json", "--no-presolve");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isEqualTo("PRIMAL_INFEASIBLE");
        assertThat(r.json().has("rayRadius")).isTrue();
    }

    @Test
    void budgetStatusesExitOne() throws Exception {
        Run r = run("lp", afiro().toString(), "--max-iter", "10", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("status").asText()).isEqualTo("MAX_ITERATIONS");
    }

    @Test
    void theDriverOptionsMergeOverTheMethodsDefaults() throws Exception {
        Run loose = run("lp", afiro().toString(), "--tol", "1e-3", "--json");
        assertThat(loose.code()).isZero();
        assertThat(loose.json().get("tolerance").asDouble()).isEqualTo(1e-3);
        assertThat(loose.json().get("iterations").asInt()).isLessThan(run("lp", afiro().toString(), "--json").json().get("iterations").asInt());
        Run timed = run("lp", afiro().toString(), "--time-limit", "1e-9", "--json");
        assertThat(timed.code()).isEqualTo(1);
        assertThat(timed.json().get("status").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(run("lp", "--help").out()).contains("r2hpdhg, halpern-pdhg, pdhg").contains("--rtol").contains("--max-iter");
    }

    @Test
    void malformedFilesAndOptionsAreOneLineAndExitTwo() throws Exception {
        String good = INFEASIBLE;
        String[][] cases = {
            {"truncated.mps", good.replace("ENDATA\n", ""), "truncated.mps:11: the file ends without ENDATA (truncated?)"},
            {"section.mps", good.replace("RHS\n", "RHSIDE\n"), "section.mps:10: unknown section 'RHSIDE'"},
            {"number.mps", good.replace("3.0", "three"), "number.mps:11: 'three' is not a number"},
            {"duplicate.mps", good.replace(" L  HIGH", " L  LOW"), "duplicate.mps:5: duplicate row name 'LOW'"},
            {"norhs.mps", good.replace("RHS\n    RHS       LOW       3.0        HIGH      1.0\n", ""), "norhs.mps:10: missing RHS section"},
        };
        for (String[] c : cases) {
            Run r = run("lp", write(c[0], c[1]).toString());
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err().strip()).as(c[0]).isEqualTo("error: " + c[2]).doesNotContain("\n");
        }
        assertThat(run("lp", dir.resolve("missing.mps").toString()).err()).startsWith("error: cannot read");
        assertThat(run("lp", afiro().toString(), "--method", "simplex").err()).contains("unknown lp method 'simplex'");
        assertThat(run("lp", afiro().toString(), "--tol", "0").code()).isEqualTo(2);
    }
}
