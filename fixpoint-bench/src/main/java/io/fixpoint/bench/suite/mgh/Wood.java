package io.fixpoint.bench.suite.mgh;

/**
 * MGH (14): r1 = 10(x2 − x1²), r2 = 1 − x1, r3 = √90(x4 − x3²), r4 = 1 − x3, r5 = √10(x2 + x4 − 2),
 * r6 = (x2 − x4)/√10; x0 = (−3, −1, −3, −1); f* = 0 at (1, 1, 1, 1).
 */
public final class Wood extends SumOfSquares {
    private static final double SQRT90 = Math.sqrt(90);
    private static final double SQRT10 = Math.sqrt(10);

    public Wood() {
        super("wood", 4, 6);
    }

    @Override
    public double[] start() {
        return new double[] {-3, -1, -3, -1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
        r[2] = SQRT90 * (x[3] - x[2] * x[2]);
        r[3] = 1 - x[2];
        r[4] = SQRT10 * (x[1] + x[3] - 2);
        r[5] = (x[1] - x[3]) / SQRT10;
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        jac[0] = -20 * x[0];
        jac[1] = 10;
        jac[4] = -1;
        jac[8 + 2] = -2 * SQRT90 * x[2];
        jac[8 + 3] = SQRT90;
        jac[12 + 2] = -1;
        jac[16 + 1] = SQRT10;
        jac[16 + 3] = SQRT10;
        jac[20 + 1] = 1 / SQRT10;
        jac[20 + 3] = -1 / SQRT10;
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        addSymmetric(s, 0, 0, -20 * w[0]);
        addSymmetric(s, 2, 2, -2 * SQRT90 * w[2]);
    }
}
