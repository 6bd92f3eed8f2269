package io.fixpoint.bench.bounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.suite.BoundedProblems;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bounded suite's definitions, its frozen minima, and the bench on a few of its problems. */
class BoundedSuiteTest {

    @Test
    void theHalfwayBoxesHoldTheStartAndCutOffTheMinimiser() {
        for (Mgh.Entry e : Mgh.problems()) {
            double[] x0 = e.function().start();
            Bounds b = BoundedProblems.halfwayBox(x0, e.minimizer());
            assertThat(b.contains(x0)).as(e.name()).isTrue();
            boolean differs = false;
            for (int i = 0; i < x0.length; i += 2) {
                differs |= x0[i] != e.minimizer()[i];
            }
            assertThat(b.contains(e.minimizer())).as(e.name()).isEqualTo(!differs);
        }
    }

    @Test
    void thePublishedMinimaHold() {
        Map<String, double[]> minimizers = Map.of("hs1", new double[] {1, 1}, "hs2", new double[] {-1.2210262421071017, 1.5},
                "hs25", new double[] {50, 25, 1.5}, "hs38", new double[] {1, 1, 1, 1});
        for (BoundedTestProblem p : BoundedProblems.published()) {
            double[] x = minimizers.get(p.name());
            double[] g = new double[x.length];
            double f = p.problem().objective().valueAndGradient(x, g);
            assertThat(f).as(p.name()).isCloseTo(p.knownMinimum(), within(1e-14 * Math.max(1, p.knownMinimum())));
            assertThat(p.problem().bounds().projectedGradientNorm(x, g)).as(p.name()).isLessThan(1e-7);
        }
    }

    /** Every frozen minimum: f there is the frozen value, the point lies in the box, and it is a KKT point. */
    @Test
    void theFrozenMinimaAreKktPointsOfTheirBoxes() throws IOException {
        Map<String, String[]> frozen;
        try (InputStream in = getClass().getResourceAsStream("/bounded/references.tsv")) {
            frozen = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("\t")).collect(Collectors.toMap(f -> f[0], f -> f));
        }
        List<BoundedTestProblem> boxes = BoundedProblems.problems().subList(BoundedProblems.published().size(), BoundedProblems.problems().size());
        assertThat(boxes).hasSize(35);
        for (BoundedTestProblem p : boxes) {
            String[] row = frozen.get(p.name());
            double[] x = Arrays.stream(row[3].split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] g = new double[x.length];
            double f = p.problem().objective().valueAndGradient(x, g);
            assertThat(p.problem().bounds().contains(x)).as(p.name()).isTrue();
            assertThat(f).as(p.name()).isCloseTo(p.knownMinimum(), within(1e-13 * Math.max(1, Math.abs(f))));
            double[] g0 = new double[x.length];
            p.problem().objective().gradient(p.start(), g0);
            double scale = 1 + p.problem().bounds().projectedGradientNorm(p.start(), g0);
            assertThat(p.problem().bounds().projectedGradientNorm(x, g)).as(p.name()).isLessThanOrEqualTo(1e-6 * scale);
        }
    }

    @Test
    void theBenchJudgesEveryToolAtTheReturnedPoint() throws IOException {
        List<BoundedTestProblem> some = BoundedProblems.problems().stream()
                .filter(p -> List.of("hs2", "hs38", "rosenbrock-box", "freudenstein-roth-box").contains(p.name())).toList();
        BoundedBench.Report r = BoundedBench.run(Catalog.builtIn(), some, List.of("lbfgsb", "tron"), false,
                CompareSettings.DEFAULT.withWarmups(0).withRepeats(1), line -> { });
        assertThat(r.records()).hasSize(8);
        // from the standard start all of them reach the local minimum 79.95 of Freudenstein–Roth's box, not the frozen 7.37
        assertThat(r.records()).filteredOn(row -> row.problem().equals("freudenstein-roth-box")).allSatisfy(row -> {
            assertThat(row.solved()).isFalse();
            assertThat(row.value()).isCloseTo(79.9478101790288, within(1e-9));
        });
        assertThat(r.records()).filteredOn(row -> !row.problem().equals("freudenstein-roth-box")).allSatisfy(row -> {
            assertThat(row.solved()).as(row.toString()).isTrue();
            assertThat(row.optimality()).isLessThan(1e-6);
        });
        assertThat(r.solvedCounts()).containsEntry("fixpoint lbfgsb", 3).containsEntry("fixpoint tron", 3);
        assertThat(r.text()).contains("Solved of 4: fixpoint lbfgsb 3; fixpoint tron 3;");
        assertThat(BoundedSuite.html(r, CompareSettings.DEFAULT)).startsWith("<h2 id=\"bounded\">").contains("fixpoint lbfgsb 3 of 4");
    }
}
