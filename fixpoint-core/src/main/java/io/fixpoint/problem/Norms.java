package io.fixpoint.problem;

import io.fixpoint.linalg.Vectors;

/** The norms that make a linear program's KKT residuals relative (PDLP's convention). */
final class Norms {
    private Norms() {
    }

    static double objective(double[] c) {
        return Vectors.norm(c);
    }

    static double bounds(double[] lower, double[] upper) {
        double s = 0;
        for (int i = 0; i < lower.length; i++) {
            if (Double.isFinite(lower[i]) && lower[i] != upper[i]) {
                s += lower[i] * lower[i];
            }
            if (Double.isFinite(upper[i])) {
                s += upper[i] * upper[i];
            }
        }
        return Math.sqrt(s);
    }
}
