package io.fixpoint.bench.fixedpoint;

import io.fixpoint.problem.FixedPointMap;
import java.util.List;

/**
 * Standard fixed-point maps: contractive and nonexpansive linear maps, cos, a discretised nonlinear
 * elliptic PDE, the entropic optimal-transport (Sinkhorn) scaling map, and maps without a fixed point
 * (Douglas–Rachford between disjoint convex sets, a translated averaged rotation, x + 1).
 */
public final class FixedPointMaps {
    private FixedPointMaps() {
    }

    /** Maps that have a fixed point. */
    public static List<FixedPointCase> withFixedPoints() {
        return List.of(contractiveLinear(), averagedRotation(), cos(), ellipticPde(16), sinkhorn(20, 0.1));
    }

    /** Maps without a fixed point, with their displacement vectors. */
    public static List<FixedPointCase> withoutFixedPoints() {
        return List.of(disjointDiscs(), discAndHalfPlane(), translatedAveraged(), shift());
    }

    /** T(x) = A x + b with ‖A‖ = 0.9 (diagonal spectrum 0.9·j/n), n = 20; fixed point (I − A)⁻¹b. */
    public static FixedPointCase contractiveLinear() {
        int n = 20;
        double[] a = new double[n];
        double[] star = new double[n];
        for (int j = 0; j < n; j++) {
            a[j] = 0.9 * (j + 1) / n;
            star[j] = 1.0 / (1 - a[j]);
        }
        // b_j = 1 so x*_j = 1/(1 − a_j); a rotation-free diagonal map keeps the answer exact.
        FixedPointMap map = FixedPointMap.of(n, (x, out) -> {
            for (int j = 0; j < n; j++) {
                out[j] = a[j] * x[j] + 1;
            }
        });
        return new FixedPointCase("contractive-linear", map, new double[n], star, null, "x ← A x + 1, A = diag(0.9 j/n), n = 20");
    }

    /** T = ½(I + R) for R the rotation by 2π/3 in the plane: nonexpansive (averaged), fixed point 0. */
    public static FixedPointCase averagedRotation() {
        double c = Math.cos(2 * Math.PI / 3);
        double s = Math.sin(2 * Math.PI / 3);
        FixedPointMap map = FixedPointMap.of(2, (x, out) -> {
            double rx = c * x[0] - s * x[1];
            double ry = s * x[0] + c * x[1];
            out[0] = 0.5 * (x[0] + rx);
            out[1] = 0.5 * (x[1] + ry);
        });
        return new FixedPointCase("averaged-rotation", map, new double[] {1, 1}, new double[] {0, 0}, null,
                "x ← ½(x + R x), R rotation by 2π/3");
    }

    public static FixedPointCase cos() {
        return new FixedPointCase("cos", FixedPointMap.of(1, (x, out) -> out[0] = Math.cos(x[0])), new double[] {1},
                new double[] {0.7390851332151607}, null, "x ← cos x (the Dottie number)");
    }

