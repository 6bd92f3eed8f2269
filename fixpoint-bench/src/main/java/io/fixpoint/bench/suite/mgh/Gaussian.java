package io.fixpoint.bench.suite.mgh;

/** MGH (9): r_i = x1 exp(−x2(t_i − x3)²/2) − y_i, t_i = (8 − i)/2, i = 1..15; x0 = (0.4, 1, 0); f* = 1.12793…e−8. */
public final class Gaussian extends SumOfSquares {
    private static final double[] Y = {
        0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
        0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    public Gaussian() {
        super("gaussian", 3, 15);
    }

    @Override
    public double[] start() {
        return new double[] {0.4, 1, 0};
    }

    private static double t(int i) {
        return (7 - i) / 2.0;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 15; i++) {
            double d = t(i) - x[2];
            r[i] = x[0] * Math.exp(-x[1] * d * d / 2) - Y[i];
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 15; i++) {
            double d = t(i) - x[2];
            double e = Math.exp(-x[1] * d * d / 2);
            jac[3 * i] = e;
            jac[3 * i + 1] = -x[0] * d * d * e / 2;
            jac[3 * i + 2] = x[0] * x[1] * d * e;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 15; i++) {
            double d = t(i) - x[2];
            double q = d * d;
            double e = w[i] * Math.exp(-x[1] * q / 2);
            addSymmetric(s, 0, 1, -q * e / 2);
            addSymmetric(s, 0, 2, x[1] * d * e);
            addSymmetric(s, 1, 1, x[0] * q * q * e / 4);
            addSymmetric(s, 1, 2, x[0] * d * e * (1 - x[1] * q / 2));
            addSymmetric(s, 2, 2, x[0] * x[1] * e * (x[1] * q - 1));
        }
    }
}
