package io.fixpoint.bench.suite.mgh;

/**
 * MGH (16): r_i = (x1 + t_i x2 − e^{t_i})² + (x3 + x4 sin t_i − cos t_i)², t_i = i/5, i = 1..m (m ≥ 4,
 * usually 20); x0 = (25, 5, −5, −1); f* = 85822.2… for m = 20.
 */
public final class BrownDennis extends SumOfSquares {

    public BrownDennis() {
        this(20);
    }

    public BrownDennis(int m) {
        super("brown-dennis", 4, m);
    }

    @Override
    public double[] start() {
        return new double[] {25, 5, -5, -1};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < m(); i++) {
            double t = (i + 1) / 5.0;
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            r[i] = a * a + b * b;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < m(); i++) {
            double t = (i + 1) / 5.0;
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            jac[4 * i] = 2 * a;
            jac[4 * i + 1] = 2 * a * t;
            jac[4 * i + 2] = 2 * b;
            jac[4 * i + 3] = 2 * b * Math.sin(t);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < m(); i++) {
            double t = (i + 1) / 5.0;
            double sin = Math.sin(t);
            double c = 2 * w[i];
            addSymmetric(s, 0, 0, c);
            addSymmetric(s, 0, 1, c * t);
            addSymmetric(s, 1, 1, c * t * t);
            addSymmetric(s, 2, 2, c);
            addSymmetric(s, 2, 3, c * sin);
            addSymmetric(s, 3, 3, c * sin * sin);
        }
    }
}
