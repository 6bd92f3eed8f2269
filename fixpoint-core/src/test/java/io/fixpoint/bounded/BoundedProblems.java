package io.fixpoint.bounded;

import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Bound-constrained problems with published or constructed optima: the Hock–Schittkowski problems whose
 * only constraints are bounds (Hock and Schittkowski, Test Examples for Nonlinear Programming Codes,
 * 1981; f* of HS2 and HS110 refined in 40-digit arithmetic) and a convex quadratic whose minimiser on a
 * box is known exactly because its gradient is chosen there.
 */
final class BoundedProblems {
    private BoundedProblems() {
    }

    /** A problem, its start, its minimiser (where unique) and minimum. */
    record Case(String name, BoundedObjective problem, double[] start, double[] minimizer, double minimum) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Value {
        double at(double[] x);
    }

    interface Into {
        void at(double[] x, double[] out);
    }

    static Objective objective(int n, Value value, Into gradient, Into hessian) {
        return new Objective() {
            public int dimension() {
                return n;
            }

            public double value(double[] x) {
                return value.at(x);
            }

            public void gradient(double[] x, double[] g) {
                gradient.at(x, g);
            }

            public boolean hasHessian() {
                return true;
            }

            public void hessian(double[] x, double[] h) {
                hessian.at(x, h);
            }
        };
    }

