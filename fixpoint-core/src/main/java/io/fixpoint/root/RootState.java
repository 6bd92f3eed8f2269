package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Jacobians;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.SolverState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The state every root solver shares: x, F(x) and ‖F(x)‖. The value is ½‖F‖² (the merit function the
 * line searches and trust regions decrease); the optimality, the certificate, is the Euclidean ‖F‖.
 */
public class RootState extends SolverState {
    /** The Newton step of a root must be at most this fraction of 1 + ‖x‖. */
    static final double NEWTON_STEP = 1e-3;

    final double[] f;
    int jacobianRestarts;
    /** ‖J⁺F‖ where ‖F‖ met its tolerance (NaN until then). */
    double newtonStep = Double.NaN;

    RootState(double[] x0) {
        super(x0);
        this.f = new double[x0.length];
    }

    final void evaluate(RootProblem p) {
        p.residuals(x, f);
        residualNorm(Vectors.norm(f));
    }

    /** ‖F(x)‖, Euclidean. */
    final double residualNorm() {
        return optimality;
    }

    /** Records ‖F(x)‖ as the optimality and ½‖F‖² as the value. */
    final void residualNorm(double norm) {
        optimality = norm;
        value = 0.5 * norm * norm;
    }

    /** F at the current point. */
    public double[] residuals() {
        return f;
    }

    /**
     * Whether a small ‖F‖ marks a root. Along an asymptote F flattens out as it shrinks (exp(x) as
     * x → −∞, 1/x as x → ∞) and ‖F‖ falls below any tolerance far from every root. The Newton step
     * d = J⁺F estimates the distance to a root; where it is not small against the point,
     * ‖d‖ &gt; {@value #NEWTON_STEP}·(1 + ‖x‖), or the linearisation cannot even halve F (‖F − J·d‖ &gt; ½‖F‖,
     * as when J vanishes), the solve ends STALLED instead of CONVERGED. A root of high multiplicity
     * (x⁵ at ‖F‖ = 10⁻¹⁰ is 0.01 from its root, with a Newton step of 0.002) is refused too, until a
     * tighter tolerance brings the solve closer. Evaluates J at x (counted), once, at the end of a solve.
     *
     * @return null to confirm the root, or the verdict that says why not
     */
    Verdict confirmRoot(RootProblem p) {
        int n = x.length;
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        Jacobians.evaluate(p, x, f, jac.data, new double[n], new double[n]);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, f);
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!Vectors.allFinite(jac.data) || !pinv.setA(jac)) {
            return new Verdict(Status.STALLED, "‖F‖ = " + format(optimality) + " is below the tolerance, but the Jacobian there is not finite: "
                    + "not certified as a root");
        }
        pinv.solve(rhs, d);
        newtonStep = Vectors.norm(d.data);
        double unexplained = 0;
        for (int i = 0; i < n; i++) {
            double jd = 0;
            for (int j = 0; j < n; j++) {
                jd += jac.get(i, j) * d.data[j];
            }
            unexplained = Math.hypot(unexplained, f[i] - jd);
        }
        if (newtonStep <= NEWTON_STEP * (1 + Vectors.norm(x)) && unexplained <= 0.5 * optimality) {
            return null;
        }
        return new Verdict(Status.STALLED, "‖F‖ = " + format(optimality) + " is below the tolerance, but no root is certified near x: the Newton step "
                + "‖J⁺F‖ = " + format(newtonStep) + (unexplained > 0.5 * optimality ? " cannot reduce F (the Jacobian vanishes)"
                        : " is large against 1 + ‖x‖ = " + format(1 + Vectors.norm(x)))
                + "; F flattens out here, along an asymptote or at a root of high multiplicity (a tighter tolerance tells them apart)");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    @Override
    protected void describe(Details details) {
        details.put("residualNorm", optimality).put("jacobianRestarts", jacobianRestarts);
        if (!Double.isNaN(newtonStep)) {
            details.put("newtonStep", newtonStep);
        }
    }
}
