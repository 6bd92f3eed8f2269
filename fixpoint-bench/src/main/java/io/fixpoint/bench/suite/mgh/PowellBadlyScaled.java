package io.fixpoint.bench.suite.mgh;

/** MGH (3): r1 = 10⁴x1x2 − 1, r2 = e^{−x1} + e^{−x2} − 1.0001; x0 = (0, 1); f* = 0 at (1.098…e−5, 9.106…). */
public final class PowellBadlyScaled extends SumOfSquares {

    public PowellBadlyScaled() {
        super("powell-badly-scaled", 2, 2);
    }

    @Override
    public double[] start() {
        return new double[] {0, 1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        r[0] = 1e4 * x[0] * x[1] - 1;
        r[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        jac[0] = 1e4 * x[1];
        jac[1] = 1e4 * x[0];
        jac[2] = -Math.exp(-x[0]);
        jac[3] = -Math.exp(-x[1]);
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        addSymmetric(s, 0, 1, 1e4 * w[0]);
        addSymmetric(s, 0, 0, w[1] * Math.exp(-x[0]));
        addSymmetric(s, 1, 1, w[1] * Math.exp(-x[1]));
    }
}
