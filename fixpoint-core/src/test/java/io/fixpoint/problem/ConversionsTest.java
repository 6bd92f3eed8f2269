package io.fixpoint.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.root.PowellHybrid;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;

class ConversionsTest {
    static final double DOTTIE = 0.7390851332151607;

    static FixedPointMap cosMap() {
        return new FixedPointMap() {
            public int dimension() {
                return 1;
            }

            public void apply(double[] x, double[] out) {
                out[0] = Math.cos(x[0]);
            }

            public boolean hasJacobian() {
                return true;
            }

            public void jacobian(double[] x, double[] j) {
                j[0] = -Math.sin(x[0]);
            }
        };
    }

    /** f(x) = ½ Σ a_i x_i², a_i from 1 to 100: gradient descent with γ = 1/100 crawls along the flat axes. */
    static Objective illConditionedQuadratic(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 + 99.0 * i / (n - 1);
        }
        return new Objective() {
            public int dimension() {
                return n;
            }

            public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += 0.5 * a[i] * x[i] * x[i];
                }
                return s;
            }

            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < n; i++) {
                    g[i] = a[i] * x[i];
                }
            }
        };
    }

    @Test
    void aMapSeenAsARootProblemHasTheFixedPointAsRootAndCountsMapEvaluations() {
        RootProblem f = Conversions.asRootProblem(cosMap());
        Solution s = Driver.builder().tolerance(1e-14).build().solve(new PowellHybrid(), f, new double[] {1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(DOTTIE, within(1e-13));
        assertThat(s.evaluations().get(Evaluation.MAP)).isPositive();
        assertThat(s.evaluations().get(Evaluation.RESIDUAL)).isZero();
    }

    @Test
    void conversionJacobiansMatchFiniteDifferences() {
        RootProblem f = Conversions.asRootProblem(cosMap());
        FixedPointMap t = Conversions.asFixedPointMap(f, 0.7);
        double x = 0.3;
        double h = 1e-6;
        double[] jf = new double[1];
        double[] jt = new double[1];
        f.jacobian(new double[] {x}, jf);
        t.jacobian(new double[] {x}, jt);
        double[] a = new double[1];
        double[] b = new double[1];
        f.residuals(new double[] {x + h}, a);
        f.residuals(new double[] {x - h}, b);
        assertThat(jf[0]).isCloseTo((a[0] - b[0]) / (2 * h), within(1e-8));
        t.apply(new double[] {x + h}, a);
        t.apply(new double[] {x - h}, b);
        assertThat(jt[0]).isCloseTo((a[0] - b[0]) / (2 * h), within(1e-8));
        double[] jv = new double[1];
        t.jacobianVector(new double[] {x}, new double[] {2}, jv);
        assertThat(jv[0]).isCloseTo(2 * jt[0], within(1e-14));
    }

    @Test
    void aRootProblemAsARelaxedMapHasTheRootAsFixedPoint() {
        RootProblem f = RootProblem.of(1, (x, r) -> r[0] = x[0] * x[0] - 2);
        Solution s = Driver.builder().tolerance(1e-13).build().solve(new Anderson(), Conversions.asFixedPointMap(f, 0.3), new double[] {1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(s.evaluations().get(Evaluation.RESIDUAL)).isPositive();
    }

    @Test
    void andersonAroundGradientDescentBeatsPlainGradientDescent() {
        Objective f = illConditionedQuadratic(30);
        FixedPointMap gd = Conversions.gradientStep(f, 1.0 / 100);
        double[] x0 = new double[30];
        java.util.Arrays.fill(x0, 1);
        Driver driver = Driver.builder().tolerance(1e-10).maxIterations(20_000).build();
        Solution plain = driver.solve(new Picard(), gd, x0);
        Solution accelerated = driver.solve(new Anderson(), gd, x0);
        assertThat(plain.status()).isEqualTo(Status.CONVERGED);
        assertThat(accelerated.status()).isEqualTo(Status.CONVERGED);
        for (double xi : accelerated.x()) {
            assertThat(xi).isCloseTo(0, within(1e-8));
        }
        long plainGradients = plain.evaluations().get(Evaluation.GRADIENT);
        long acceleratedGradients = accelerated.evaluations().get(Evaluation.GRADIENT);
        assertThat(acceleratedGradients).isPositive().isLessThan(plainGradients / 5);
        assertThat(accelerated.evaluations().get(Evaluation.MAP)).isZero();
    }

    @Test
    void badInputIsRejectedAtTheBoundary() {
        assertThatThrownBy(() -> Conversions.gradientStep(illConditionedQuadratic(3), 0)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> Conversions.asFixedPointMap(RootProblem.of(1, (x, r) -> r[0] = x[0]), Double.NaN))
                .isInstanceOf(InvalidProblemException.class);
        assertThatThrownBy(() -> FixedPointMap.of(0, (x, out) -> { })).isInstanceOf(InvalidProblemException.class);
        assertThatThrownBy(() -> Driver.defaults().solve(new Picard(), cosMap(), new double[] {1, 2}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("length 2").hasMessageContaining("dimension 1");
    }

    @Test
    void aRootProblemAsLeastSquaresHasTheRootAsZeroResidualMinimiser() {
        RootProblem f = RootProblem.of(2, (x, r) -> {
            r[0] = x[0] * x[0] + x[1] * x[1] - 4;
            r[1] = x[0] - x[1];
        });
        LeastSquaresProblem ls = Conversions.asLeastSquares(f);
        assertThat(ls.residualCount()).isEqualTo(2);
        double[] root = {Math.sqrt(2), Math.sqrt(2)};
        double[] r = new double[2];
        ls.residuals(root, r);
        assertThat(r[0]).isCloseTo(0, within(1e-14));
        double[] jac = new double[4];
        ls.jacobian(new double[] {1, 2}, jac);
        assertThat(jac).containsExactly(new double[] {2, 4, 1, -1}, within(1e-6));
        Counts counts = new Counts();
        ls.counted(counts).jacobian(new double[] {1, 2}, jac);
        assertThat(counts.get(Evaluation.RESIDUAL)).isEqualTo(3);
    }
}
