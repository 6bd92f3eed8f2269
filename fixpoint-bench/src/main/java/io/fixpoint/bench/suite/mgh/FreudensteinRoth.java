package io.fixpoint.bench.suite.mgh;

/**
 * MGH (2): r1 = −13 + x1 + ((5 − x2)x2 − 2)x2, r2 = −29 + x1 + ((x2 + 1)x2 − 14)x2; x0 = (0.5, −2);
 * f* = 0 at (5, 4), and a local minimum f = 48.9842… at (11.41…, −0.8968…).
 */
public final class FreudensteinRoth extends SumOfSquares {

    public FreudensteinRoth() {
        super("freudenstein-roth", 2, 2);
    }

    @Override
    public double[] start() {
        return new double[] {0.5, -2};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        double y = x[1];
        r[0] = -13 + x[0] + ((5 - y) * y - 2) * y;
        r[1] = -29 + x[0] + ((y + 1) * y - 14) * y;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        double y = x[1];
        jac[0] = 1;
        jac[1] = (10 - 3 * y) * y - 2;
        jac[2] = 1;
        jac[3] = (3 * y + 2) * y - 14;
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        addSymmetric(s, 1, 1, w[0] * (10 - 6 * x[1]) + w[1] * (6 * x[1] + 2));
    }
}
