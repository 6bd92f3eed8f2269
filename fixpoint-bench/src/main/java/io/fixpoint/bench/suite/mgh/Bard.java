package io.fixpoint.bench.suite.mgh;

/**
 * MGH (8): r_i = y_i − (x1 + u_i/(v_i x2 + w_i x3)), u_i = i, v_i = 16 − i, w_i = min(u_i, v_i), i = 1..15;
 * x0 = (1, 1, 1); f* = 8.21487…e−3 (and 17.4286… at (0.8406…, −∞, −∞)).
 */
public final class Bard extends SumOfSquares {
    private static final double[] Y = {
        0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};

    public Bard() {
        super("bard", 3, 15);
    }

    @Override
    public double[] start() {
        return new double[] {1, 1, 1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 15; i++) {
            double u = i + 1;
            double v = 15 - i;
            r[i] = Y[i] - (x[0] + u / (v * x[1] + Math.min(u, v) * x[2]));
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 15; i++) {
            double u = i + 1;
            double v = 15 - i;
            double w = Math.min(u, v);
            double d = v * x[1] + w * x[2];
            jac[3 * i] = -1;
            jac[3 * i + 1] = u * v / (d * d);
            jac[3 * i + 2] = u * w / (d * d);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] wt, double[] s) {
        for (int i = 0; i < 15; i++) {
            double u = i + 1;
            double v = 15 - i;
            double w = Math.min(u, v);
            double d = v * x[1] + w * x[2];
            double c = -2 * wt[i] * u / (d * d * d);
            addSymmetric(s, 1, 1, c * v * v);
            addSymmetric(s, 1, 2, c * v * w);
            addSymmetric(s, 2, 2, c * w * w);
        }
    }
}
