package io.fixpoint.problem;

/** f(x) = ½‖r(x)‖², ∇f = Jᵀr: a least-squares problem seen as an objective. */
final class SumOfSquares implements Objective {
    private final LeastSquaresProblem p;
    private final double[] r;
    private final double[] jac;

    SumOfSquares(LeastSquaresProblem p) {
        this.p = p;
        this.r = new double[p.residualCount()];
        this.jac = new double[p.residualCount() * p.dimension()];
    }

    @Override
    public int dimension() {
        return p.dimension();
    }

    @Override
    public double value(double[] x) {
        p.residuals(x, r);
        return 0.5 * io.fixpoint.linalg.Vectors.dot(r, r);
    }

    @Override
    public void gradient(double[] x, double[] g) {
        valueAndGradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        int m = r.length;
        int n = g.length;
        p.residuals(x, r);
        p.jacobian(x, jac);
        java.util.Arrays.fill(g, 0);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += r[i] * r[i];
            for (int j = 0; j < n; j++) {
                g[j] += jac[i * n + j] * r[i];
            }
        }
        return 0.5 * s;
    }
}
