package io.fixpoint.root;

import io.fixpoint.problem.RootProblem;

/** The Jacobian a root solver asks for: the problem's own, or forward differences (n residual evaluations). */
final class Jacobians {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    private Jacobians() {
    }

    /**
     * Writes J(x) row-major into {@code jac}; {@code f} must hold F(x); {@code probe}, {@code fProbe} are
     * n-vector workspaces.
     */
    static void evaluate(RootProblem p, double[] x, double[] f, double[] jac, double[] probe, double[] fProbe) {
        if (p.hasJacobian()) {
            p.jacobian(x, jac);
            return;
        }
        int n = x.length;
        System.arraycopy(x, 0, probe, 0, n);
        for (int j = 0; j < n; j++) {
            double h = SQRT_EPS * Math.max(Math.abs(x[j]), 1);
            probe[j] = x[j] + h;
            h = probe[j] - x[j];
            p.residuals(probe, fProbe);
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = (fProbe[i] - f[i]) / h;
            }
            probe[j] = x[j];
        }
    }
}