    static Bounds box(double[] lower, double[] upper) {
        return new Bounds(lower, upper);
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    static final double INF = Double.POSITIVE_INFINITY;

    static Objective rosenbrock() {
        return objective(2, x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                (x, g) -> {
                    double t = x[1] - x[0] * x[0];
                    g[0] = -400 * x[0] * t - 2 * (1 - x[0]);
                    g[1] = 200 * t;
                },
                (x, h) -> {
                    h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
                    h[1] = -400 * x[0];
                    h[2] = -400 * x[0];
                    h[3] = 200;
                });
    }

    static Case hs1() {
        return new Case("hs1", rosenbrock().withBounds(box(new double[] {-INF, -1.5}, new double[] {INF, INF})),
                new double[] {-2, 1}, new double[] {1, 1}, 0);
    }

    /**
     * Rosenbrock on x₂ ≥ 1.5 from (−2, 1), which lies outside the box. From there methods reach the local
     * minimiser (−1.2210262…, 1.5), f = 4.9412293…, on the bound; the global one, (1.2243707…, 1.5) with
     * the published f* = 0.0504261879, lies across the valley. Both values are roots of 400t³ − 598t − 2
     * refined in 40-digit arithmetic.
     */
    static Case hs2() {
        return new Case("hs2", rosenbrock().withBounds(box(new double[] {-INF, 1.5}, new double[] {INF, INF})),
                new double[] {-2, 1}, new double[] {-1.2210262421071017, 1.5}, 4.9412293179891855);
    }

    static final double[] HS2_GLOBAL_MINIMIZER = {1.2243707487363525, 1.5};
    static final double HS2_GLOBAL_MINIMUM = 0.050426187893607085;

    static Case hs3() {
        Objective f = objective(2, x -> x[1] + 1e-5 * Math.pow(x[1] - x[0], 2),
                (x, g) -> {
                    g[0] = -2e-5 * (x[1] - x[0]);
                    g[1] = 1 + 2e-5 * (x[1] - x[0]);
                },
                (x, h) -> {
                    h[0] = 2e-5;
                    h[1] = -2e-5;
                    h[2] = -2e-5;
                    h[3] = 2e-5;
                });
        return new Case("hs3", f.withBounds(box(new double[] {-INF, 0}, new double[] {INF, INF})), new double[] {10, 1},
                new double[] {0, 0}, 0);
    }

    static Case hs4() {
        Objective f = objective(2, x -> Math.pow(x[0] + 1, 3) / 3 + x[1],
                (x, g) -> {
                    g[0] = Math.pow(x[0] + 1, 2);
                    g[1] = 1;
                },
                (x, h) -> {
                    h[0] = 2 * (x[0] + 1);
                    h[1] = 0;
                    h[2] = 0;
                    h[3] = 0;
                });
        return new Case("hs4", f.withBounds(box(new double[] {1, 0}, new double[] {INF, INF})), new double[] {1.125, 0.125},
                new double[] {1, 0}, 8.0 / 3);
    }

    static Case hs5() {
        Objective f = objective(2, x -> Math.sin(x[0] + x[1]) + Math.pow(x[0] - x[1], 2) - 1.5 * x[0] + 2.5 * x[1] + 1,
                (x, g) -> {
                    double c = Math.cos(x[0] + x[1]);
                    g[0] = c + 2 * (x[0] - x[1]) - 1.5;
                    g[1] = c - 2 * (x[0] - x[1]) + 2.5;
                },
                (x, h) -> {
                    double s = -Math.sin(x[0] + x[1]);
                    h[0] = s + 2;
                    h[1] = s - 2;
                    h[2] = s - 2;
                    h[3] = s + 2;
                });
        return new Case("hs5", f.withBounds(box(new double[] {-1.5, -3}, new double[] {4, 3})), new double[] {0, 0},
                new double[] {-Math.PI / 3 + 0.5, -Math.PI / 3 - 0.5}, -Math.sqrt(3) / 2 - Math.PI / 3);
    }

    /** Colville's function (Wood's), −10 ≤ x ≤ 10. */
    static Case hs38() {
        Objective f = objective(4,
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2) + 90 * Math.pow(x[3] - x[2] * x[2], 2)
                        + Math.pow(1 - x[2], 2) + 10.1 * (Math.pow(x[1] - 1, 2) + Math.pow(x[3] - 1, 2)) + 19.8 * (x[1] - 1) * (x[3] - 1),
                (x, g) -> {
                    g[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
                    g[1] = 200 * (x[1] - x[0] * x[0]) + 20.2 * (x[1] - 1) + 19.8 * (x[3] - 1);
                    g[2] = -360 * x[2] * (x[3] - x[2] * x[2]) - 2 * (1 - x[2]);
                    g[3] = 180 * (x[3] - x[2] * x[2]) + 20.2 * (x[3] - 1) + 19.8 * (x[1] - 1);
                },
                (x, h) -> {
                    Arrays.fill(h, 0);
                    h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
                    h[1] = h[4] = -400 * x[0];
                    h[5] = 220.2;
                    h[10] = 1080 * x[2] * x[2] - 360 * x[3] + 2;
                    h[11] = h[14] = -360 * x[2];
                    h[15] = 200.2;
                    h[7] = h[13] = 19.8;
                });
        return new Case("hs38", f.withBounds(box(fill(4, -10), fill(4, 10))), new double[] {-3, -1, -3, -1}, fill(4, 1), 0);
    }

    /** 2 − x₁x₂x₃x₄x₅/120 on 0 ≤ xᵢ ≤ i: every variable ends at its upper bound. */
    static Case hs45() {
        Objective f = objective(5, x -> 2 - product(x, -1) / 120,
                (x, g) -> {
                    for (int i = 0; i < 5; i++) {
                        g[i] = -product(x, i) / 120;
                    }
                },
                (x, h) -> {
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < 5; j++) {
                            double p = 1;
                            for (int k = 0; k < 5; k++) {
                                if (k != i && k != j) {
                                    p *= x[k];
                                }
                            }
                            h[i * 5 + j] = i == j ? 0 : -p / 120;
                        }
                    }
                });
        return new Case("hs45", f.withBounds(box(fill(5, 0), new double[] {1, 2, 3, 4, 5})), fill(5, 2), new double[] {1, 2, 3, 4, 5}, 1);
    }

    private static double product(double[] x, int skip) {
        double p = 1;
        for (int k = 0; k < x.length; k++) {
            if (k != skip) {
                p *= x[k];
            }
        }
        return p;
    }

    /** Σ[ln²(xᵢ − 2) + ln²(10 − xᵢ)] − (Πxᵢ)^0.2 on 2.001 ≤ xᵢ ≤ 9.999, n = 10. */
    static Case hs110() {
        int n = 10;
        Objective f = objective(n,
                x -> {
                    double s = 0;
                    double logProduct = 0;
                    for (double v : x) {
                        s += Math.pow(Math.log(v - 2), 2) + Math.pow(Math.log(10 - v), 2);
                        logProduct += Math.log(v);
                    }
                    return s - Math.exp(0.2 * logProduct);
                },
                (x, g) -> {
                    double p = power(x);
                    for (int i = 0; i < n; i++) {
                        g[i] = 2 * Math.log(x[i] - 2) / (x[i] - 2) - 2 * Math.log(10 - x[i]) / (10 - x[i]) - 0.2 * p / x[i];
                    }
                },
                (x, h) -> {
                    double p = power(x);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double v = -0.04 * p / (x[i] * x[j]);
                            if (i == j) {
                                double a = x[i] - 2;
                                double b = 10 - x[i];
                                v += 2 * (1 - Math.log(a)) / (a * a) + 2 * (1 - Math.log(b)) / (b * b) + 0.2 * p / (x[i] * x[i]);
                            }
                            h[i * n + j] = v;
                        }
                    }
                });
        return new Case("hs110", f.withBounds(box(fill(n, 2.001), fill(n, 9.999))), fill(n, 9), fill(n, 9.350265833069385),
                -45.778469707446269);
    }

    private static double power(double[] x) {
        double logProduct = 0;
        for (double v : x) {
            logProduct += Math.log(v);
        }
        return Math.exp(0.2 * logProduct);
    }

    /**
     * ½xᵀAx − bᵀx on [−1, 1]ⁿ with A = QΛQᵀ (condition 100) and b chosen so that a random x* with about
     * a third of its coordinates at each bound satisfies the KKT conditions strictly: the gradient
     * Ax* − b is zero on the free coordinates, positive at the lower bounds and negative at the upper ones.
     */
    static Case activeQuadratic(int n, long seed) {
        Random rnd = new Random(seed);
        double[] a = new double[n * n];
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[k] = rnd.nextGaussian();
        }
        double qq = 0;
        for (double v : q) {
            qq += v * v;
        }
        // A = HΛH with the Householder reflection H = I − 2qqᵀ/qᵀq.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double lambda = Math.pow(100, k / (n - 1.0));
                    double hik = (i == k ? 1 : 0) - 2 * q[i] * q[k] / qq;
                    double hjk = (j == k ? 1 : 0) - 2 * q[j] * q[k] / qq;
                    s += hik * lambda * hjk;
                }
                a[i * n + j] = s;
            }
        }
        double[] xStar = new double[n];
        double[] gStar = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> {
                    xStar[i] = -1;
                    gStar[i] = 0.5 + rnd.nextDouble();
                }
                case 1 -> {
                    xStar[i] = 1;
                    gStar[i] = -0.5 - rnd.nextDouble();
                }
                default -> xStar[i] = 1.6 * rnd.nextDouble() - 0.8;
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * xStar[j];
            }
            b[i] = s - gStar[i];
        }
        double fStar = 0;
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * xStar[j];
            }
            fStar += 0.5 * xStar[i] * ax - b[i] * xStar[i];
        }
        Objective f = objective(n,
                x -> {
                    double v = 0;
                    for (int i = 0; i < n; i++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[i * n + j] * x[j];
                        }
                        v += 0.5 * x[i] * ax - b[i] * x[i];
                    }
                    return v;
                },
                (x, g) -> {
                    for (int i = 0; i < n; i++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[i * n + j] * x[j];
                        }
                        g[i] = ax - b[i];
                    }
                },
                (x, h) -> System.arraycopy(a, 0, h, 0, n * n));
        return new Case("active-quadratic-" + n, f.withBounds(box(fill(n, -1), fill(n, 1))), new double[n], xStar, fStar);
    }

    static List<Case> all() {
        return List.of(hs1(), hs2(), hs3(), hs4(), hs5(), hs38(), hs45(), hs110(), activeQuadratic(30, 7));
    }
}
