package io.fixpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.minimize.Lbfgs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench is a loop over suites, and a solver added to the catalogue runs in its suite without further wiring. */
class SuitesTest {

    @Test
    void everySuiteHasANameADescriptionAndIsFoundByName() {
        assertThat(BenchSuites.names()).containsExactly("minimization", "least-squares", "fixed-point", "sequence", "lp", "transport", "mdp",
                "ranking", "bounded", "large", "constrained", "training", "spark");
        for (Suite s : BenchSuites.all()) {
            assertThat(s.description()).isNotBlank();
            assertThat(BenchSuites.byName(s.name())).isSameAs(s);
        }
        assertThat(BenchSuites.byName("minimisation").name()).isEqualTo("minimization");
        assertThatThrownBy(() -> BenchSuites.byName("simplex")).hasMessageContaining("unknown suite 'simplex'").hasMessageContaining("mdp");
    }

    /** Without fixpoint-spark on the class path (as here) the spark suite runs nothing and says how to run it, in every form. */
    @Test
    void aSuiteOfAnotherModuleThatIsAbsentSaysHowToRunIt() {
        Suite spark = BenchSuites.byName("spark");
        assertThat(spark.description()).contains("MLlib", "./fixpoint bench --suites spark");
        SuiteReport r = spark.run(SuiteOptions.DEFAULT.withFull(true));
        assertThat(r.records()).isEmpty();
        assertThat(r.failed()).isFalse();
        assertThat(r.text()).startsWith("the spark suite did not run: it needs Spark on the class path: run it as ./fixpoint bench --suites spark");
        assertThat(r.notes()).singleElement().asString().startsWith("not run: it needs Spark on the class path");
        assertThat(r.html()).startsWith("<h2 id=\"spark\">Linear models on Apache Spark</h2>").contains("did not run");
    }

    @Test
    void aMinimiserAddedToTheCatalogueRunsInTheMinimisationSuite() {
        Catalog more = Catalog.builtIn().with(Catalog.minimizer("lbfgs-3", Catalog.LIMITED_MEMORY, "L-BFGS keeping 3 pairs", c -> new Lbfgs(3)));
        SuiteReport r = new MinimizationSuite().run(SuiteOptions.DEFAULT.withCatalog(more).withProblems(List.of("rosenbrock", "beale"))
                .withMethods(List.of("lbfgs", "lbfgs-3")));
        assertThat(r.records()).extracting(SolveRecord::method).containsExactly("lbfgs", "lbfgs-3", "lbfgs", "lbfgs-3");
        assertThat(r.records()).allSatisfy(rec -> assertThat(rec.solved()).as(rec.method() + " " + rec.problem()).isTrue());
        assertThat(r.records().get(1).family()).isEqualTo(Catalog.LIMITED_MEMORY);
        assertThat(r.text()).contains("lbfgs-3");
        assertThat(r.html()).contains("<h2 id=\"minimization\">", "lbfgs-3");
        assertThat(r.allFiles()).containsKeys("results.csv", "results.json");
    }
}
