package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import io.fixpoint.solve.Solution;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFilesTest {
    @TempDir
    Path dir;

    @Test
    void resultsAsCsvAndJson() throws Exception {
        List<SolveRecord> rs = Fakes.bench().run(List.of(Fakes.bowl(), Fakes.flatBowl()), List.of("gd", "newton"), (d, t, r) -> { });
        List<Path> files = BenchFiles.writeResults(dir.resolve("report"), rs);
        List<String> csv = Files.readAllLines(files.get(0));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).isEqualTo(BenchFiles.RECORD_HEADER + ",gradient_evaluations,hessian_evaluations,value_evaluations,message");
        assertThat(csv.get(1)).startsWith("minimization,bowl,2,fixpoint,gd,fake,CONVERGED,true,true,");
        assertThat(csv.get(4)).startsWith("minimization,flat-bowl,3,fixpoint,newton,Newton and Newton–CG,n/a,false,false,0,NaN,");
        assertThat(csv.get(1).split(",", -1)).hasSize(csv.get(0).split(",").length + countCommas(rs.get(0).message()));
        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertThat(json.size()).isEqualTo(4);
        assertThat(json.get(0).get("problem").asText()).isEqualTo("bowl");
        assertThat(json.get(0).get("evaluations").get("gradient").asLong()).isEqualTo(rs.get(0).iterations() + 1);
        assertThat(json.get(3).get("value").asText()).isEqualTo("NaN");
    }

    @Test
    void traceAsCsv() throws Exception {
        Solution r = Fakes.catalog().minimizer("gd").solve(Fakes.bowl().objective(), Fakes.bowl().start());
        Path file = dir.resolve("sub/trace.csv");
        BenchFiles.writeTrace(r.trace(), file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("iteration,value,optimality,step,evaluations,seconds");
        assertThat(lines).hasSize(r.iterations() + 2);
        assertThat(lines.get(1)).startsWith("0,").contains(",NaN,2,"); // no step before the first; one f and one g
        String[] last = lines.get(lines.size() - 1).split(",");
        assertThat(Integer.parseInt(last[0])).isEqualTo(r.iterations());
        assertThat(Double.parseDouble(last[2])).isEqualTo(r.optimality()).isLessThan(1e-8);
    }

    private static int countCommas(String s) {
        return (int) s.chars().filter(c -> c == ',').count();
    }
}
