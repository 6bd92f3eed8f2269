package io.fixpoint.bench.suite.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.problem.ConstrainedProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Hock–Schittkowski definitions: complete, finite at their starts, derivatives equal to differences, published optima reproduced. */
class HockSchittkowskiTest {

    static List<ConstrainedTestProblem> problems() {
        return HockSchittkowski.problems();
    }

    @Test
    void atLeastThirtyDistinctProblems() {
        List<ConstrainedTestProblem> all = problems();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(new HashSet<>(all.stream().map(ConstrainedTestProblem::name).toList())).hasSize(all.size());
        assertThat(all.stream().filter(p -> !p.constraints().isEmpty()).count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void derivativesAgreeWithCentralDifferences(ConstrainedTestProblem t) {
        ConstrainedProblem p = t.problem();
        int n = p.dimension();
        int m = p.constraintCount();
        Random rnd = new Random(t.name().hashCode());
        double[] x = t.projectedStart();
        for (int trial = 0; trial < 2; trial++) {
            if (trial == 1) { // a second point near the start, inside the bounds
                for (int j = 0; j < n; j++) {
                    x[j] += 0.01 * (1 + Math.abs(x[j])) * rnd.nextGaussian();
                }
                t.bounds().project(x);
            }
            double[] g = new double[n];
            double[] jac = new double[m * n];
            double f = p.objective().valueAndGradient(x.clone(), g);
            p.constraintJacobian(x.clone(), jac);
            assertThat(f).as("f at %s", java.util.Arrays.toString(x)).isFinite();
            double[] up = new double[m];
            double[] down = new double[m];
            for (int j = 0; j < n; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                double[] a = x.clone();
                double[] b = x.clone();
                a[j] += h;
                b[j] -= h;
                double fd = (p.objective().value(a) - p.objective().value(b)) / (2 * h);
                assertThat(g[j]).as("%s: ∂f/∂x%d", t.name(), j + 1).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                p.constraints(a, up);
                p.constraints(b, down);
                for (int i = 0; i < m; i++) {
                    double cd = (up[i] - down[i]) / (2 * h);
                    assertThat(jac[i * n + j]).as("%s: ∂c%d/∂x%d", t.name(), i + 1, j + 1).isCloseTo(cd, within(1e-5 * Math.max(1, Math.abs(cd))));
                }
            }
        }
    }

    @Test
    void publishedSolutionsGiveThePublishedOptima() {
        // (problem, x* from the book) → f* and feasibility
        check("hs71", new double[] {1, 4.7429994, 3.8211503, 1.3794082});
        check("hs35", new double[] {4.0 / 3, 7.0 / 9, 4.0 / 9});
        check("hs6", new double[] {1, 1});
        check("hs43", new double[] {0, 1, 2, -1});
        check("hs100", new double[] {2.330499, 1.951372, -0.4775414, 4.365726, -0.6244870, 1.038131, 1.594227});
    }

    private static void check(String name, double[] xStar) {
        ConstrainedTestProblem p = problems().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        ConstrainedTestProblem.Judgement j = p.judge(xStar);
        assertThat(j.value()).as(name).isCloseTo(p.knownMinimum(), within(1e-5 * Math.max(1, Math.abs(p.knownMinimum()))));
        assertThat(j.violation()).as(name).isLessThan(1e-5);
    }

    @Test
    void theJudgeWantsFeasibilityAndTheValue() {
        ConstrainedTestProblem hs35 = problems().stream().filter(q -> q.name().equals("hs35")).findFirst().orElseThrow();
        assertThat(hs35.judge(new double[] {4.0 / 3, 7.0 / 9, 4.0 / 9}).solved()).isTrue();
        assertThat(hs35.judge(new double[] {2, 2, 2}).solved()).isFalse(); // infeasible (and below f*)
        assertThat(hs35.judge(new double[] {0.5, 0.5, 0.5}).solved()).isFalse(); // feasible, f above f*
    }
}
