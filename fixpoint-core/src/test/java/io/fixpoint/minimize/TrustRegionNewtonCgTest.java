package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.TrustRegion;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TrustRegionNewtonCgTest {

    /** Rosenbrock with Hessian-vector products only: the full Hessian is never formed. */
    static Objective rosenbrockHessianVectorOnly() {
        Objective r = TestObjectives.rosenbrock();
        return new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                return r.value(x);
            }

            public void gradient(double[] x, double[] g) {
                r.gradient(x, g);
            }

            public boolean hasHessianVector() {
                return true;
            }

            public void hessianVector(double[] x, double[] v, double[] hv) {
                hv[0] = (1200 * x[0] * x[0] - 400 * x[1] + 2) * v[0] - 400 * x[0] * v[1];
                hv[1] = -400 * x[0] * v[0] + 200 * v[1];
            }
        };
    }

    @Test
    void needsOnlyHessianVectorProducts() {
        Solution s = Driver.builder().tolerance(1e-10).build()
                .solve(new TrustRegionNewtonCg(), rosenbrockHessianVectorOnly(), new double[] {-1.2, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        assertThat(s.evaluations().get(Evaluation.HESSIAN)).isZero();
        // one product per CG iteration, and n = 2 for the second-order check where the gradient test held
        assertThat(s.evaluations().get(Evaluation.HESSIAN_VECTOR)).isEqualTo((long) s.details().get("cgIterations") + 2);
    }

    @Test
    void followsNegativeCurvatureToTheBoundary() {
        Solution s = Driver.defaults().solve(new TrustRegionNewtonCg(), TestObjectives.quarticWell(), new double[] {0.1, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat((int) s.details().get("negativeCurvatureSteps")).isPositive();
        assertThat(s.value()).isCloseTo(-0.25, within(1e-12));
    }

    @Test
    void leavesASaddlePointAlongNegativeCurvature() {
        // Next to the saddle (0, 0) of x⁴ − x² + y², the first CG direction −∇f has negative curvature:
        // it is followed to the boundary instead of stopping at the saddle.
        Solution s = Driver.defaults().solve(new TrustRegionNewtonCg(), TestObjectives.quarticWell(), new double[] {1e-3, 0});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(Math.abs(s.x()[0])).isCloseTo(Math.sqrt(0.5), within(1e-8));
        assertThat((int) s.details().get("negativeCurvatureSteps")).isPositive();
    }

    @Test
    void resolvesTheMinimiserBeyondTheRoundingLevelOfTheValue() {
        // √(1 + x²) near 0: a gradient of 1e-10 means a decrease of 5e-21, far below ulp(1)
        Solution s = Driver.builder().tolerance(1e-12).build().solve(new TrustRegionNewtonCg(), TestObjectives.pseudoHuber(), new double[] {2});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(0, within(1e-12));
    }

    @Test
    void stepsNeverLeaveTheRegion() {
        TrustRegion region = new TrustRegion().withInitialRadius(0.1);
        double[] previousRadius = {region.initialRadius()};
        Driver.builder().listener((k, st, c) -> {
            TrustRegionNewtonCg.State s = (TrustRegionNewtonCg.State) st;
            if (k > 0) {
                assertThat(s.stepNorm()).isLessThanOrEqualTo(previousRadius[0] * (1 + 1e-12));
            }
            previousRadius[0] = s.radius();
        }).build().solve(new TrustRegionNewtonCg(region), TestObjectives.rosenbrock(), new double[] {-1.2, 1});
    }

    /**
     * f(x) = ½xᵀAx − bᵀx + ¼·0.1·Σ xᵢ⁴ with A = diag(1 … 2) + 4·11ᵀ/n: strictly convex, its Hessian one
     * outlying eigenvalue above a narrow bulk, as with correlated features. {@code inPasses} says whether
     * it declares itself evaluated in passes over data.
     */
    static Objective correlated(int n, boolean inPasses) {
        return new Objective() {
            public int dimension() {
                return n;
            }

            public double value(double[] x) {
                return valueAndGradient(x, new double[n]);
            }

            public void gradient(double[] x, double[] g) {
                valueAndGradient(x, g);
            }

            public double valueAndGradient(double[] x, double[] g) {
                double sum = 0;
                for (double xi : x) {
                    sum += xi;
                }
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double b = Math.sin(i + 1);
                    g[i] = (1 + (double) i / n) * x[i] + 4 * sum / n - b + 0.1 * x[i] * x[i] * x[i];
                    f += 0.5 * (1 + (double) i / n) * x[i] * x[i] - b * x[i] + 0.025 * x[i] * x[i] * x[i] * x[i];
                }
                return f + 2 * sum * sum / n;
            }

            public boolean hasHessianVector() {
                return true;
            }

            public boolean convex() {
                return true;
            }

            public boolean evaluatedInPasses() {
                return inPasses;
            }

            public void hessianVector(double[] x, double[] v, double[] hv) {
                double sum = 0;
                for (double vi : v) {
                    sum += vi;
                }
                for (int i = 0; i < n; i++) {
                    hv[i] = (1 + (double) i / n + 0.3 * x[i] * x[i]) * v[i] + 4 * sum / n;
                }
            }
        };
    }

    @Test
    void inPassesEveryValueBringsItsGradientAndFewerPassesAreSpent() {
        Driver driver = Driver.builder().tolerance(1e-8).build();
        Solution plain = driver.solve(new TrustRegionNewtonCg(), correlated(50, false), new double[50]);
        Solution passes = driver.solve(new TrustRegionNewtonCg(), correlated(50, true), new double[50]);
        assertThat(passes.status()).isEqualTo(Status.CONVERGED);
        assertThat(passes.x()).containsExactly(plain.x(), within(1e-7));
        long values = passes.evaluations().get(Evaluation.VALUE);
        assertThat(passes.evaluations().get(Evaluation.GRADIENT)).isEqualTo(values);
        assertThat(values).isEqualTo(passes.iterations() + 1 + (int) passes.details().get("rejectedSteps"));
        long passesSpent = values + passes.evaluations().get(Evaluation.HESSIAN_VECTOR);
        long plainSpent = plain.evaluations().get(Evaluation.VALUE) + plain.evaluations().get(Evaluation.GRADIENT)
                + plain.evaluations().get(Evaluation.HESSIAN_VECTOR);
        assertThat(passesSpent).isLessThan(plainSpent); // 23 against 33
    }

    /**
     * Evaluated in passes with its dense Hessian: every trial point's Hessian comes with its value and
     * gradient from one evaluation, and no Hessian is asked for on its own.
     */
    @Test
    void inPassesTheDenseHessianComesWithEveryValue() {
        int n = 50;
        Objective base = correlated(n, true);
        int[] alone = new int[1];
        Objective dense = new Objective() {
            public int dimension() {
                return n;
            }

            public double value(double[] x) {
                return base.value(x);
            }

            public void gradient(double[] x, double[] g) {
                base.gradient(x, g);
            }

            public double valueAndGradient(double[] x, double[] g) {
                return base.valueAndGradient(x, g);
            }

            public boolean hasHessian() {
                return true;
            }

            public void hessian(double[] x, double[] h) {
                alone[0]++;
                fill(x, h);
            }

            public double valueGradientAndHessian(double[] x, double[] g, double[] h) {
                fill(x, h);
                return base.valueAndGradient(x, g);
            }

            private void fill(double[] x, double[] h) {
                double[] e = new double[n];
                double[] column = new double[n];
                for (int j = 0; j < n; j++) {
                    e[j] = 1;
                    base.hessianVector(x, e, column);
                    e[j] = 0;
                    for (int i = 0; i < n; i++) {
                        h[i * n + j] = column[i];
                    }
                }
            }

            public boolean convex() {
                return true;
            }

            public boolean evaluatedInPasses() {
                return true;
            }
        };
        Driver driver = Driver.builder().tolerance(1e-8).build();
        Solution products = driver.solve(new TrustRegionNewtonCg(), base, new double[n]);
        Solution s = driver.solve(new TrustRegionNewtonCg(), dense, new double[n]);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.details()).containsEntry("products", "hessian");
        assertThat(s.x()).containsExactly(products.x(), within(1e-7));
        assertThat(alone[0]).isZero();
        long values = s.evaluations().get(Evaluation.VALUE);
        assertThat(values).isEqualTo(s.iterations() + 1 + (int) s.details().get("rejectedSteps"));
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isEqualTo(values);
        assertThat(s.evaluations().get(Evaluation.HESSIAN)).isEqualTo(values);
        assertThat(s.evaluations().get(Evaluation.HESSIAN_VECTOR)).isZero();
    }

    @Property(tries = 200, seed = "20261123")
    void toBoundaryLandsOnTheSphere(@ForAll @DoubleRange(min = -1, max = 1) double z0, @ForAll @DoubleRange(min = -1, max = 1) double z1,
            @ForAll @DoubleRange(min = -1, max = 1) double d0, @ForAll @DoubleRange(min = -1, max = 1) double d1) {
        double[] z = {z0 * 0.7, z1 * 0.7};
        double[] d = {d0, d1};
        if (Vectors.norm(d) < 1e-3) {
            return;
        }
        double tau = TrustRegionNewtonCg.toBoundary(z, d, 1);
        assertThat(tau).isGreaterThanOrEqualTo(0);
        double[] p = new double[2];
        Vectors.addScaled(z, tau, d, p);
        assertThat(Vectors.norm(p)).isCloseTo(1, within(1e-12));
    }
}
