package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded, large-scale and constrained suites, each on a tiny subset: records judged by the suite, text, HTML and files. */
class MinimizationFamiliesSuitesTest {

    /** SciPy runs where it is installed; either it gives records or a note says why not. */
    private static void scipyRanOrSaidWhyNot(SuiteReport r) {
        boolean scipy = r.records().stream().anyMatch(x -> x.tool().equals("scipy"));
        assertThat(scipy || r.notes().stream().anyMatch(n -> n.contains("SciPy"))).as("SciPy ran or a note says why not").isTrue();
    }

    @Test
    void boundedSuiteJudgesEveryBoundedMethodInTheBox() {
        SuiteReport r = BenchSuites.byName("bounded").run(SuiteOptions.DEFAULT.withProblems(List.of("hs38", "rosenbrock-box")));
        assertThat(r.records().stream().filter(SolveRecord::isFixpoint).map(SolveRecord::method).distinct())
                .containsExactly("lbfgsb", "tron", "spg", "projected-gradient");
        // projected gradient crawls along Wood's valley: it stops at the iteration limit, claims nothing and is not solved
        SolveRecord crawl = r.records().stream().filter(x -> x.problem().equals("hs38") && x.method().equals("projected-gradient"))
                .findFirst().orElseThrow();
        assertThat(crawl.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(crawl.claimed() || crawl.solved()).isFalse();
        assertThat(r.records()).filteredOn(SolveRecord::isFixpoint).filteredOn(x -> x != crawl).hasSize(7).allSatisfy(rec -> {
            assertThat(rec.solved()).as(rec.problem() + " " + rec.method()).isTrue();
            assertThat(rec.status()).isEqualTo(Status.CONVERGED);
            assertThat(rec.figures()).containsEntry("inBox", true);
        });
        scipyRanOrSaidWhyNot(r);
        assertThat(r.html()).startsWith("<h2 id=\"bounded\">").contains("solved when the point lies in the box");
        assertThat(r.text()).contains("hs38", "lbfgsb", "Solved of 2");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json");
    }

    @Test
    void largeSuiteRunsItsMethodsAtTheChosenProblem() {
        SuiteReport r = BenchSuites.byName("large").run(SuiteOptions.DEFAULT.withProblems(List.of("extended-rosenbrock"))
                .withMethods(List.of("lbfgs", "lbfgsb")).withPeers(List.of()));
        assertThat(r.records()).hasSize(2).allSatisfy(rec -> {
            assertThat(rec.dimension()).isEqualTo(1_000);
            assertThat(rec.solved()).as(rec.method()).isTrue();
            assertThat(rec.x()).isNull();
            assertThat(rec.figure("target", 0)).isPositive();
        });
        assertThat(r.html()).startsWith("<h2 id=\"large\">").contains("n = 1000", "Times are of one warm solve for both tools");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json", "large.json");
    }

    @Test
    void constrainedSuiteCarriesVerifiedKktResiduals() {
        SuiteReport r = BenchSuites.byName("constrained").run(SuiteOptions.DEFAULT.withProblems(List.of("hs35", "hs71")));
        assertThat(r.records()).filteredOn(SolveRecord::isFixpoint).hasSize(4).allSatisfy(rec -> {
            assertThat(rec.solved()).as(rec.problem() + " " + rec.method()).isTrue();
            assertThat(rec.figures()).containsKey("kkt");
            assertThat(rec.optimality()).isLessThanOrEqualTo(1e-8);
        });
        scipyRanOrSaidWhyNot(r);
        assertThat(r.html()).startsWith("<h2 id=\"constrained\">").contains("KKT residual");
        assertThat(r.text()).contains("hs71", "sqp", "augmented-lagrangian");
    }
}
