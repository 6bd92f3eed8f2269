package io.fixpoint.bench.suite.mgh;

import io.fixpoint.problem.Objective;
import java.util.Arrays;

/** f = Σ r_i², ∇f = 2Jᵀr, ∇²f = 2(JᵀJ + Σ r_i ∇²r_i); workspaces are reused, so not thread-safe. */
final class SumOfSquaresObjective implements Objective {
    private final SumOfSquares f;
    private final int n;
    private final int m;
    private final double[] r;
    private final double[] jac;
    private final double[] h;

    SumOfSquaresObjective(SumOfSquares f) {
        this.f = f;
        this.n = f.n();
        this.m = f.m();
        this.r = new double[m];
        this.jac = new double[m * n];
        this.h = new double[n * n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        f.residuals(x, r);
        return SumOfSquares.sumOfSquares(r);
    }

    @Override
    public void gradient(double[] x, double[] g) {
        valueAndGradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        f.residuals(x, r);
        f.jacobian(x, jac);
        Arrays.fill(g, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            double ri = 2 * r[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                g[j] += jac[row + j] * ri;
            }
        }
        return SumOfSquares.sumOfSquares(r);
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    @Override
    public void hessian(double[] x, double[] out) {
        f.residuals(x, r);
        f.jacobian(x, jac);
        f.weightedResidualHessian(x, r, out);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double a = jac[row + j];
                if (a != 0) {
                    for (int k = j; k < n; k++) {
                        out[j * n + k] += a * jac[row + k];
                    }
                }
            }
        }
        // S is symmetric, so the upper triangle now holds JᵀJ + S; mirror it.
        for (int j = 0; j < n; j++) {
            for (int k = j; k < n; k++) {
                double v = 2 * out[j * n + k];
                out[j * n + k] = v;
                out[k * n + j] = v;
            }
        }
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        hessian(x, h);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[i * n + j] * v[j];
            }
            hv[i] = s;
        }
    }
}
