package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a minimiser's CONVERGED claims under the catalogue's defaults, tested where it used to be false. */
class MinimizerCertificatesTest {

    static Stream<Arguments> farStarts() {
        return Catalog.builtIn().names(ProblemKind.MINIMIZATION).stream()
                .flatMap(m -> Stream.of(Arguments.of(m, new double[] {1e4, 1}), Arguments.of(m, new double[] {1000, 1})));
    }

    /**
     * From a far start ‖∇f(x₀)‖ is huge (4·10¹⁴ at (10⁴, 1)) and 10⁻¹⁰ of it used to accept points
     * nowhere near stationary (Newton: f ≈ 10⁸ after one step; L-BFGS from (1000, 1): f = 1.89).
     * Rosenbrock's only stationary point is (1, 1): a solve either reaches it or says it did not.
     */
    @ParameterizedTest
    @MethodSource("farStarts")
    void aFarStartIsNeverCertifiedAwayFromTheStationaryPoint(String method, double[] x0) {
        SolverSpec<Objective> spec = Catalog.builtIn().minimizer(method);
        Objective f = TestObjectives.rosenbrock();
        Solution s = spec.solve(f, x0);
        double[] g = new double[2];
        double value = f.valueAndGradient(s.x(), g);
        if (s.converged()) {
            assertThat(Vectors.distance(s.x(), new double[] {1, 1})).as(s.toString()).isLessThan(1e-3);
            assertThat(Vectors.norm(g)).as(s.toString()).isLessThanOrEqualTo(1e-5 * Math.max(1, value));
        } else {
            assertThat(s.message()).as("a non-converged solve says why").isNotBlank();
            assertThat(value).isPositive();
        }
    }

    /** Beale's function, whose gradient vanishes at the saddle (0, 1): ∇²f = [[0, 27.75], [27.75, 0]]. */
    static Objective beale() {
        double[] y = {1.5, 2.25, 2.625};
        return TestObjectives.of(2, x -> {
            double f = 0;
            for (int i = 0; i < 3; i++) {
                double r = y[i] - x[0] * (1 - Math.pow(x[1], i + 1));
                f += r * r;
            }
            return f;
        }, (x, g) -> {
            g[0] = 0;
            g[1] = 0;
            for (int i = 0; i < 3; i++) {
                double p = Math.pow(x[1], i + 1);
                double r = y[i] - x[0] * (1 - p);
                g[0] += -2 * r * (1 - p);
                g[1] += 2 * r * x[0] * (i + 1) * Math.pow(x[1], i);
            }
        }, (x, h) -> {
            java.util.Arrays.fill(h, 0);
            for (int i = 0; i < 3; i++) {
                double p = Math.pow(x[1], i + 1);
                double dp = (i + 1) * Math.pow(x[1], i);
                double d2p = i == 0 ? 0 : (i + 1) * i * Math.pow(x[1], i - 1);
                double r = y[i] - x[0] * (1 - p);
                double rx = -(1 - p);
                double ry = x[0] * dp;
                h[0] += 2 * rx * rx;
                h[1] += 2 * (rx * ry + r * dp);
                h[3] += 2 * (ry * ry + r * x[0] * d2p);
            }
            h[2] = h[1];
        });
    }

    /** f = x² + 3y², with its Hessian, saying whether it declares itself convex. */
    static Objective bowl(boolean declaredConvex) {
        return new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                return x[0] * x[0] + 3 * x[1] * x[1];
            }

            public void gradient(double[] x, double[] g) {
                g[0] = 2 * x[0];
                g[1] = 6 * x[1];
            }

            @Override
            public boolean hasHessian() {
                return true;
            }

            @Override
            public void hessian(double[] x, double[] h) {
                h[0] = 2;
                h[1] = 0;
                h[2] = 0;
                h[3] = 6;
            }

