package io.fixpoint.bench.suite.mgh;

/**
 * MGH (11), Gulf research and development: r_i = exp(−|y_i − x2|^{x3}/x1) − t_i, t_i = i/100,
 * y_i = 25 + (−50 ln t_i)^{2/3}, 3 ≤ m ≤ 100; x0 = (5, 2.5, 0.15); f* = 0 at (50, 25, 1.5). The paper
 * prints "y_i mi x2": the "mi" is a minus sign. The default m = 99 leaves out t = 1, whose |y − x2| is 0
 * at the minimiser, where the derivative in x3 (through ln|y − x2|) does not exist.
 */
public final class Gulf extends SumOfSquares {

    public Gulf() {
        this(99);
    }

    public Gulf(int m) {
        super("gulf", 3, m);
        if (m > 100) {
            throw new IllegalArgumentException("gulf: m must be at most 100, got " + m);
        }
    }

    @Override
    public double[] start() {
        return new double[] {5, 2.5, 0.15};
    }

    private static double t(int i) {
        return (i + 1) / 100.0;
    }

    private static double y(int i) {
        return 25 + Math.pow(-50 * Math.log(t(i)), 2.0 / 3.0);
    }

    @Override
    public void residuals(double[] x, double[] r) {
        for (int i = 0; i < m(); i++) {
            r[i] = Math.exp(-Math.pow(Math.abs(y(i) - x[1]), x[2]) / x[0]) - t(i);
        }
    }

    // r = e^g − t with g = −p/x1, p = |u|^{x3}, u = x2 − y: ∇r = e^g ∇g, ∇²r = e^g (∇g∇gᵀ + ∇²g).
    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        for (int i = 0; i < m(); i++) {
            double u = x[1] - y(i);
            double p = Math.pow(Math.abs(u), x[2]);
            double e = Math.exp(-p / x[0]);
            jac[3 * i] = e * p / (x[0] * x[0]);
            jac[3 * i + 1] = -e * x[2] * p / (u * x[0]);
            jac[3 * i + 2] = -e * p * Math.log(Math.abs(u)) / x[0];
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        double a = x[0];
        double c = x[2];
        for (int i = 0; i < m(); i++) {
            double u = x[1] - y(i);
            double lg = Math.log(Math.abs(u));
            double p = Math.pow(Math.abs(u), c);
            double e = w[i] * Math.exp(-p / a);
            double p1 = c * p / u;
            double p2 = p * lg;
            double g0 = p / (a * a);
            double g1 = -p1 / a;
            double g2 = -p2 / a;
            addSymmetric(s, 0, 0, e * (g0 * g0 - 2 * p / (a * a * a)));
            addSymmetric(s, 0, 1, e * (g0 * g1 + p1 / (a * a)));
            addSymmetric(s, 0, 2, e * (g0 * g2 + p2 / (a * a)));
            addSymmetric(s, 1, 1, e * (g1 * g1 - c * (c - 1) * p / (u * u * a)));
            addSymmetric(s, 1, 2, e * (g1 * g2 - p * (1 + c * lg) / (u * a)));
            addSymmetric(s, 2, 2, e * (g2 * g2 - p * lg * lg / a));
        }
    }
}
