package io.fixpoint.bench.suite.mgh;

/** MGH (6): r_i = 2 + 2i − (e^{i x1} + e^{i x2}), i = 1..m; x0 = (0.3, 0.4); f* = 124.362… for m = 10. */
public final class JennrichSampson extends SumOfSquares {

    public JennrichSampson() {
        this(10);
    }

    public JennrichSampson(int m) {
        super("jennrich-sampson", 2, m);
    }

    @Override
    public double[] start() {
        return new double[] {0.3, 0.4};
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < m(); i++) {
            int k = i + 1;
            r[i] = 2 + 2 * k - (Math.exp(k * x[0]) + Math.exp(k * x[1]));
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < m(); i++) {
            int k = i + 1;
            jac[2 * i] = -k * Math.exp(k * x[0]);
            jac[2 * i + 1] = -k * Math.exp(k * x[1]);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        for (int i = 0; i < m(); i++) {
            int k = i + 1;
            addSymmetric(s, 0, 0, -w[i] * k * k * Math.exp(k * x[0]));
            addSymmetric(s, 1, 1, -w[i] * k * k * Math.exp(k * x[1]));
        }
    }
}
