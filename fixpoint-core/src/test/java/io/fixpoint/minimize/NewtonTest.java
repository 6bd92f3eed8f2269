package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NewtonTest {

    /** The unit step, always: Newton without globalisation. */
    static final LineSearch UNIT_STEP = (f, x, f0, g0, d, t, xNew, gNew) -> {
        Vectors.addScaled(x, 1, d, xNew);
        f.gradient(xNew, gNew);
        return LineSearchResult.accepted(1, f.value(xNew));
    };

    @Test
    void convergesQuadraticallyOnASmoothStronglyConvexProblem() {
        Solution s = Driver.builder().tolerance(1e-14).build()
                .solve(new Newton(), TestObjectives.logSumExp(5, 0.01), new double[] {3, -1, 2, 0.5, -4});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.rate().kind()).as(s.rate().describe()).isEqualTo(RateEstimate.Kind.SUPERLINEAR);
        // one Hessian per step, and one for the second-order check where the gradient test held
        assertThat(s.evaluations().get(Evaluation.HESSIAN)).isEqualTo(s.iterations() + 1);
        assertThat((Double) s.details().get("minHessianEigenvalue")).isPositive();
    }

    @Test
    void shiftsAnIndefiniteHessianAndStillDescends() {
        List<Double> shifts = new ArrayList<>();
        Solution s = Driver.builder().listener((k, st, c) -> {
            if (k > 0) {
                shifts.add(((Newton.State) st).shift());
            }
        }).build().solve(new Newton(), TestObjectives.quarticWell(), new double[] {0.1, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(shifts.get(0)).as("first Hessian is indefinite").isPositive();
        assertThat(shifts.get(shifts.size() - 1)).as("positive definite near the minimiser").isZero();
        assertThat((int) s.details().get("shiftedSteps")).isPositive();
        assertThat(s.trace().values()[1]).isLessThan(s.trace().values()[0]);
    }

    @Test
    void atASaddlePointTheShiftedDirectionIsTheNegativeGradient() {
        // At (0, y) the gradient is (0, 2y): the shifted system still descends along y and stays on x = 0,
        // reaching the saddle (0, 0) of x⁴ − x² + y², which the second-order check refuses to call a minimum.
        Solution s = Driver.defaults().solve(new Newton(), TestObjectives.quarticWell(), new double[] {0, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.STALLED);
        assertThat(s.message()).contains("saddle point");
        assertThat(s.x()[1]).isCloseTo(0, within(1e-8));
        assertThat((Double) s.details().get("minHessianEigenvalue")).isCloseTo(-2, within(1e-12));
    }

    @Test
    void pureNewtonDivergesWhereTheLineSearchSavesIt() {
        Objective f = TestObjectives.pseudoHuber();
        Solution pure = Driver.defaults().solve(new Newton(UNIT_STEP), f, new double[] {2});
        assertThat(pure.status()).as(pure.toString()).isIn(Status.DIVERGED, Status.NON_FINITE);
        Solution damped = Driver.defaults().solve(new Newton(), f, new double[] {2});
        assertThat(damped.status()).as(damped.toString()).isEqualTo(Status.CONVERGED);
        assertThat(damped.x()[0]).isCloseTo(0, within(1e-8));
    }

    /**
     * f = ½x² whose value is 1 higher at every point but the start: the rounding of a large sum, which
     * hides the decrease a step would make, taken to the extreme. Backtracking then shrinks the step
     * until x + t·d rounds to x, where f passes the Armijo test without x moving; Newton must stop
     * there at once, STALLED, instead of repeating the same step until the stall rule.
     */
    @Test
    void aStepThatNoLongerMovesXIsStalledAtOnce() {
        double[] start = {1};
        Objective noisy = new Objective() {
            public int dimension() {
                return 1;
            }

            public double value(double[] x) {
                return 0.5 * x[0] * x[0] + (x[0] == start[0] ? 0 : 1);
            }

            public void gradient(double[] x, double[] g) {
                g[0] = x[0];
            }

            @Override
            public boolean hasHessian() {
                return true;
            }

            @Override
            public void hessian(double[] x, double[] h) {
                h[0] = 1;
            }
        };
        Solution s = Driver.defaults().solve(new Newton(), noisy, start);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.STALLED);
        assertThat(s.iterations()).as("the one step that found no move").isEqualTo(1);
        assertThat(s.message()).contains("no longer changes x");
        assertThat(s.x()).containsExactly(1);
    }

    @Property(tries = 50, seed = "20261123")
    void solvesEveryRandomSpdQuadraticInOneStep(@ForAll long seed, @ForAll @IntRange(min = -3, max = 3) int decade) {
        double scale = Math.pow(10, decade);
        java.util.Random r = new java.util.Random(seed);
        int n = 1 + r.nextInt(6);
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.1 : 0;
                for (int k = 0; k < n; k++) {
                    s += m[k * n + i] * m[k * n + j];
                }
                a[i * n + j] = scale * s;
            }
        }
        double[] b = new double[n];
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextGaussian();
            x0[i] = r.nextGaussian();
        }
        Objective f = TestObjectives.quadratic(a, b);
        Solution s = Driver.builder().tolerance(1e-9 * Math.max(1, scale)).maxIterations(1).build().solve(new Newton(), f, x0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThanOrEqualTo(1);
    }
}
