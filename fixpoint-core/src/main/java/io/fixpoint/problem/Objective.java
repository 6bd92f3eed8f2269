package io.fixpoint.problem;

/**
 * A smooth function f: R^n → R to minimise, with its gradient and, optionally, its Hessian or
 * Hessian-vector product.
 */
public interface Objective extends Problem<Objective> {

    double value(double[] x);

    /** Writes ∇f(x) into {@code g}. */
    void gradient(double[] x, double[] g);

    /** f(x), writing ∇f(x) into {@code g}; override when the two share work. */
    default double valueAndGradient(double[] x, double[] g) {
        gradient(x, g);
        return value(x);
    }

    default boolean hasHessian() {
        return false;
    }

    /** Writes ∇²f(x) into {@code h}, row-major n×n. */
    default void hessian(double[] x, double[] h) {
        throw new UnsupportedOperationException("this objective has no Hessian");
    }

    default boolean hasHessianVector() {
        return hasHessian();
    }

    /** Writes ∇²f(x)·v into {@code hv}; by default through the full Hessian. */
    default void hessianVector(double[] x, double[] v, double[] hv) {
        int n = dimension();
        double[] h = new double[n * n];
        hessian(x, h);
        DenseProducts.multiply(h, v, hv);
    }

    @Override
    default Objective counted(Counts counts) {
        return new CountedObjective(this, counts);
    }
}
