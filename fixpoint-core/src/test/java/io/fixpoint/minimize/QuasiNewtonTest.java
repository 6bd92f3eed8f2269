package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.Backtracking;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;

/** The curvature bookkeeping of BFGS and L-BFGS: the two-loop recursion, the circular memory, skipped pairs. */
class QuasiNewtonTest {

    @Test
    void twoLoopRecursionAppliesTheBfgsMatrixOfTheStoredPairs() {
        int n = 5;
        int m = 3;
        Objective f = TestObjectives.randomQuadratic(n, 50, 4);
        Lbfgs lbfgs = new Lbfgs(m);
        Lbfgs.State s = lbfgs.init(f, new double[n]);
        for (int k = 0; k < 7; k++) { // more steps than pairs: the buffer has wrapped
            s = lbfgs.step(f, s);
        }
        assertThat(s.stored).isEqualTo(m);
        assertThat(s.verdict()).isNull();

        // H = γI updated by the pairs from oldest to newest: H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ.
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = s.gamma;
        }
        for (int k = 0; k < m; k++) {
            int slot = (s.next + k) % m;
            double[] sv = s.s[slot];
            double[] yv = s.y[slot];
            double rho = 1 / Vectors.dot(sv, yv);
            assertThat(s.rho[slot]).isCloseTo(rho, within(1e-12 * Math.abs(rho)));
            double[][] left = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    left[i][j] = (i == j ? 1 : 0) - rho * sv[i] * yv[j];
                }
            }
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = rho * sv[i] * sv[j];
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            v += left[i][a] * h[a][b] * left[j][b];
                        }
                    }
                    next[i][j] = v;
                }
            }
            h = next;
        }
        lbfgs.direction(s);
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int j = 0; j < n; j++) {
                expected -= h[i][j] * s.g[j];
            }
            assertThat(s.d[i]).isCloseTo(expected, within(1e-10 * Vectors.norm(s.d)));
        }
    }

    /** The fused passes give the plain two-loop recursion's direction bit for bit, whatever the fill of the memory. */
    @Test
    void fusedTwoLoopRecursionIsThePlainOneBitForBit() {
        int n = 150;
        int m = 4;
        Objective f = TestObjectives.centredQuadratic(n, 1e3, 9);
        Lbfgs lbfgs = new Lbfgs(m);
        Lbfgs.State s = lbfgs.init(f, new double[n]);
        for (int step = 0; step < 9; step++) {
            lbfgs.direction(s);
            double[] q = new double[n];
            Vectors.negate(s.g, q);
            double[] alpha = new double[m];
            int newest = s.next - 1 + m;
            for (int k = 0; k < s.stored; k++) {
                int i = (newest - k) % m;
                alpha[i] = s.rho[i] * Vectors.dot(s.s[i], q);
                Vectors.axpy(-alpha[i], s.y[i], q);
            }
            if (s.stored > 0) {
                Vectors.scale(s.gamma, q);
            }
            for (int k = s.stored - 1; k >= 0; k--) {
                int i = (newest - k) % m;
                double b = s.rho[i] * Vectors.dot(s.y[i], q);
                Vectors.axpy(alpha[i] - b, s.s[i], q);
            }
            assertThat(s.d).as("after %d steps", step).containsExactly(q);
            s = lbfgs.step(f, s);
        }
        assertThat(s.stored).isEqualTo(m);
    }

    @Test
    void bfgsUpdateSatisfiesTheSecantEquationAndStaysSymmetric() {
        int n = 6;
        Objective f = TestObjectives.randomQuadratic(n, 30, 8);
        Bfgs bfgs = new Bfgs();
        Bfgs.State s = bfgs.init(f, new double[n]);
        for (int k = 0; k < 3; k++) {
            s = bfgs.step(f, s);
            assertThat(s.updates).isEqualTo(k + 1);
            // H⁺y = s for the pair just used.
            for (int i = 0; i < n; i++) {
                double hy = 0;
                for (int j = 0; j < n; j++) {
                    hy += s.h[i * n + j] * s.y[j];
                    assertThat(s.h[i * n + j]).isCloseTo(s.h[j * n + i], within(1e-12));
                }
                assertThat(hy).isCloseTo(s.s[i], within(1e-10 * Vectors.norm(s.s)));
            }
        }
    }

    /** Σ (x_i² − 1)²: negative curvature for |x_i| &lt; 1/√3, minimisers at x_i = ±1. */
    static Objective doubleWell(int n) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += (v * v - 1) * (v * v - 1);
                }
                return s;
            }

            @Override
            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < n; i++) {
                    g[i] = 4 * x[i] * (x[i] * x[i] - 1);
                }
            }
        };
    }

    @Test
    void pairsWithoutPositiveCurvatureAreSkipped() {
        // Armijo backtracking alone does not guarantee yᵀs > 0; in the concave middle of the wells it is negative.
        double[] x0 = {0.05, -0.1, 0.02};
        for (io.fixpoint.solve.Solver<Objective, ? extends io.fixpoint.solve.IterationState> solver : java.util.List.of(
                new Bfgs(new Backtracking(), 1e-10), new Lbfgs(4, new Backtracking(), 1e-10))) {
            Solution s = Driver.builder().tolerance(1e-9).maxIterations(500).build().solve(solver, doubleWell(3), x0);
            assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
            assertThat((Integer) s.details().get("skippedUpdates")).as(s.toString()).isPositive();
            for (double v : s.x()) {
                assertThat(Math.abs(v)).isCloseTo(1, within(1e-9));
            }
        }
    }

    @Test
    void testObjectivesHaveTheirStatedGradients() {
        Objective[] fs = {TestObjectives.randomQuadratic(6, 100, 1), TestObjectives.centredQuadratic(6, 100, 1), doubleWell(6)};
        double[] x = {0.3, -1.1, 2.0, 0.7, -0.4, 1.5};
        for (Objective f : fs) {
            double[] g = new double[6];
            f.gradient(x, g);
            double[] fd = TestObjectives.finiteDifferenceGradient(f, x);
            for (int i = 0; i < 6; i++) {
                assertThat(g[i]).isCloseTo(fd[i], within(1e-6 * Math.max(1, Math.abs(g[i]))));
            }
        }
    }
}
