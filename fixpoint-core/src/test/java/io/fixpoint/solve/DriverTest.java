package io.fixpoint.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import org.junit.jupiter.api.Test;

class DriverTest {

    /** f(x) = ½ Σ a_i x_i², minimised by a fixed-step gradient method: enough to exercise the loop. */
    static Objective quadratic(double... a) {
        return new Objective() {
            public int dimension() {
                return a.length;
            }

            public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += 0.5 * a[i] * x[i] * x[i];
                }
                return s;
            }

            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < a.length; i++) {
                    g[i] = a[i] * x[i];
                }
            }
        };
    }

    static final class FixedStep implements Solver<Objective, FixedStep.State> {
        final double step;

        FixedStep(double step) {
            this.step = step;
        }

        static final class State implements IterationState {
            double[] x;
            double[] g;
            double f;
            double stepNorm = Double.NaN;

            public double[] x() {
                return x;
            }

            public double value() {
                return f;
            }

            public double optimality() {
                return io.fixpoint.linalg.Vectors.norm(g);
            }

            public double stepNorm() {
                return stepNorm;
            }
        }

        public String name() {
            return "fixed-step";
        }

        public State init(Objective p, double[] x0) {
            State s = new State();
            s.x = x0;
            s.g = new double[x0.length];
            s.f = p.valueAndGradient(x0, s.g);
            return s;
        }

        public State step(Objective p, State s) {
            for (int i = 0; i < s.x.length; i++) {
                s.x[i] -= step * s.g[i];
            }
            s.stepNorm = step * io.fixpoint.linalg.Vectors.norm(s.g);
            s.f = p.valueAndGradient(s.x, s.g);
            return s;
        }
    }

    @Test
    void convergesAndCountsEvaluations() {
        Solution s = Driver.builder().tolerance(1e-10).build().solve(new FixedStep(0.5), quadratic(1, 2), new double[] {1, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-10);
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isEqualTo(s.iterations() + 1L);
        assertThat(s.trace().size()).isEqualTo(s.iterations() + 1);
        assertThat(s.rate().kind()).isEqualTo(io.fixpoint.analysis.RateEstimate.Kind.LINEAR);
        assertThat(s.rate().parameter()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void stopsAtTheIterationLimit() {
        Solution s = Driver.builder().maxIterations(3).build().solve(new FixedStep(0.1), quadratic(1), new double[] {1});
        assertThat(s.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(s.iterations()).isEqualTo(3);
    }

    @Test
    void rejectsWrongDimensionsAndNonFiniteStarts() {
        Driver d = Driver.defaults();
        assertThatThrownBy(() -> d.solve(new FixedStep(0.1), quadratic(1, 1), new double[] {1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("length 1").hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> d.solve(new FixedStep(0.1), quadratic(1, 1), new double[] {1, Double.NaN}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("index 1");
    }

    @Test
    void reportsDivergenceOfAnUnstableStep() {
        Solution s = Driver.defaults().solve(new FixedStep(3), quadratic(1), new double[] {1});
        assertThat(s.status()).isIn(Status.DIVERGED, Status.NON_FINITE);
        assertThat(s.x()[0]).isFinite();
    }

    @Test
    void returnsTheLastFiniteIterateWhenTheObjectiveTurnsNaN() {
        Objective q = quadratic(1);
        Objective nanAfterHalf = new Objective() {
            public int dimension() {
                return 1;
            }

            public double value(double[] x) {
                return Math.abs(x[0]) < 0.5 ? Double.NaN : q.value(x);
            }

            public void gradient(double[] x, double[] g) {
                q.gradient(x, g);
            }
        };
        Solution s = Driver.defaults().solve(new FixedStep(0.1), nanAfterHalf, new double[] {1});
        assertThat(s.status()).isEqualTo(Status.NON_FINITE);
        assertThat(s.message()).contains("non-finite");
        assertThat(s.x()[0]).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void reportsANonFiniteStartValue() {
        Objective nan = new Objective() {
            public int dimension() {
                return 1;
            }

            public double value(double[] x) {
                return Double.NaN;
            }

            public void gradient(double[] x, double[] g) {
                g[0] = 0;
            }
        };
        Solution s = Driver.defaults().solve(new FixedStep(0.1), nan, new double[] {1});
        assertThat(s.status()).isEqualTo(Status.NON_FINITE);
        assertThat(s.message()).contains("start point");
    }

    @Test
    void theRelativeTestIsBoundedByTheCeilingScaledToTheValue() {
        Tolerances t = Tolerances.relative(1e-10, 1e-5);
        assertThat(t.target(4e14, 1e8)).as("far start: the ceiling binds").isEqualTo(1e-5 * 1e8);
        assertThat(t.target(4e14, 0.5)).as("|f| ≤ 1: the ceiling is 1e-5").isEqualTo(1e-5);
        assertThat(t.target(100, 1e8)).as("near start: the relative test binds").isEqualTo(1e-10 * 100);
        assertThat(Tolerances.relative(1e-10, 0).target(4e14, 0.5)).as("no ceiling").isEqualTo(1e-10 * 4e14);
        assertThat(t.withAbsolute(1e-3).target(4e14, 0.5)).as("an absolute tolerance still stands").isEqualTo(1e-3);
        assertThat(t.describe("‖∇f‖", "f")).isEqualTo("‖∇f‖ ≤ min(1e-10·‖∇f‖(x₀), 1e-05·max(1, |f|))");
    }

    @Test
    void theTargetFollowsTheValueAlongTheSolve() {
        // from x₀ = 10 (‖∇f(x₀)‖ = 10) the relative target alone, 0.5·10, would stop after one halving step; the ceiling
        // 1e-6·max(1, f), recomputed at every iterate, holds the solve to 1e-6
        Solution s = Driver.builder().tolerances(Tolerances.relative(0.5, 1e-6)).build().solve(new FixedStep(0.5), quadratic(1), new double[] {10});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void aSolutionNamesTheTestThatEndedIt() {
        Solution certified = Driver.builder().tolerance(1e-10).build().solve(new FixedStep(0.5), quadratic(1, 2), new double[] {1, 1});
        assertThat(certified.criterion()).isEqualTo(Solution.OPTIMALITY);
        assertThat(certified.certified()).isTrue();

        Solution byStep = Driver.builder().tolerances(Tolerances.of(1e-30).withStep(1e-3)).build()
                .solve(new FixedStep(0.01), quadratic(1, 2), new double[] {1, 1});
        assertThat(byStep.status()).isEqualTo(Status.CONVERGED);
        assertThat(byStep.criterion()).isEqualTo(Solution.STEP);
        assertThat(byStep.certified()).isFalse();
        assertThat(byStep.message()).contains("not certified");
        assertThat(byStep.statusText()).isEqualTo("CONVERGED by the weaker step test (not certified)");
        assertThat(certified.statusText()).isEqualTo("CONVERGED");

        Solution byValue = Driver.builder().tolerances(Tolerances.of(1e-30).withValueChange(1e-3)).build()
                .solve(new FixedStep(0.01), quadratic(1, 2), new double[] {1, 1});
        assertThat(byValue.criterion()).isEqualTo(Solution.VALUE_CHANGE);
        assertThat(byValue.certified()).isFalse();

        Solution budget = Driver.builder().tolerance(1e-30).maxIterations(3).build().solve(new FixedStep(0.01), quadratic(1), new double[] {1});
        assertThat(budget.criterion()).isNull();
        assertThat(budget.certified()).isFalse();
    }

    @Test
    void aConvergedVerdictMustNameItsTest() {
        assertThatThrownBy(() -> new Verdict(Status.CONVERGED, "done")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Verdict.converged("xtol", "done").criterion()).isEqualTo("xtol");
    }
}
