package io.fixpoint.bench.suite.mgh;

/**
 * MGH (19): r_i = y_i − (x1 e^{−t_i x5} + x2 e^{−(t_i − x9)² x6} + x3 e^{−(t_i − x10)² x7}
 * + x4 e^{−(t_i − x11)² x8}), t_i = (i − 1)/10, i = 1..65; x0 = (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2,
 * 4.5, 5.5); f* = 4.01377…e−2.
 */
public final class Osborne2 extends SumOfSquares {
    private static final double[] Y = {
        1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608,
        0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
        0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428,
        0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559,
        0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

    public Osborne2() {
        super("osborne-2", 11, 65);
    }

    @Override
    public double[] start() {
        return new double[] {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5};
    }

    // Bump k = 1..3 has amplitude x[k], width x[4 + k] and centre x[7 + k] (0-based).
    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 65; i++) {
            double t = i / 10.0;
            double model = x[0] * Math.exp(-t * x[4]);
            for (int k = 1; k <= 3; k++) {
                double d = t - x[7 + k];
                model += x[k] * Math.exp(-d * d * x[4 + k]);
            }
            r[i] = Y[i] - model;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 65; i++) {
            double t = i / 10.0;
            int row = 11 * i;
            double e = Math.exp(-t * x[4]);
            jac[row] = -e;
            jac[row + 4] = t * x[0] * e;
            for (int k = 1; k <= 3; k++) {
                double d = t - x[7 + k];
                double g = Math.exp(-d * d * x[4 + k]);
                jac[row + k] = -g;
                jac[row + 4 + k] = d * d * x[k] * g;
                jac[row + 7 + k] = -2 * x[4 + k] * d * x[k] * g;
            }
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 65; i++) {
            double t = i / 10.0;
            // r = y − model, so every second derivative of the model enters with −w.
            double c = -w[i];
            double e = c * Math.exp(-t * x[4]);
            addSymmetric(s, 0, 4, -t * e);
            addSymmetric(s, 4, 4, t * t * x[0] * e);
            for (int k = 1; k <= 3; k++) {
                double a = x[4 + k];
                double d = t - x[7 + k];
                double q = d * d;
                double g = c * Math.exp(-q * a);
                int wid = 4 + k;
                int cen = 7 + k;
                addSymmetric(s, k, wid, -q * g);
                addSymmetric(s, k, cen, 2 * a * d * g);
                addSymmetric(s, wid, wid, q * q * x[k] * g);
                addSymmetric(s, wid, cen, 2 * x[k] * d * g * (1 - a * q));
                addSymmetric(s, cen, cen, 2 * a * x[k] * g * (2 * a * q - 1));
            }
        }
    }
}
