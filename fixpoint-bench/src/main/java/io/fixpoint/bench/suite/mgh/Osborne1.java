package io.fixpoint.bench.suite.mgh;

/**
 * MGH (17): r_i = y_i − (x1 + x2 e^{−t_i x4} + x3 e^{−t_i x5}), t_i = 10(i − 1), i = 1..33;
 * x0 = (0.5, 1.5, −1, 0.01, 0.02); f* = 5.46489…e−5.
 */
public final class Osborne1 extends SumOfSquares {
    private static final double[] Y = {
        0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658,
        0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431,
        0.424, 0.420, 0.414, 0.411, 0.406};

    public Osborne1() {
        super("osborne-1", 5, 33);
    }

    @Override
    public double[] start() {
        return new double[] {0.5, 1.5, -1, 0.01, 0.02};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 33; i++) {
            double t = 10.0 * i;
            r[i] = Y[i] - (x[0] + x[1] * Math.exp(-t * x[3]) + x[2] * Math.exp(-t * x[4]));
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 33; i++) {
            double t = 10.0 * i;
            double e4 = Math.exp(-t * x[3]);
            double e5 = Math.exp(-t * x[4]);
            jac[5 * i] = -1;
            jac[5 * i + 1] = -e4;
            jac[5 * i + 2] = -e5;
            jac[5 * i + 3] = t * x[1] * e4;
            jac[5 * i + 4] = t * x[2] * e5;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 33; i++) {
            double t = 10.0 * i;
            double e4 = w[i] * Math.exp(-t * x[3]);
            double e5 = w[i] * Math.exp(-t * x[4]);
            addSymmetric(s, 1, 3, t * e4);
            addSymmetric(s, 3, 3, -t * t * x[1] * e4);
            addSymmetric(s, 2, 4, t * e5);
            addSymmetric(s, 4, 4, -t * t * x[2] * e5);
        }
    }
}
