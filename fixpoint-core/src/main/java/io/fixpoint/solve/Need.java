package io.fixpoint.solve;

/** What a solver asks of its problem beyond the problem kind's basic evaluation. */
public enum Need {
    /** ∇f. */
    GRADIENT,
    /** The full Hessian ∇²f. */
    HESSIAN,
    /** Hessian–vector products ∇²f·v (a full Hessian provides them too). */
    HESSIAN_VECTOR,
    /** The Jacobian of a vector function (or finite differences of it, which the solver builds itself). */
    JACOBIAN;

    /** Whether a solver with these needs uses second derivatives. */
    public static boolean secondOrder(java.util.Set<Need> needs) {
        return needs.contains(HESSIAN) || needs.contains(HESSIAN_VECTOR);
    }
}
