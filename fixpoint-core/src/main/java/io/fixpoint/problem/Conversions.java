package io.fixpoint.problem;

/**
 * The one place where problem kinds turn into one another. Each view counts the evaluations of
 * the problem it wraps (a fixed-point map seen as a root problem still reports MAP evaluations), so
 * counts always say what was really computed.
 */
public final class Conversions {
    private Conversions() {
    }

    /** The root problem F(x) = x − T(x), whose roots are the fixed points of T; J_F = I − J_T. */
    public static RootProblem asRootProblem(FixedPointMap map) {
        return new MapResidual(map);
    }

    /** The map T(x) = x − α·F(x), whose fixed points are the roots of F; J_T = I − α·J_F. */
    public static FixedPointMap asFixedPointMap(RootProblem system, double alpha) {
        requireStep("alpha", alpha);
        return new RelaxedSystem(system, alpha);
    }

    /**
     * The least-squares problem min ½‖F(x)‖² (m = n), whose zero-residual minimisers are the roots of F.
     * Without an analytic Jacobian the view differentiates F by forward differences (n residual
     * evaluations per Jacobian, counted as such).
     */
    public static LeastSquaresProblem asLeastSquares(RootProblem system) {
        return new SystemAsLeastSquares(system);
    }

    /** The gradient step T(x) = x − γ·∇f(x), whose fixed points are the stationary points of f. */
    public static FixedPointMap gradientStep(Objective f, double gamma) {
        requireStep("gamma", gamma);
        return new GradientStep(f, gamma);
    }

    private static void requireStep(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidProblemException("step " + name + " must be finite and > 0, got " + v);
        }
    }

    /** out ← x − s·out, the shape every conversion here shares. */
    private static void shift(double[] x, double s, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - s * out[i];
        }
    }

    /** jac ← I − s·jac for row-major n×n. */
    private static void identityMinus(int n, double s, double[] jac) {
        for (int i = 0; i < n * n; i++) {
            jac[i] = -s * jac[i];
        }
        for (int i = 0; i < n; i++) {
            jac[i * n + i] += 1;
        }
    }

    private record MapResidual(FixedPointMap map) implements RootProblem {
        @Override
        public int dimension() {
            return map.dimension();
        }

        @Override
        public void residuals(double[] x, double[] f) {
            map.apply(x, f);
            shift(x, 1, f);
        }

        @Override
        public boolean hasJacobian() {
            return map.hasJacobian();
        }

        @Override
        public void jacobian(double[] x, double[] jac) {
            map.jacobian(x, jac);
            identityMinus(x.length, 1, jac);
        }

        @Override
        public boolean hasJacobianVector() {
            return map.hasJacobianVector();
        }

        @Override
        public void jacobianVector(double[] x, double[] v, double[] jv) {
            map.jacobianVector(x, v, jv);
            shift(v, 1, jv);
        }

        @Override
        public RootProblem counted(Counts counts) {
            return new MapResidual(map.counted(counts));
        }
    }

    private record RelaxedSystem(RootProblem system, double alpha) implements FixedPointMap {
        @Override
        public int dimension() {
            return system.dimension();
        }

        @Override
        public void apply(double[] x, double[] out) {
            system.residuals(x, out);
            shift(x, alpha, out);
        }

        @Override
        public boolean hasJacobian() {
            return system.hasJacobian();
        }

        @Override
        public void jacobian(double[] x, double[] jac) {
            system.jacobian(x, jac);
            identityMinus(x.length, alpha, jac);
        }

        @Override
        public boolean hasJacobianVector() {
            return system.hasJacobianVector();
        }

        @Override
        public void jacobianVector(double[] x, double[] v, double[] jv) {
            system.jacobianVector(x, v, jv);
            shift(v, alpha, jv);
        }

        @Override
        public FixedPointMap counted(Counts counts) {
            return new RelaxedSystem(system.counted(counts), alpha);
        }
    }

    private record GradientStep(Objective f, double gamma) implements FixedPointMap {
        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public void apply(double[] x, double[] out) {
            f.gradient(x, out);
            shift(x, gamma, out);
        }

        @Override
        public boolean hasJacobian() {
            return f.hasHessian();
        }

        @Override
        public void jacobian(double[] x, double[] jac) {
            f.hessian(x, jac);
            identityMinus(x.length, gamma, jac);
        }

        @Override
        public boolean hasJacobianVector() {
            return f.hasHessianVector();
        }

        @Override
        public void jacobianVector(double[] x, double[] v, double[] jv) {
            f.hessianVector(x, v, jv);
            shift(v, gamma, jv);
        }

        @Override
        public FixedPointMap counted(Counts counts) {
            return new GradientStep(f.counted(counts), gamma);
        }
    }

    private record SystemAsLeastSquares(RootProblem system) implements LeastSquaresProblem {
        @Override
        public int dimension() {
            return system.dimension();
        }

        @Override
        public int residualCount() {
            return system.dimension();
        }

        @Override
        public void residuals(double[] x, double[] r) {
            system.residuals(x, r);
        }

        @Override
        public void jacobian(double[] x, double[] jac) {
            if (system.hasJacobian()) {
                system.jacobian(x, jac);
                return;
            }
            int n = x.length;
            double[] f = new double[n];
            system.residuals(x, f);
            Jacobians.forwardDifference(system, x, f, jac, new double[n], new double[n]);
        }

        @Override
        public void jacobianVector(double[] x, double[] v, double[] jv) {
            if (system.hasJacobianVector()) {
                system.jacobianVector(x, v, jv);
            } else {
                LeastSquaresProblem.super.jacobianVector(x, v, jv);
            }
        }

        @Override
        public LeastSquaresProblem counted(Counts counts) {
            return new SystemAsLeastSquares(system.counted(counts));
        }
    }
}
