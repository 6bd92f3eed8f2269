package io.fixpoint.bench.suite.mgh;

/**
 * MGH (26): r_i = n − Σ_j cos x_j + i(1 − cos x_i) − sin x_i, m = n; x0 = (1/n, …); f* = 0 at the origin
 * (from the standard start, methods usually stop at a local minimum, 2.79506…e−5 for n = 10).
 */
public final class Trigonometric extends StructuredSumOfSquares {

    public Trigonometric(int n) {
        super("trigonometric", n, n);
    }

    @Override
    public double[] start() {
        double[] x = new double[n()];
        java.util.Arrays.fill(x, 1.0 / n());
        return x;
    }

    @Override
    public void residuals(double[] x, double[] r) {
        int n = n();
        double sumCos = 0;
        for (double v : x) {
            sumCos += Math.cos(v);
        }
        for (int i = 0; i < n; i++) {
            r[i] = n - sumCos + (i + 1) * (1 - Math.cos(x[i])) - Math.sin(x[i]);
        }
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        int n = n();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = Math.sin(x[j]);
            }
            jac[i * n + i] += (i + 1) * Math.sin(x[i]) - Math.cos(x[i]);
        }
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        double sumW = 0;
        for (double v : w) {
            sumW += v;
        }
        // ∇²r_i = diag(cos x) + ((i + 1) cos x_i + sin x_i) e_i e_iᵀ.
        for (int j = 0; j < n(); j++) {
            double c = Math.cos(x[j]);
            addSymmetric(s, j, j, sumW * c + w[j] * ((j + 1) * c + Math.sin(x[j])));
        }
    }

    /**
     * rᵢ = Σⱼ 2sin²(xⱼ/2) + (i + 1)·2sin²(xᵢ/2) − sin xᵢ: the paper's n − Σcos xⱼ and 1 − cos xᵢ without
     * their cancellation, which near the start x = 1/n leaves no correct digit once n reaches 10⁶ (the
     * fixed-size set keeps the paper's form, on which its frozen counts rest).
     */
    @Override
    public void residualsAtScale(double[] x, double[] r) {
        int n = n();
        double sum = 0;
        for (double v : x) {
            double s = Math.sin(0.5 * v);
            sum += 2 * s * s;
        }
        for (int i = 0; i < n; i++) {
            double s = Math.sin(0.5 * x[i]);
            r[i] = sum + (i + 1) * (2 * s * s) - Math.sin(x[i]);
        }
    }

    /** J = 1·(sin x)ᵀ + diag((i + 1) sin xᵢ − cos xᵢ). */
    @Override
    public void jacobianTransposeProduct(double[] x, double[] u, double[] out) {
        double sumU = 0;
        for (double v : u) {
            sumU += v;
        }
        for (int j = 0; j < n(); j++) {
            double s = Math.sin(x[j]);
            out[j] = s * sumU + u[j] * ((j + 1) * s - Math.cos(x[j]));
        }
    }

    @Override
    public void jacobianProduct(double[] x, double[] v, double[] out) {
        double sv = 0;
        for (int j = 0; j < n(); j++) {
            sv += Math.sin(x[j]) * v[j];
        }
        for (int i = 0; i < n(); i++) {
            out[i] = sv + ((i + 1) * Math.sin(x[i]) - Math.cos(x[i])) * v[i];
        }
    }

    @Override
    public void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out) {
        double sumW = 0;
        for (double u : w) {
            sumW += u;
        }
        for (int j = 0; j < n(); j++) {
            double c = Math.cos(x[j]);
            out[j] += (sumW * c + w[j] * ((j + 1) * c + Math.sin(x[j]))) * v[j];
        }
    }
}
