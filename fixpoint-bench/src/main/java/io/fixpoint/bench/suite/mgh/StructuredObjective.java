package io.fixpoint.bench.suite.mgh;

import io.fixpoint.problem.Objective;

/** f = Σrᵢ², ∇f = 2Jᵀr, ∇²f·v = 2(Jᵀ(Jv) + Σ rᵢ∇²rᵢ·v), all through O(n) products; workspaces reused. */
final class StructuredObjective implements Objective {
    private final StructuredSumOfSquares f;
    private final double[] r;
    private final double[] jv;

    StructuredObjective(StructuredSumOfSquares f) {
        this.f = f;
        this.r = new double[f.m()];
        this.jv = new double[f.m()];
    }

    @Override
    public int dimension() {
        return f.n();
    }

    @Override
    public double value(double[] x) {
        f.residualsAtScale(x, r);
        return SumOfSquares.sumOfSquares(r);
    }

    @Override
    public void gradient(double[] x, double[] g) {
        valueAndGradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        f.residualsAtScale(x, r);
        double value = 0;
        for (int i = 0; i < r.length; i++) {
            value += r[i] * r[i];
            r[i] *= 2;
        }
        f.jacobianTransposeProduct(x, r, g);
        return value;
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        f.residualsAtScale(x, r);
        f.jacobianProduct(x, v, jv);
        for (int i = 0; i < jv.length; i++) {
            jv[i] *= 2;
            r[i] *= 2;
        }
        f.jacobianTransposeProduct(x, jv, hv);
        f.addResidualHessianProduct(x, r, v, hv);
    }
}