    /**
     * −Δu + u³ = f on the unit square, zero boundary, m×m interior grid, f = 10: the Jacobi-type map
     * u_ij ← (Σ neighbours + h²f) / (4 + h²u_ij²), whose fixed points solve the discrete equation.
     */
    public static FixedPointCase ellipticPde(int m) {
        int n = m * m;
        double h = 1.0 / (m + 1);
        double h2f = h * h * 10;
        FixedPointMap map = FixedPointMap.of(n, (u, out) -> {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double s = (i > 0 ? u[(i - 1) * m + j] : 0) + (i < m - 1 ? u[(i + 1) * m + j] : 0)
                            + (j > 0 ? u[i * m + j - 1] : 0) + (j < m - 1 ? u[i * m + j + 1] : 0);
                    double uij = u[i * m + j];
                    out[i * m + j] = (s + h2f) / (4 + h * h * uij * uij);
                }
            }
        });
        return new FixedPointCase("elliptic-pde", map, new double[n], null, null,
                "−Δu + u³ = 10 on a " + m + "×" + m + " grid, Jacobi-type map");
    }

    /**
     * Sinkhorn's scaling map for entropic optimal transport between two discrete measures on n points of
     * [0,1] (uniform a, a bump b), cost |s − t|², regularisation ε: u ← a ./ (K (b ./ (Kᵀ u))), written
     * in log-scaling f = ε log u so the map is well scaled. Its fixed points are the dual potentials
     * (unique up to a constant, fixed here by the normalisation of b).
     */
    public static FixedPointCase sinkhorn(int n, double eps) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] k = new double[n][n];
        double sb = 0;
        for (int i = 0; i < n; i++) {
            double s = i / (n - 1.0);
            a[i] = 1.0 / n;
            b[i] = Math.exp(-20 * (s - 0.7) * (s - 0.7)) + 0.05;
            sb += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sb;
            for (int j = 0; j < n; j++) {
                double d = (i - j) / (n - 1.0);
                k[i][j] = Math.exp(-d * d / eps);
            }
        }
        double[] v = new double[n];
        FixedPointMap map = FixedPointMap.of(n, (f, out) -> {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += k[i][j] * Math.exp(f[i] / eps);
                }
                v[j] = b[j] / s;
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += k[i][j] * v[j];
                }
                out[i] = eps * Math.log(a[i] / s);
            }
        });
        return new FixedPointCase("sinkhorn", map, new double[n], null, null,
                "entropic OT scaling map, n = " + n + ", ε = " + eps);
    }

    static void projectDisc(double[] x, double cx, double cy, double rho, double[] out) {
        double dx = x[0] - cx;
        double dy = x[1] - cy;
        double d = Math.hypot(dx, dy);
        if (d <= rho) {
            out[0] = x[0];
            out[1] = x[1];
        } else {
            out[0] = cx + rho * dx / d;
            out[1] = cy + rho * dy / d;
        }
    }

    /** Douglas–Rachford T = ½(I + R_A R_B) = I + P_A R_B − P_B, which has a fixed point iff A ∩ B ≠ ∅. */
    interface Projection {
        void project(double[] x, double[] out);
    }

    static FixedPointMap douglasRachford(Projection pA, Projection pB) {
        double[] pb = new double[2];
        double[] rb = new double[2];
        double[] pa = new double[2];
        return FixedPointMap.of(2, (x, out) -> {
            pB.project(x, pb);
            rb[0] = 2 * pb[0] - x[0];
            rb[1] = 2 * pb[1] - x[1];
            pA.project(rb, pa);
            out[0] = x[0] + pa[0] - pb[0];
            out[1] = x[1] + pa[1] - pb[1];
        });
    }

    /**
     * Douglas–Rachford between the unit discs about (0,0) and (3,1): disjoint, so x − T(x) → the gap
     * vector b* − a* = (3,1)(1 − 2/√10) between the nearest points.
     */
    public static FixedPointCase disjointDiscs() {
        double s = 1 - 2 / Math.sqrt(10);
        return new FixedPointCase("disjoint-discs",
                douglasRachford((x, o) -> projectDisc(x, 0, 0, 1, o), (x, o) -> projectDisc(x, 3, 1, 1, o)),
                new double[] {0.5, -2}, null, new double[] {3 * s, s}, "Douglas–Rachford, unit discs about (0,0) and (3,1)");
    }

    /** Douglas–Rachford between the unit disc about 0 and the half-plane {x₁ ≥ 2}: v = (1, 0). */
    public static FixedPointCase discAndHalfPlane() {
        return new FixedPointCase("disc-half-plane",
                douglasRachford((x, o) -> projectDisc(x, 0, 0, 1, o), (x, o) -> {
                    o[0] = Math.max(x[0], 2);
                    o[1] = x[1];
                }), new double[] {0, 3}, null, new double[] {1, 0}, "Douglas–Rachford, unit disc and half-plane x ≥ 2");
    }

    /**
     * T(x) = ½(x + R x) + c in R³, R the rotation by π/2 about the third axis, c = (1, 2, 0.5): the
     * averaged part moves the plane freely, so v = −(0, 0, 0.5), the part of −c outside ran(I − R).
     */
    public static FixedPointCase translatedAveraged() {
        FixedPointMap map = FixedPointMap.of(3, (x, out) -> {
            out[0] = 0.5 * (x[0] - x[1]) + 1;
            out[1] = 0.5 * (x[1] + x[0]) + 2;
            out[2] = x[2] + 0.5;
        });
        return new FixedPointCase("translated-averaged", map, new double[] {3, -1, 0}, null, new double[] {0, 0, -0.5},
                "½(x + R x) + c, R rotation by π/2 about e₃, c = (1, 2, 0.5)");
    }

    public static FixedPointCase shift() {
        return new FixedPointCase("shift", FixedPointMap.of(1, (x, out) -> out[0] = x[0] + 1), new double[] {1}, null,
                new double[] {-1}, "x ← x + 1");
    }
}
