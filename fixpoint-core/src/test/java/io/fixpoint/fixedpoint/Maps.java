package io.fixpoint.fixedpoint;

import io.fixpoint.problem.FixedPointMap;

/** Small maps with known answers for the fixed-point tests. */
final class Maps {
    private Maps() {
    }

    static final double DOTTIE = 0.7390851332151607;

    static FixedPointMap cos() {
        return FixedPointMap.of(1, (x, out) -> out[0] = Math.cos(x[0]));
    }

    /** x + 1: no fixed point, v = x − T(x) = −1. */
    static FixedPointMap shift() {
        return FixedPointMap.of(1, (x, out) -> out[0] = x[0] + 1);
    }

    /** Projection onto the disc of radius rho about c. */
    static void project(double[] x, double cx, double cy, double rho, double[] out) {
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

    /**
     * Douglas–Rachford T = ½(I + R_A R_B) for the unit discs A about (0,0) and B about (3,1): they
     * are disjoint, so T has no fixed point and x − T(x) → v = b* − a*, the gap between the nearest
     * points, (3,1)·(1 − 2/√10).
     */
    static FixedPointMap disjointDiscs() {
        double[] pb = new double[2];
        double[] rb = new double[2];
        double[] pa = new double[2];
        return FixedPointMap.of(2, (x, out) -> {
            project(x, 3, 1, 1, pb);
            rb[0] = 2 * pb[0] - x[0];
            rb[1] = 2 * pb[1] - x[1];
            project(rb, 0, 0, 1, pa);
            // R_A R_B x = 2 P_A(rb) − rb;  T x = ½(x + R_A R_B x) = x + P_A(rb) − P_B(x)
            out[0] = x[0] + pa[0] - pb[0];
            out[1] = x[1] + pa[1] - pb[1];
        });
    }

    static double[] discGap() {
        double s = 1 - 2 / Math.sqrt(10);
        return new double[] {3 * s, 1 * s};
    }
}
