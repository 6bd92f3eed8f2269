package io.fixpoint.bench.suite.mgh;

/** MGH (5): r_i = y_i − x1(1 − x2^i), y = (1.5, 2.25, 2.625); x0 = (1, 1); f* = 0 at (3, 0.5). */
public final class Beale extends SumOfSquares {
    private static final double[] Y = {1.5, 2.25, 2.625};

    public Beale() {
        super("beale", 2, 3);
    }

    @Override
    public double[] start() {
        return new double[] {1, 1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 3; i++) {
            r[i] = Y[i] - x[0] * (1 - Math.pow(x[1], i + 1));
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 3; i++) {
            int k = i + 1;
            jac[2 * i] = Math.pow(x[1], k) - 1;
            jac[2 * i + 1] = x[0] * k * Math.pow(x[1], k - 1);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 3; i++) {
            int k = i + 1;
            addSymmetric(s, 0, 1, w[i] * k * Math.pow(x[1], k - 1));
            if (k > 1) {
                addSymmetric(s, 1, 1, w[i] * x[0] * k * (k - 1) * Math.pow(x[1], k - 2));
            }
        }
    }
}
