package io.fixpoint.bench.suite.mgh;

/**
 * MGH (12): r_i = e^{−t_i x1} − e^{−t_i x2} − x3(e^{−t_i} − e^{−10 t_i}), t_i = 0.1 i, i = 1..m (m ≥ 3,
 * usually 10); x0 = (0, 10, 20); f* = 0 at (1, 10, 1), (10, 1, −1) and wherever x1 = x2, x3 = 0.
 */
public final class Box3d extends SumOfSquares {

    public Box3d() {
        this(10);
    }

    public Box3d(int m) {
        super("box-3d", 3, m);
    }

    @Override
    public double[] start() {
        return new double[] {0, 10, 20};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            r[i] = Math.exp(-t * x[0]) - Math.exp(-t * x[1]) - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            jac[3 * i] = -t * Math.exp(-t * x[0]);
            jac[3 * i + 1] = t * Math.exp(-t * x[1]);
            jac[3 * i + 2] = Math.exp(-10 * t) - Math.exp(-t);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < m(); i++) {
            double t = 0.1 * (i + 1);
            addSymmetric(s, 0, 0, w[i] * t * t * Math.exp(-t * x[0]));
            addSymmetric(s, 1, 1, -w[i] * t * t * Math.exp(-t * x[1]));
        }
    }
}
