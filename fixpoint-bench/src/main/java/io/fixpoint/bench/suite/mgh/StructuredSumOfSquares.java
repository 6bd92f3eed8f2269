package io.fixpoint.bench.suite.mgh;

import io.fixpoint.problem.Objective;

/**
 * A variable-dimension sum of squares whose residual derivatives are also available as products with
 * vectors in O(n) time and memory: Jᵀu, Jv and Σ wᵢ∇²rᵢ·v. Through {@link #asStructuredObjective()} the
 * same residuals then serve at any size, up to n = 10⁷, with the exact gradient 2Jᵀr and Hessian-vector
 * products 2(Jᵀ(Jv) + Σ rᵢ∇²rᵢ·v), where the dense Jacobian of {@link #asObjective()} would need m·n numbers.
 */
public abstract class StructuredSumOfSquares extends SumOfSquares {

    protected StructuredSumOfSquares(String name, int n, int m) {
        super(name, n, m);
    }

    /**
     * The residuals as the structured objective evaluates them: {@link #residuals}, unless the paper's
     * form loses accuracy at large n and a problem overrides this with an equivalent that does not.
     */
    public void residualsAtScale(double[] x, double[] r) {
        residuals(x, r);
    }

    /** Writes Jᵀu into {@code out} (u of length m, out of length n). */
    public abstract void jacobianTransposeProduct(double[] x, double[] u, double[] out);

    /** Writes Jv into {@code out} (v of length n, out of length m). */
    public abstract void jacobianProduct(double[] x, double[] v, double[] out);

    /** Adds Σᵢ wᵢ∇²rᵢ(x)·v to {@code out}. */
    public abstract void addResidualHessianProduct(double[] x, double[] w, double[] v, double[] out);

    /**
     * The objective f = Σrᵢ² through the products: value, gradient and Hessian-vector products in O(n),
     * allocating nothing after construction (workspaces of m and n numbers). Not thread-safe: give each
     * thread its own view.
     */
    public Objective asStructuredObjective() {
        return new StructuredObjective(this);
    }
}
