package io.fixpoint.bench.suite.mgh;

/** MGH (4): r1 = x1 − 10⁶, r2 = x2 − 2·10⁻⁶, r3 = x1x2 − 2; x0 = (1, 1); f* = 0 at (10⁶, 2·10⁻⁶). */
public final class BrownBadlyScaled extends SumOfSquares {

    public BrownBadlyScaled() {
        super("brown-badly-scaled", 2, 3);
    }

    @Override
    public double[] start() {
        return new double[] {1, 1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        r[0] = x[0] - 1e6;
        r[1] = x[1] - 2e-6;
        r[2] = x[0] * x[1] - 2;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        jac[0] = 1;
        jac[3] = 1;
        jac[4] = x[1];
        jac[5] = x[0];
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        addSymmetric(s, 0, 1, w[2]);
    }
}
