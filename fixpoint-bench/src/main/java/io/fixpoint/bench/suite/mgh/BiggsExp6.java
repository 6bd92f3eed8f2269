package io.fixpoint.bench.suite.mgh;

/**
 * MGH (18): r_i = x3 e^{−t_i x1} − x4 e^{−t_i x2} + x6 e^{−t_i x5} − y_i, t_i = 0.1 i,
 * y_i = e^{−t_i} − 5e^{−10 t_i} + 3e^{−4 t_i}, i = 1..m (m ≥ 6, usually 13); x0 = (1, 2, 1, 1, 1, 1);
 * f* = 0 at (1, 10, 1, 5, 4, 3), and a local minimum 5.65565…e−3 for m = 13.
 */
public final class BiggsExp6 extends SumOfSquares {

    public BiggsExp6() {
        this(13);
    }

    public BiggsExp6(int m) {
        super("biggs-exp6", 6, m);
    }

    @Override
    public double[] start() {
        return new double[] {1, 2, 1, 1, 1, 1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
            r[i] = x[2] * Math.exp(-t * x[0]) - x[3] * Math.exp(-t * x[1]) + x[5] * Math.exp(-t * x[4]) - y;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            double e1 = Math.exp(-t * x[0]);
            double e2 = Math.exp(-t * x[1]);
            double e5 = Math.exp(-t * x[4]);
            int row = 6 * i;
            jac[row] = -t * x[2] * e1;
            jac[row + 1] = t * x[3] * e2;
            jac[row + 2] = e1;
            jac[row + 3] = -e2;
            jac[row + 4] = -t * x[5] * e5;
            jac[row + 5] = e5;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            double e1 = w[i] * Math.exp(-t * x[0]);
            double e2 = w[i] * Math.exp(-t * x[1]);
            double e5 = w[i] * Math.exp(-t * x[4]);
            addSymmetric(s, 0, 0, t * t * x[2] * e1);
            addSymmetric(s, 0, 2, -t * e1);
            addSymmetric(s, 1, 1, -t * t * x[3] * e2);
            addSymmetric(s, 1, 3, t * e2);
            addSymmetric(s, 4, 4, t * t * x[5] * e5);
            addSymmetric(s, 4, 5, -t * e5);
        }
    }
}
