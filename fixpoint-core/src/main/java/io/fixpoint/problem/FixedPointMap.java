package io.fixpoint.problem;

/**
 * A map T: Rⁿ → Rⁿ whose fixed point x = T(x) is wanted, optionally with its Jacobian or the
 * product J·v. The certificate of a fixed-point solve is the residual ‖x − T(x)‖.
 */
public interface FixedPointMap extends Problem<FixedPointMap> {

    /** Writes T(x) into {@code out}. */
    void apply(double[] x, double[] out);

    default boolean hasJacobian() {
        return false;
    }

    /** Writes the Jacobian of T at x into {@code jac}, row-major n×n. */
    default void jacobian(double[] x, double[] jac) {
        throw new UnsupportedOperationException("this map has no Jacobian");
    }

    default boolean hasJacobianVector() {
        return hasJacobian();
    }

    /** Writes J_T(x)·v into {@code jv}; by default through the full Jacobian. */
    default void jacobianVector(double[] x, double[] v, double[] jv) {
        int n = dimension();
        double[] jac = new double[n * n];
        jacobian(x, jac);
        DenseProducts.multiply(jac, v, jv);
    }

    @Override
    default FixedPointMap counted(Counts counts) {
        return new CountedFixedPointMap(this, counts);
    }

    /** The body of a map without derivatives. */
    @FunctionalInterface
    interface Body {
        void apply(double[] x, double[] out);
    }

    /** A map of dimension {@code n} from its body. */
    static FixedPointMap of(int n, Body body) {
        if (n <= 0) {
            throw new InvalidProblemException("a map needs dimension ≥ 1, got " + n);
        }
        return new FixedPointMap() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] out) {
                body.apply(x, out);
            }
        };
    }
}
