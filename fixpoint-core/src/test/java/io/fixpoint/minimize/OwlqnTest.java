package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.L1Objective;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OWL-QN against closed-form and coordinate-descent lasso solutions, its certificate and its exact zeros. */
class OwlqnTest {
    private static final Settings TIGHT = Settings.tolerance(1e-12).withMaxIterations(2000);

    private static Solution solve(L1Objective problem, double[] x0) {
        return TIGHT.driver().solve(Catalog.builtIn().l1("owlqn").create(), problem, x0);
    }

    /** F = ½ Σ aⱼ(xⱼ − cⱼ)² + Σ λⱼ|xⱼ|, whose minimiser is the soft threshold xⱼ = sign(cⱼ)·max(|cⱼ| − λⱼ/aⱼ, 0). */
    @Test
    void separableQuadraticGivesTheSoftThresholdWithExactZeros() {
        double[] a = {1, 4, 0.25, 2, 1, 9};
        double[] c = {3, -0.2, 1, -2, 0.5, 0.1};
        double[] lambda = {1, 1, 1, 1, 0, 0.9};
        Objective f = separable(a, c);
        Solution s = solve(L1Objective.of(f, lambda), new double[6]);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        double[] expected = new double[6];
        for (int j = 0; j < 6; j++) {
            expected[j] = Math.signum(c[j]) * Math.max(Math.abs(c[j]) - lambda[j] / a[j], 0) + 0.0; // + 0.0: no −0
        }
        assertThat(expected).containsExactly(2, 0, 0, -1.5, 0.5, 0); // three coordinates thresholded to zero
        assertThat(s.x()).containsExactly(expected, within(1e-12));
        for (int j : new int[] {1, 2, 5}) {
            assertThat(s.x()[j]).as("x[%d]", j).isZero();
        }
        assertThat(s.details()).containsEntry("zeroPenalized", 3);
    }

    /** One line of {@code lasso-cd.tsv}: the weights and the coordinate-descent minimiser. */
    record Case(String name, double[] lambda, double[] solution) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The frozen least-squares data (A with the intercept's column last, b) and the cases. */
    record Frozen(double[][] a, double[] b, List<Case> cases) {
    }

    static Frozen frozen() throws IOException {
        try (InputStream in = OwlqnTest.class.getResourceAsStream("/l1/lasso-cd.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
            String[] size = lines.get(0).split(" ");
            int n = Integer.parseInt(size[0]);
            int p = Integer.parseInt(size[1]) + 1;
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = numbers(lines.get(1 + i).split("\t"), 0, p);
            }
            double[] b = numbers(lines.get(1 + n).split("\t"), 0, n);
            List<Case> cases = lines.subList(2 + n, lines.size()).stream().map(l -> l.split("\t"))
                    .map(f -> new Case(f[0], numbers(f, 1, p), numbers(f, 1 + p, p))).toList();
            return new Frozen(a, b, cases);
        }
    }

    static Stream<Case> cases() throws IOException {
        return frozen().cases().stream();
    }

    /**
     * The lasso (1/2n)‖Ax − b‖² + Σ λⱼ|xⱼ| with an unpenalised intercept, against glmnet-style coordinate
     * descent in NumPy ({@code lasso_cd.py}, KKT residual below 2e-16): the same minimiser to 1e-9 and the
     * same zeros, exactly.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void lassoMatchesCoordinateDescentZerosIncluded(Case c) throws IOException {
        Frozen data = frozen();
        Solution s = solve(L1Objective.of(leastSquares(data.a(), data.b()), c.lambda()),
                new double[c.lambda().length]);
        assertThat(s.status()).as(s.message() + " " + s.optimality() + " " + s.iterations() + " " + s.details()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-12);
        assertThat(s.x()).containsExactly(c.solution(), within(1e-9));
        for (int j = 0; j < c.solution().length; j++) {
            if (c.solution()[j] == 0) {
                assertThat(s.x()[j]).as("%s x[%d]", c, j).isZero();
            }
        }
        double fStar = leastSquares(data.a(), data.b()).value(c.solution()) + L1Objective.penalty(c.lambda(), c.solution());
        assertThat(s.value()).isCloseTo(fStar, within(1e-14 * Math.abs(fStar)));
        assertThat(s.evaluations().get(Evaluation.GRADIENT)).isPositive();
    }

    /** The certificate is recomputed from the returned point: the minimum-norm subgradient vanishes there and only there. */
    @Test
    void pseudoGradientIsTheMinimumNormSubgradient() {
        double[] lambda = {1, 1, 1, 0};
        double[] x = {0, 0, 2, 0};
        double[] g = {0.5, -3, 0.25, -0.5};
        double[] pg = new double[4];
        double norm = L1Objective.pseudoGradient(lambda, x, g, pg);
        assertThat(pg).containsExactly(0, -2, 1.25, -0.5);
        assertThat(norm).isCloseTo(Math.sqrt(4 + 1.5625 + 0.25), within(1e-15));
    }

    /** With every weight zero OWL-QN is L-BFGS with a backtracking search: Rosenbrock's minimum. */
    @Test
    void withoutPenaltyItMinimisesTheSmoothPart() {
        Solution s = solve(L1Objective.of(TestObjectives.rosenbrock(), new double[2]), new double[] {-1.2, 1});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-10));
    }

    @Test
    void badWeightsAreNamed() {
        Objective f = separable(new double[] {1, 1}, new double[] {1, 1});
        assertThatThrownBy(() -> L1Objective.of(f, new double[] {1, -0.5})).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("L1 weight 1 must be finite and ≥ 0, got -0.5");
        assertThatThrownBy(() -> L1Objective.of(f, new double[] {1})).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("L1 weights has length 1");
        assertThatThrownBy(() -> L1Objective.of(f, new double[] {Double.NaN, 0})).hasMessageContaining("L1 weight 0");
    }

    /** ½ Σ aⱼ(xⱼ − cⱼ)². */
    static Objective separable(double[] a, double[] c) {
        return new Objective() {
            public int dimension() {
                return a.length;
            }

            public double value(double[] x) {
                double v = 0;
                for (int j = 0; j < a.length; j++) {
                    v += 0.5 * a[j] * (x[j] - c[j]) * (x[j] - c[j]);
                }
                return v;
            }

            public void gradient(double[] x, double[] g) {
                for (int j = 0; j < a.length; j++) {
                    g[j] = a[j] * (x[j] - c[j]);
                }
            }
        };
    }

    /** (1/2n)‖Ax − b‖². */
    static Objective leastSquares(double[][] a, double[] b) {
        int n = a.length;
        int p = a[0].length;
        return new Objective() {
            public int dimension() {
                return p;
            }

            public double value(double[] x) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    double r = dot(a[i], x) - b[i];
                    v += r * r;
                }
                return v / (2 * n);
            }

            public void gradient(double[] x, double[] g) {
                Arrays.fill(g, 0);
                for (int i = 0; i < n; i++) {
                    double r = (dot(a[i], x) - b[i]) / n;
                    for (int j = 0; j < p; j++) {
                        g[j] += r * a[i][j];
                    }
                }
            }
        };
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * v[j];
        }
        return s;
    }

    private static double[] numbers(String[] fields, int from, int count) {
        return Arrays.stream(fields, from, from + count).mapToDouble(Double::parseDouble).toArray();
    }
}
