package io.fixpoint.fixedpoint;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointSolversTest {
    static final Driver TIGHT = Driver.builder().tolerance(1e-13).maxIterations(5000).build();

    static <S extends IterationState> Solution solve(Solver<FixedPointMap, S> solver, FixedPointMap map, double... x0) {
        return TIGHT.solve(solver, map, x0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern-restart", "anderson", "newton-krylov"})
    void everyMethodFindsTheFixedPointOfCos(String name) {
        Solution s = solve(Catalog.builtIn().fixedPoint(name).create(), Maps.cos(), 1.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(Maps.DOTTIE, within(1e-12));
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-13);
        assertThat(s.details()).containsKey("residual");
    }

    @Test
    void andersonNeedsFewerMapEvaluationsThanPicardOnCos() {
        Solution picard = solve(new Picard(), Maps.cos(), 1.0);
        Solution anderson = solve(new Anderson(), Maps.cos(), 1.0);
        assertThat(anderson.evaluations().get(Evaluation.MAP)).isLessThan(picard.evaluations().get(Evaluation.MAP) / 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern", "halpern-restart", "anderson"})
    void shiftHasNoFixedPoint(String name) {
        Solution s = solve(Catalog.builtIn().fixedPoint(name).create(), Maps.shift(), 1.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
        double[] v = (double[]) s.details().get("displacement");
        assertThat(v[0]).isCloseTo(-1, within(1e-3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern", "anderson"})
    void douglasRachfordOnDisjointDiscsHasNoFixedPoint(String name) {
        Solution s = solve(Catalog.builtIn().fixedPoint(name).create(), Maps.disjointDiscs(), 0.5, -2.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
        double[] v = (double[]) s.details().get("displacement");
        assertThat(Vectors.distance(v, Maps.discGap())).as(s.toString()).isLessThan(1e-3);
    }

    /** A rotation by 1 radian: nonexpansive with fixed point 0, but Picard circles forever. Not "no fixed point". */
    @ParameterizedTest
    @ValueSource(strings = {"picard", "anderson", "halpern"})
    void aRotationIsNeverDeclaredWithoutFixedPoint(String name) {
        double c = Math.cos(1);
        double sn = Math.sin(1);
        FixedPointMap rotation = FixedPointMap.of(2, (x, out) -> {
            out[0] = c * x[0] - sn * x[1];
            out[1] = sn * x[0] + c * x[1];
        });
        Solution s = Driver.builder().tolerance(1e-10).maxIterations(3000).build()
                .solve(Catalog.builtIn().fixedPoint(name).create(), rotation, new double[] {1, 0});
        assertThat(s.status()).as(s.toString()).isNotEqualTo(Status.NO_FIXED_POINT);
    }

    @Test
    void slowSublinearConvergenceIsNotMistakenForADisplacement() {
        // T(x) = x − x³ converges to 0 like 1/√(2k): residuals shrink every window.
        Solution s = Driver.builder().tolerance(1e-4).maxIterations(200_000).build()
                .solve(new Picard(), FixedPointMap.of(1, (x, out) -> out[0] = x[0] - x[0] * x[0] * x[0]), new double[] {0.5});
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
    }

    @Test
    void translatedAveragedRotationHasDisplacementAlongTheAxis() {
        FixedPointMap t = FixedPointMap.of(3, (x, out) -> {
            out[0] = 0.5 * (x[0] - x[1]) + 1;
            out[1] = 0.5 * (x[1] + x[0]) + 2;
            out[2] = x[2] + 0.5;
        });
        for (String name : new String[] {"picard", "km", "halpern"}) {
            Solution s = solve(Catalog.builtIn().fixedPoint(name).create(), t, 3, -1, 0);
            assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
            double[] v = (double[]) s.details().get("displacement");
            assertThat(Vectors.distance(v, new double[] {0, 0, -0.5})).as(name).isLessThan(1e-3);
            assertThat((double[]) s.details().get("displacementFromIterates")).hasSize(3);
        }
    }

    @Test
    void newtonKrylovUsesExactJacobianVectorProductsWhenGiven() {
        FixedPointMap withJv = new FixedPointMap() {
            public int dimension() {
                return 1;
            }

            public void apply(double[] x, double[] out) {
                out[0] = Math.cos(x[0]);
            }

            public boolean hasJacobianVector() {
                return true;
            }

            public void jacobianVector(double[] x, double[] v, double[] jv) {
                jv[0] = -Math.sin(x[0]) * v[0];
            }
        };
        Solution s = solve(new NewtonKrylov(), withJv, 1.0);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(Maps.DOTTIE, within(1e-13));
        assertThat(s.evaluations().get(Evaluation.JACOBIAN_VECTOR)).isPositive();
        assertThat(s.iterations()).isLessThanOrEqualTo(6);
    }

    @Test
    void gmresSolvesANonsymmetricSystem() {
        double[] a = {4, 1, 0, 0, -1, 3, 1, 0, 2, 0, 5, 1, 0, 1, -1, 6};
        double[] b = {1, 2, 3, 4};
        Gmres g = new Gmres(4, 4);
        double[] d = new double[4];
        double rel = g.solve((v, out) -> {
            for (int i = 0; i < 4; i++) {
                out[i] = 0;
                for (int j = 0; j < 4; j++) {
                    out[i] += a[i * 4 + j] * v[j];
                }
            }
        }, b, d, 1e-12, 2);
        assertThat(rel).isLessThan(1e-12);
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                s += a[i * 4 + j] * d[j];
            }
            assertThat(s).isCloseTo(b[i], within(1e-11));
        }
    }

    @Test
    void halpernMeetsItsWorstCaseBoundOnANonexpansiveMap() {
        // ‖x_k − T(x_k)‖ ≤ 2‖x_0 − x*‖/(k+1) for nonexpansive T; cos is 1-Lipschitz.
        Halpern h = new Halpern();
        FixedPointMap map = Maps.cos();
        Halpern.State s = h.init(map, new double[] {3.0});
        double d0 = Math.abs(3.0 - Maps.DOTTIE);
        for (int k = 1; k <= 2000; k++) {
            s = h.step(map, s);
            assertThat(s.optimality()).as("k = " + k).isLessThanOrEqualTo(2 * d0 / (k + 1) * (1 + 1e-12));
        }
        Solution restarted = solve(Halpern.restarted(0.5), map, 3.0);
        assertThat(restarted.status()).isEqualTo(Status.CONVERGED);
        assertThat((int) restarted.details().get("restarts")).isPositive();
    }

    @Test
    void solvesAreBitwiseReproducible() {
        FixedPointMap map = FixedPointMap.of(3, (x, out) -> {
            out[0] = 0.5 * Math.cos(x[1]) + 0.1 * x[2];
            out[1] = 0.4 * Math.sin(x[0] + x[2]);
            out[2] = 0.3 * Math.tanh(x[0] - x[1]) + 0.2;
        });
        for (String name : new String[] {"anderson", "newton-krylov", "halpern-restart"}) {
            Solution a = solve(Catalog.builtIn().fixedPoint(name).create(), map, 1, 2, 3);
            Solution b = solve(Catalog.builtIn().fixedPoint(name).create(), map, 1, 2, 3);
            assertThat(a.status()).isEqualTo(Status.CONVERGED);
            assertThat(a.x()).as(name).containsExactly(b.x());
            assertThat(a.evaluations()).isEqualTo(b.evaluations());
        }
    }

    @Test
    void settingsAreValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KrasnoselskiiMann(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KrasnoselskiiMann(1.5)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Anderson().withMemory(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Halpern.restarted(1)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Catalog.builtIn().fixedPoint("nope").create())
                .hasMessageContaining("known methods");
    }
}
