package io.fixpoint.bench.large;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.ScalableProblem;
import io.fixpoint.bench.suite.Suites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The large-scale suite at small n: the plumbing, the judge, the SciPy definitions' agreement, the report. */
class LargeScaleBenchTest {

    static LargeScaleBench.Settings small(List<String> problems, List<String> scipy) {
        return LargeScaleBench.Settings.standard().withDimensions(List.of(1000)).withProblems(problems)
                .withMethods(List.of("lbfgs", "lbfgsb", "trust-newton-cg"), scipy).withRepeats(1).withTimeLimit(Duration.ofSeconds(60))
                .withoutWarmUp();
    }

    @Test
    void fixpointAloneSolvesAndReportsItsOwnTime() throws Exception {
        List<String> progress = new ArrayList<>();
        LargeScaleReport r = LargeScaleBench.run(small(List.of("extended-rosenbrock", "convex-quadratic"), List.of()), progress::add);
        assertThat(r.rows()).hasSize(6).allSatisfy(row -> {
            assertThat(row.solved()).as(row.toString()).isTrue();
            assertThat(row.gradientNorm()).isLessThanOrEqualTo(row.target() * (1 + 1e-8));
            assertThat(row.objectiveCpuSeconds()).isLessThanOrEqualTo(row.cpuSeconds());
        });
        assertThat(r.notes()).contains("SciPy skipped: SciPy not requested");
        assertThat(r.passes()).hasSize(1);
        assertThat(r.traffic()).hasSize(2).allSatisfy(t -> assertThat(t.ratio()).isPositive());
        assertThat(r.text()).contains("extended-rosenbrock", "vector pass", "8k + 5t + 7", "no warm-up", "load average");
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertThat(j.get("rows")).hasSize(6);
        assertThat(j.get("settings").get("dimensions").get(0).asInt()).isEqualTo(1000);
        assertThat(progress).hasSizeGreaterThan(6);
    }

    /** SciPy's NumPy definitions of every problem agree with Fixpoint's at x₀, and its solves are judged by Fixpoint. */
    @Test
    void scipySolvesTheSameFunctions() {
        assumeTrue(PythonBridge.python3().unavailable("numpy", "scipy").isEmpty(), "python3 with SciPy is not installed");
        List<String> all = Suites.scalable().stream().map(ScalableProblem::name).toList();
        LargeScaleBench.Settings s = small(all, List.of("L-BFGS-B")).withMethods(List.of("lbfgs"), List.of("L-BFGS-B")).withIterations(300, 50);
        LargeScaleReport r = LargeScaleBench.run(s, line -> { });
        assertThat(r.disagreements()).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(r.scipyVersion()).startsWith("SciPy ");
        List<LargeScaleBench.Row> scipy = r.rows().stream().filter(row -> row.tool().equals("scipy")).toList();
        assertThat(scipy).hasSize(all.size());
        // SciPy stops on the same 2-norm target; where it converged, Fixpoint's judge agrees
        LargeScaleBench.Row rosenbrock = scipy.stream().filter(row -> row.problem().equals("extended-rosenbrock")).findFirst().orElseThrow();
        assertThat(rosenbrock.solved()).isTrue();
        assertThat(rosenbrock.status()).contains("StopIteration");
        assertThat(r.versus()).anySatisfy(v -> assertThat(v.method()).isEqualTo("lbfgs"));
        assertThat(r.lbfgsHeadline()).singleElement().asString().startsWith("n = 1000: lbfgs / L-BFGS-B wall ");
    }

    @Test
    void scipyRunsTheCounterpartsOfTheChosenMethodsAndTheLargestSizeItsSubset() {
        assertThat(LargeScaleBench.counterparts(List.of("lbfgs"))).containsExactly("L-BFGS-B");
        assertThat(LargeScaleBench.counterparts(List.of("lbfgsb", "lbfgs", "trust-newton-cg"))).containsExactly("L-BFGS-B", "trust-krylov");
        assertThat(LargeScaleBench.counterparts(LargeScaleBench.JAVA_METHODS)).isEqualTo(LargeScaleBench.SCIPY_METHODS);
        LargeScaleBench.Settings full = LargeScaleBench.Settings.full();
        assertThat(full.dimensions()).containsExactly(1_000, 10_000, 100_000, 1_000_000, 10_000_000);
        assertThat(full.problemsAt(1_000_000)).isEqualTo(full.problems()).hasSize(7);
        assertThat(full.problemsAt(10_000_000)).containsExactlyElementsOf(LargeScaleBench.LARGEST_PROBLEMS);
        assertThat(full.withProblems(List.of("trigonometric", "penalty-1")).problemsAt(10_000_000)).containsExactly("penalty-1");
        assertThat(LargeScaleReport.largestNote(full)).hasValue("At n = 10000000 only extended-rosenbrock, extended-powell, penalty-1");
        assertThat(LargeScaleReport.largestNote(full.withProblems(List.of("penalty-1")))).isEmpty();
    }

    /** Where no problem is solved by both tools, the report says so instead of leaving the size out. */
    @Test
    void aSizeWithoutAProblemBothSolveIsNamed() {
        LargeScaleBench.Settings s = small(List.of("extended-rosenbrock"), List.of("L-BFGS-B")).withMethods(List.of("lbfgs"), List.of("L-BFGS-B"));
        LargeScaleBench.Row ours = new LargeScaleBench.Row("extended-rosenbrock", 1000, "fixpoint", "lbfgs", "CONVERGED", true, 35, 44, 0, 0, 1e-9,
                1e-6, 0.01, 0.01, 1, 0.005, "");
        LargeScaleBench.Row theirs = new LargeScaleBench.Row("extended-rosenbrock", 1000, "scipy", "L-BFGS-B", "time", false, 6, 10, 0, 1, 1,
                1e-6, 60, 20, 1, Double.NaN, "");
        LargeScaleReport r = new LargeScaleReport(s, List.of(ours, theirs), List.of(), List.of(), List.of(), "SciPy", 1, 1);
        assertThat(r.versus()).isEmpty();
        assertThat(r.lbfgsHeadline()).containsExactly(
                "n = 1000: lbfgs / L-BFGS-B: no problem solved by both (lbfgs solved 1 of 1, L-BFGS-B 0 of 1), no ratio");
        assertThat(r.text()).contains("no problem solved by both");
    }

    @Test
    void theTrafficModelCountsTheNecessaryPasses() {
        assertThat(MemoryTraffic.lbfgsPasses(10, 1)).isEqualTo(92);
        assertThat(MemoryTraffic.averagePairs(1, 10)).isZero();
        assertThat(MemoryTraffic.averagePairs(20, 10)).isEqualTo((45 + 100) / 20.0);
        MemoryTraffic.Pass p = MemoryTraffic.measure(10_000, 3);
        assertThat(p.cpuSeconds()).isPositive();
        assertThat(p.gigabytesPerSecond()).isPositive();
    }
}
