package io.fixpoint.bench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.Solution;
import org.junit.jupiter.api.Test;

/** The example of docs/java.md that needs fixpoint-bench: a published test problem and a method, both by name. */
class TestProblemsTest {

    @Test
    void minimiseATestProblemByName() {
        TestProblem p = Suites.problem("rosenbrock");
        Solution s = Catalog.builtIn().minimizer("lbfgs").solve(p.objective(), p.start());

        System.out.println(p.name() + ": " + s.statusText() + ", f = " + s.value() + " (published f* = " + p.knownMinimum()
                + ", reached: " + p.reached(s.value(), 1e-8) + ")");

        assertThat(s.converged()).isTrue();
        assertThat(p.reached(s.value(), 1e-8)).isTrue();
    }
}
