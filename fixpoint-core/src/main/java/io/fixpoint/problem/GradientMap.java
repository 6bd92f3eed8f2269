package io.fixpoint.problem;

/**
 * A fixed-point map T whose fixed points are the stationary points of an objective f, evaluated
 * together with ∇f at the same point (iterations such as EM, MM or Zermelo's compute the gradient
 * on the way to T at no extra cost). A solve of such a map is certified by ‖∇f(x)‖ at the returned
 * point, not by ‖x − T(x)‖: a small step of a slow map says little about how far the optimum is.
 */
public interface GradientMap extends Problem<GradientMap> {

    /** Writes T(x) into {@code out} and ∇f(x) into {@code gradient}. */
    void apply(double[] x, double[] out, double[] gradient);

    /**
     * The map alone, for the fixed-point solvers that take a {@link FixedPointMap} (certified then by
     * the residual ‖x − T(x)‖); the gradient of each evaluation is discarded.
     */
    default FixedPointMap asFixedPointMap() {
        double[] discarded = new double[dimension()];
        return FixedPointMap.of(dimension(), (x, out) -> apply(x, out, discarded));
    }

    @Override
    default GradientMap counted(Counts counts) {
        return new CountedGradientMap(this, counts);
    }
}
