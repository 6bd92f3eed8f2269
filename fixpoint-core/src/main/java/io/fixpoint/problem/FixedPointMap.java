package io.fixpoint.problem;

/**
 * A map T: Rⁿ → Rⁿ whose fixed point x = T(x) is wanted, optionally with its Jacobian or the
 * product J·v (see {@link VectorFunction}). The certificate of a fixed-point solve is the residual
 * ‖x − T(x)‖.
 */
public interface FixedPointMap extends VectorFunction, Problem<FixedPointMap> {

    /** Writes T(x) into {@code out}. */
    void apply(double[] x, double[] out);

    /** T(x): the same as {@link #apply}. */
    @Override
    default void evaluate(double[] x, double[] out) {
        apply(x, out);
    }

    /** A view that counts T as {@link Evaluation#MAP}, J_T as JACOBIAN and J_T·v as JACOBIAN_VECTOR. */
    @Override
    default FixedPointMap counted(Counts counts) {
        return new FunctionView.FixedPoint(this, counts);
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
