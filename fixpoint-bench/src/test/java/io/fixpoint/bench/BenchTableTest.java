package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    final MinimizationBench bench = Fakes.bench();

    static String print(List<SolveRecord> rs) {
        StringWriter s = new StringWriter();
        BenchTable.print(rs, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void rowsAndPerMethodSummary() {
        List<SolveRecord> rs = bench.run(List.of(Fakes.bowl(), Fakes.flatBowl()), List.of("gd", "newton", "broken"), (d, t, r) -> { });
        String out = print(rs);
        String[] lines = out.split("\n");
        assertThat(lines[0]).contains("problem", "method", "solved", "stationary", "status", "iter", "|g|", "time", "rate");
        assertThat(lines).filteredOn(l -> l.startsWith("bowl ")).hasSize(3);
        assertThat(lines).filteredOn(l -> l.startsWith("flat-bowl")).anySatisfy(l -> assertThat(l).contains("newton", "no", "n/a"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("gd +2/2 +100\\.0 +2/2 +0 .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("newton +1/2 +50\\.0 +1/2 +1 .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("broken +0/2 +0\\.0 +0/2 +0 +- +- .*"));
        assertThat(out).doesNotContain("Newton family"); // only one of the family was run
    }

    @Test
    void newtonFamilyComparesOnCommonlySolvedProblems() {
        List<SolveRecord> rs = bench.run(List.of(Fakes.bowl(), Fakes.flatBowl()), List.of("newton", "damped-newton", "lazy-newton"), (d, t, r) -> { });
        String out = print(rs);
        assertThat(out).contains("Newton family on the 1 problems that newton, damped-newton, lazy-newton all solve");
        SolveRecord newton = rs.get(0);
        SolveRecord lazy = rs.get(2);
        assertThat(lazy.iterations()).isGreaterThan(newton.iterations());
        String ratio = String.format(java.util.Locale.ROOT, "%.2f", (double) lazy.iterations() / newton.iterations());
        assertThat(out.lines().filter(l -> l.startsWith("lazy-newton ")).reduce((a, b) -> b).orElseThrow())
                .contains("1/2", String.valueOf(lazy.iterations()), ratio);
        assertThat(out.lines().filter(l -> l.startsWith("newton ")).reduce((a, b) -> b).orElseThrow()).contains("1.00");
    }

    @Test
    void shortFormats() {
        assertThat(BenchTable.seconds(0.000_85)).isEqualTo("850 µs");
        assertThat(BenchTable.seconds(0.0123)).isEqualTo("12.3 ms");
        assertThat(BenchTable.seconds(1.254)).isEqualTo("1.25 s");
        assertThat(BenchTable.rate("superlinear", 1.981)).isEqualTo("q=1.98");
        assertThat(BenchTable.rate("linear", 0.5234)).isEqualTo("ρ=0.523");
        assertThat(BenchTable.rate("unknown", Double.NaN)).isEqualTo("-");
        assertThat(BenchTable.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
        assertThat(BenchTable.median(new double[0])).isNaN();
    }
}
