package io.fixpoint.bench.suite.mgh;

import java.util.function.BiConsumer;

/** Fourth-order central differences, D(h) = [8(F(x+h) − F(x−h)) − (F(x+2h) − F(x−2h))]/(12h). */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** Step for coordinate j: relative to |x_j|, never below an absolute floor. */
    static double step(double xj) {
        return 3e-4 * Math.max(Math.abs(xj), 1e-2);
    }

    /**
     * Column j of the derivative of the vector function F: R^n → R^len, written as out[j][·].
     * Returns out[j][k] = ∂F_k/∂x_j.
     */
    static double[][] derivative(BiConsumer<double[], double[]> f, double[] x, int len) {
        int n = x.length;
        double[][] out = new double[n][len];
        double[] p1 = new double[len];
        double[] m1 = new double[len];
        double[] p2 = new double[len];
        double[] m2 = new double[len];
        for (int j = 0; j < n; j++) {
            double h = step(x[j]);
            eval(f, x, j, h, p1);
            eval(f, x, j, -h, m1);
            eval(f, x, j, 2 * h, p2);
            eval(f, x, j, -2 * h, m2);
            for (int k = 0; k < len; k++) {
                out[j][k] = (8 * (p1[k] - m1[k]) - (p2[k] - m2[k])) / (12 * h);
            }
        }
        return out;
    }

    private static void eval(BiConsumer<double[], double[]> f, double[] x, int j, double h, double[] out) {
        double[] y = x.clone();
        y[j] += h;
        f.accept(y, out);
    }
}
