package io.fixpoint.problem;

/** The Jacobian a solver asks of a vector function: the function's own, or forward differences. */
public final class Jacobians {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    private Jacobians() {
    }

    /**
     * Writes J(x) row-major into {@code jac}: the function's own when it has one, else
     * {@link #forwardDifference}. {@code fx} must hold F(x); {@code probe} (length n) and
     * {@code fProbe} (length m) are workspaces.
     */
    public static void evaluate(VectorFunction f, double[] x, double[] fx, double[] jac, double[] probe, double[] fProbe) {
        if (f.hasJacobian()) {
            f.jacobian(x, jac);
        } else {
            forwardDifference(f, x, fx, jac, probe, fProbe);
        }
    }

    /**
     * Forward differences, column by column: (F(x + hⱼeⱼ) − F(x))/hⱼ with hⱼ = √ε·max(1, |xⱼ|) rounded
     * to the step actually taken, at n evaluations of F. {@code fx} must hold F(x); {@code probe}
     * (length n) and {@code fProbe} (length m) are workspaces.
     */
    public static void forwardDifference(VectorFunction f, double[] x, double[] fx, double[] jac, double[] probe, double[] fProbe) {
        int n = x.length;
        int m = fx.length;
        System.arraycopy(x, 0, probe, 0, n);
        for (int j = 0; j < n; j++) {
            double h = SQRT_EPS * Math.max(Math.abs(x[j]), 1);
            probe[j] = x[j] + h;
            h = probe[j] - x[j];
            f.evaluate(probe, fProbe);
            for (int i = 0; i < m; i++) {
                jac[i * n + j] = (fProbe[i] - fx[i]) / h;
            }
            probe[j] = x[j];
        }
    }
}
