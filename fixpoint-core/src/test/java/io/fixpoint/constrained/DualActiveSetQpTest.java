package io.fixpoint.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The quadratic-program solver meets the KKT conditions of random feasible programs and proves contradictions infeasible. */
class DualActiveSetQpTest {
    private static final double[] NONE = {};

    @Property(tries = 200)
    void randomFeasibleProgramsMeetTheirKktConditions(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 0, max = 3) int p,
            @ForAll @IntRange(min = 0, max = 12) int q, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        p = Math.min(p, n);
        Random rnd = new Random(seed);
        double[] m = gaussian(rnd, n * n);
        double[] G = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.1 : 0;
                for (int k = 0; k < n; k++) {
                    s += m[k * n + i] * m[k * n + j];
                }
                G[i * n + j] = s;
            }
        }
        double[] g = gaussian(rnd, n);
        double[] feasible = gaussian(rnd, n);
        double[] aEq = gaussian(rnd, p * n);
        double[] aIn = gaussian(rnd, q * n);
        double[] bEq = times(aEq, feasible, p, n);
        double[] bIn = times(aIn, feasible, q, n);
        for (int i = 0; i < q; i++) {
            bIn[i] += rnd.nextDouble(); // strictly feasible at the chosen point
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
            lo[j] = rnd.nextBoolean() ? feasible[j] - rnd.nextDouble() : Double.NEGATIVE_INFINITY;
            hi[j] = rnd.nextBoolean() ? feasible[j] + rnd.nextDouble() : Double.POSITIVE_INFINITY;
        }
        DualActiveSetQp qp = new DualActiveSetQp(n, p + q);
        double[] d = new double[n];
        double[] y = new double[p + q];
        assertThat(qp.solve(n, G, g, p, aEq, bEq, q, aIn, bIn, lo, hi, d, y)).isEqualTo(DualActiveSetQp.Outcome.OPTIMAL);

        double[] r = times(G, d, n, n);
        for (int j = 0; j < n; j++) {
            r[j] += g[j];
            for (int i = 0; i < p; i++) {
                r[j] += y[i] * aEq[i * n + j];
            }
            for (int i = 0; i < q; i++) {
                r[j] += y[p + i] * aIn[i * n + j];
            }
        }
        double tol = 1e-8 * (1 + norm(g) + norm(y));
        double[] ad = times(aEq, d, p, n);
        for (int i = 0; i < p; i++) {
            assertThat(ad[i]).isCloseTo(bEq[i], within(tol));
        }
        double[] ai = times(aIn, d, q, n);
        for (int i = 0; i < q; i++) {
            assertThat(ai[i]).isLessThanOrEqualTo(bIn[i] + tol);
            assertThat(y[p + i]).isGreaterThanOrEqualTo(0);
            assertThat(y[p + i] * (bIn[i] - ai[i])).isLessThanOrEqualTo(tol);
        }
        for (int j = 0; j < n; j++) {
            assertThat(d[j]).isBetween(lo[j] - tol, hi[j] + tol);
            // what remains of the gradient of the Lagrangian is a bound multiplier of the right sign
            if (d[j] > lo[j] + tol && d[j] < hi[j] - tol) {
                assertThat(r[j]).as("stationarity %d of %s", j, Arrays.toString(r)).isCloseTo(0, within(tol));
            } else if (d[j] <= lo[j] + tol) {
                assertThat(r[j]).isGreaterThanOrEqualTo(-tol);
            } else {
                assertThat(r[j]).isLessThanOrEqualTo(tol);
            }
        }
    }

    @Test
    void contradictoryConstraintsAreInfeasible() {
        DualActiveSetQp qp = new DualActiveSetQp(2, 2);
        double[] G = {1, 0, 0, 1};
        double[] d = new double[2];
        double[] y = new double[2];
        // x₁ + x₂ ≤ 0 and −x₁ − x₂ ≤ −1
        assertThat(qp.solve(2, G, new double[2], 0, NONE, NONE, 2, new double[] {1, 1, -1, -1}, new double[] {0, -1},
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                d, y)).isEqualTo(DualActiveSetQp.Outcome.INFEASIBLE);
        // x₁ = 1 and x₁ = 2
        assertThat(qp.solve(2, G, new double[2], 2, new double[] {1, 0, 1, 0}, new double[] {1, 2}, 0, NONE, NONE,
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                d, y)).isEqualTo(DualActiveSetQp.Outcome.INFEASIBLE);
        // x₁ ≥ 3 by a bound and x₁ ≤ 1 by a row
        assertThat(qp.solve(2, G, new double[2], 0, NONE, NONE, 1, new double[] {1, 0}, new double[] {1},
                new double[] {3, Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                d, y)).isEqualTo(DualActiveSetQp.Outcome.INFEASIBLE);
    }

    @Test
    void redundantEqualitiesAreAccepted() {
        DualActiveSetQp qp = new DualActiveSetQp(2, 2);
        double[] d = new double[2];
        double[] y = new double[2];
        // min ½‖d‖² − d₁ − d₂ s.t. d₁ + d₂ = 1 twice: d = (½, ½)
        assertThat(qp.solve(2, new double[] {1, 0, 0, 1}, new double[] {-1, -1}, 2, new double[] {1, 1, 2, 2}, new double[] {1, 2}, 0, NONE,
                NONE, new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, d, y)).isEqualTo(DualActiveSetQp.Outcome.OPTIMAL);
        assertThat(d).containsExactly(new double[] {0.5, 0.5}, within(1e-14));
        assertThat(y[0] + 2 * y[1]).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void indefiniteHessianIsRefused() {
        DualActiveSetQp qp = new DualActiveSetQp(2, 0);
        double[] inf = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        assertThat(qp.solve(2, new double[] {1, 0, 0, -1}, new double[2], 0, NONE, NONE, 0, NONE, NONE, new double[] {-1, -1}, inf,
                new double[2], new double[0])).isEqualTo(DualActiveSetQp.Outcome.NOT_CONVEX);
    }

    private static double[] gaussian(Random rnd, int k) {
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    private static double[] times(double[] a, double[] x, int rows, int n) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += a[i * n + j] * x[j];
            }
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
