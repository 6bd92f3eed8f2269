package io.fixpoint.bench.suite.mgh;

/**
 * MGH (29): r_i = x_i + h[(1 − t_i) Σ_{j≤i} t_j (x_j + t_j + 1)³ + t_i Σ_{j>i} (1 − t_j)(x_j + t_j + 1)³]/2,
 * h = 1/(n + 1), t_i = ih; m = n; x0_j = t_j(t_j − 1); f* = 0.
 */
public final class DiscreteIntegralEquation extends SumOfSquares {

    public DiscreteIntegralEquation(int n) {
        super("discrete-integral-equation", n, n);
    }

    private double h() {
        return 1.0 / (n() + 1);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        for (int j = 0; j < n(); j++) {
            double t = (j + 1) * h();
            x[j] = t * (t - 1);
        }
        return x;
    }

    /** The Green's-function weight of x_j in r_i (without the factor h/2). */
    private double kernel(int i, int j) {
        double ti = (i + 1) * h();
        double tj = (j + 1) * h();
        return j <= i ? (1 - ti) * tj : ti * (1 - tj);
    }

    private double u(double[] x, int j) {
        return x[j] + (j + 1) * h() + 1;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double u = u(x, j);
                sum += kernel(i, j) * u * u * u;
            }
            r[i] = x[i] + h() * sum / 2;
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double u = u(x, j);
                jac[i * n + j] = 1.5 * h() * kernel(i, j) * u * u;
            }
            jac[i * n + i] += 1;
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        int n = n();
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += w[i] * kernel(i, j);
            }
            addSymmetric(s, j, j, 3 * h() * u(x, j) * c);
        }
    }
}