            @Override
            public boolean convex() {
                return declaredConvex;
            }
        };
    }

    static Stream<String> secondOrder() {
        return Stream.of("newton", "damped-newton", "lazy-newton", "trust-newton-cg");
    }

    /** Newton used to accept Beale's saddle (0, 1), where ∇f = 0 exactly, as CONVERGED while it had the Hessian. */
    @ParameterizedTest
    @MethodSource("secondOrder")
    void aSaddleIsNotAMinimum(String method) {
        Solution s = Catalog.builtIn().minimizer(method).solve(beale(), new double[] {0, 1});
        assertThat(s.status()).as(s.toString()).isNotEqualTo(io.fixpoint.solve.Status.CONVERGED);
        assertThat(s.message()).contains("saddle point");
        assertThat((Double) s.details().get("minHessianEigenvalue")).isCloseTo(-27.75, org.assertj.core.api.Assertions.within(1e-9));
    }

    /**
     * Beyond a hundred variables the check runs on Hessian–vector products (Lanczos), never a dense ∇²f:
     * f = ½Σ dᵢxᵢ² with d = (−n, 1, 2, …) has a saddle at the origin, with d = (n, 1, 2, …) its minimum there.
     */
    @org.junit.jupiter.api.Test
    void largeProblemsAreCheckedWithoutADenseHessian() {
        int n = 20_000;
        for (double first : new double[] {-n, n}) {
            Objective diagonal = new Objective() {
                double d(int i) {
                    return i == 0 ? first : i;
                }

                @Override
                public int dimension() {
                    return n;
                }

                @Override
                public double value(double[] x) {
                    double f = 0;
                    for (int i = 0; i < n; i++) {
                        f += 0.5 * d(i) * x[i] * x[i];
                    }
                    return f;
                }

                @Override
                public void gradient(double[] x, double[] g) {
                    for (int i = 0; i < n; i++) {
                        g[i] = d(i) * x[i];
                    }
                }

                @Override
                public boolean hasHessianVector() {
                    return true;
                }

                @Override
                public void hessianVector(double[] x, double[] v, double[] hv) {
                    for (int i = 0; i < n; i++) {
                        hv[i] = d(i) * v[i];
                    }
                }
            };
            Solution s = Catalog.builtIn().minimizer("trust-newton-cg").solve(diagonal, new double[n]);
            if (first < 0) {
                assertThat(s.status()).as(s.toString()).isEqualTo(io.fixpoint.solve.Status.STALLED);
                assertThat(s.message()).contains("saddle point", "Lanczos");
                assertThat((Double) s.details().get("minHessianEigenvalue")).isLessThan(-0.9 * n);
            } else {
                assertThat(s.status()).as(s.toString()).isEqualTo(io.fixpoint.solve.Status.CONVERGED);
            }
            assertThat(s.evaluations().byName()).doesNotContainKey("hessian");
        }
    }

    /**
     * An objective that says it is convex is not checked for a saddle (every stationary point is a
     * minimum): the check's n Hessian–vector products would each be a pass over a finite sum's data.
     */
    @ParameterizedTest
    @MethodSource("secondOrder")
    void aConvexObjectiveSkipsTheSaddleCheck(String method) {
        Objective bowl = bowl(false);
        Objective convexBowl = bowl(true);
        Solution checked = Catalog.builtIn().minimizer(method).solve(bowl, new double[] {1, 1});
        Solution trusted = Catalog.builtIn().minimizer(method).solve(convexBowl, new double[] {1, 1});
        assertThat(checked.status()).isEqualTo(io.fixpoint.solve.Status.CONVERGED);
        assertThat(trusted.status()).isEqualTo(io.fixpoint.solve.Status.CONVERGED);
        assertThat(checked.details()).containsKey("minHessianEigenvalue");
        assertThat(trusted.details()).doesNotContainKey("minHessianEigenvalue");
        assertThat(trusted.x()).containsExactly(checked.x());
    }

    @ParameterizedTest
    @MethodSource("secondOrder")
    void aMinimumIsConfirmedWithItsCurvature(String method) {
        Solution s = Catalog.builtIn().minimizer(method).solve(beale(), new double[] {1, 1});
        assertThat(s.status()).as(s.toString()).isEqualTo(io.fixpoint.solve.Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat((Double) s.details().get("minHessianEigenvalue")).isPositive();
    }
}
