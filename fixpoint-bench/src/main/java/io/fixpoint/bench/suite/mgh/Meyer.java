package io.fixpoint.bench.suite.mgh;

/** MGH (10): r_i = x1 exp(x2/(t_i + x3)) − y_i, t_i = 45 + 5i, i = 1..16; x0 = (0.02, 4000, 250); f* = 87.9458…. */
public final class Meyer extends SumOfSquares {
    private static final double[] Y = {
        34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872};

    public Meyer() {
        super("meyer", 3, 16);
    }

    @Override
    public double[] start() {
        return new double[] {0.02, 4000, 250};
    }

    private static double t(int i) {
        return 50 + 5 * i;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < 16; i++) {
            r[i] = x[0] * Math.exp(x[1] / (t(i) + x[2])) - Y[i];
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < 16; i++) {
            double d = t(i) + x[2];
            double e = Math.exp(x[1] / d);
            jac[3 * i] = e;
            jac[3 * i + 1] = x[0] * e / d;
            jac[3 * i + 2] = -x[0] * x[1] * e / (d * d);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < 16; i++) {
            double d = t(i) + x[2];
            double e = w[i] * Math.exp(x[1] / d);
            double d2 = d * d;
            addSymmetric(s, 0, 1, e / d);
            addSymmetric(s, 0, 2, -x[1] * e / d2);
            addSymmetric(s, 1, 1, x[0] * e / d2);
            addSymmetric(s, 1, 2, -x[0] * e * (x[1] + d) / (d2 * d));
            addSymmetric(s, 2, 2, x[0] * x[1] * e * (x[1] + 2 * d) / (d2 * d2));
        }
    }
}
