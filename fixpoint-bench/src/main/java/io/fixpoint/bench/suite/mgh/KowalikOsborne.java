package io.fixpoint.bench.suite.mgh;

/**
 * MGH (15): r_i = y_i − x1(u_i² + u_i x2)/(u_i² + u_i x3 + x4), i = 1..11, with the paper's data (u as
 * printed, rounded); x0 = (0.25, 0.39, 0.415, 0.39); f* = 3.07505…e−4.
 */
public final class KowalikOsborne extends SumOfSquares {
    private static final double[] Y = {
        0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246};
    private static final double[] U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

    public KowalikOsborne() {
        super("kowalik-osborne", 4, 11);
    }

    @Override
    public double[] start() {
        return new double[] {0.25, 0.39, 0.415, 0.39};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 11; i++) {
            double u = U[i];
            r[i] = Y[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 11; i++) {
            double u = U[i];
            double num = u * u + u * x[1];
            double d = u * u + u * x[2] + x[3];
            jac[4 * i] = -num / d;
            jac[4 * i + 1] = -x[0] * u / d;
            jac[4 * i + 2] = x[0] * num * u / (d * d);
            jac[4 * i + 3] = x[0] * num / (d * d);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 11; i++) {
            double u = U[i];
            double num = u * u + u * x[1];
            double d = u * u + u * x[2] + x[3];
            double d2 = d * d;
            double d3 = d2 * d;
            double c = w[i];
            addSymmetric(s, 0, 1, -c * u / d);
            addSymmetric(s, 0, 2, c * num * u / d2);
            addSymmetric(s, 0, 3, c * num / d2);
            addSymmetric(s, 1, 2, c * x[0] * u * u / d2);
            addSymmetric(s, 1, 3, c * x[0] * u / d2);
            addSymmetric(s, 2, 2, -2 * c * x[0] * num * u * u / d3);
            addSymmetric(s, 2, 3, -2 * c * x[0] * num * u / d3);
            addSymmetric(s, 3, 3, -2 * c * x[0] * num / d3);
        }
    }
}
