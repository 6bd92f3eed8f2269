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

    /**
     * f(x), writing ∇f(x) into {@code g} and ∇²f(x) into {@code h} (row-major n×n); override when one
     * evaluation yields all three, as one pass over the data does for a finite sum that assembles its Hessian.
     */
    default double valueGradientAndHessian(double[] x, double[] g, double[] h) {
        hessian(x, h);
        return valueAndGradient(x, g);
    }

    default boolean hasHessianVector() {
        return hasHessian();
    }

    /**
     * Whether f is known to be convex everywhere: then every stationary point is a minimum, and a
     * second-order method need not check for a saddle where its gradient test holds (a check that costs
     * n Hessian–vector products, each a pass over the data of a finite sum). A claim: say true only when
     * it holds.
     */
    default boolean convex() {
        return false;
    }

    /**
     * Whether f is evaluated in passes over data, as the full batch of a finite sum over examples
     * that may live on other machines: a value comes with its gradient from the same pass, and a
     * Hessian–vector product costs a pass as well. A solver that counts such passes asks for the
     * gradient with every value it needs. A cost model, not a claim about f; false by default.
     */
    default boolean evaluatedInPasses() {
        return false;
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

    /** This objective restricted to the box {@code bounds}. */
    default BoundedObjective withBounds(Bounds bounds) {
        return BoundedObjective.of(this, bounds);
    }

    /** f as a function of x. */
    @FunctionalInterface
    interface Value {
        double value(double[] x);
    }

    /** ∇f, written into {@code g}. */
    @FunctionalInterface
    interface Gradient {
        void gradient(double[] x, double[] g);
    }

    /**
     * f continued to complex arguments z = re + i·im, for the complex-step derivative: writes the real
     * part of f(z) into {@code out[0]} and its imaginary part into {@code out[1]}. Write f with complex
     * arithmetic throughout (no abs, min, max or comparisons of the argument), so that it is analytic.
     */
    @FunctionalInterface
    interface ComplexValue {
        void value(double[] re, double[] im, double[] out);
    }

    /** How a gradient is approximated from values of f alone. */
    enum Differences {
        /** (f(x + heⱼ) − f(x))/h, h = √ε·max(1, |xⱼ|): n + 1 values of f per gradient, about 8 correct digits. */
        FORWARD,
        /** (f(x + heⱼ) − f(x − heⱼ))/2h, h = ∛ε·max(1, |xⱼ|): 2n + 1 values of f per gradient, about 10 correct digits. */
        CENTRAL
    }

    /**
     * The objective with value {@code f} and exact gradient {@code g}.
     *
     * @throws InvalidProblemException if n is not positive
     */
    static Objective of(int n, Value f, Gradient g) {
        return new FunctionObjective(n, f, g);
    }

    /**
     * The objective with value {@code f} and a gradient approximated by finite differences. Every
     * solution of it carries a warning that its gradient, and so its optimality certificate, is
     * approximate. The differences step outside a box by up to h, so f must be defined there. A view
     * keeps a workspace: not thread-safe.
     *
     * @throws InvalidProblemException if n is not positive
     */
    static Objective of(int n, Value f, Differences differences) {
        return new DifferencedObjective(n, f, differences);
    }

    /**
     * The objective f with its gradient by the complex step (Squire and Trapp 1998):
     * ∂f/∂xⱼ = Im f(x + ihe ⱼ)/h with h = 10⁻²⁰·max(1, |xⱼ|), free of cancellation and so exact to rounding
     * wherever f is analytic, at the price of n complex evaluations per gradient. Solutions carry a
     * warning that the gradient is numerical. A view keeps a workspace: not thread-safe.
     *
     * @throws InvalidProblemException if n is not positive
     */
    static Objective ofComplex(int n, ComplexValue f) {
        return new ComplexStepObjective(n, f);
    }
}
