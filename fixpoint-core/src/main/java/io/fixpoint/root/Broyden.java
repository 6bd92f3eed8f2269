package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Jacobians;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Broyden's quasi-Newton method on an inverse Jacobian H, started from the true (or finite-difference)
 * Jacobian at x₀. With s = x₊ − x and y = F₊ − F, the good method updates
 * H ← H + (s − H y) sᵀH / (sᵀH y) (Sherman–Morrison form of the rank-one update of J), the bad method
 * H ← H + (s − H y) yᵀ / (yᵀy). Each step backtracks on ‖F‖ (accept ‖F(x + t d)‖ ≤ (1 − 10⁻⁴ t)‖F(x)‖);
 * when that fails the Jacobian is recomputed at the current point and the step retried once.
 *
 * @param firstKind true for the good (first) method, false for the bad (second)
 * @param maxTrials backtracking trials per direction
 */
public record Broyden(boolean firstKind, int maxTrials) implements Solver<RootProblem, Broyden.State> {

    public static Broyden good() {
        return new Broyden(true, 20);
    }

    public static Broyden bad() {
        return new Broyden(false, 20);
    }

    @Override
    public String name() {
        return firstKind ? "broyden-good" : "broyden-bad";
    }

    /** The inverse-Jacobian approximation and workspaces. */
    public static final class State extends RootState {
        final DMatrixRMaj h;
        final DMatrixRMaj jac;
        final DMatrixRMaj work;
        final double[] d;
        final double[] xOld;
        final double[] fOld;
        final double[] s;
        final double[] y;
        final double[] hy;
        final double[] sh;
        final double[] trial;
        final double[] fTrial;
        final LinearSolverDense<DMatrixRMaj> lu;
        final LinearSolverDense<DMatrixRMaj> pinv;
        boolean fresh;
        boolean needJacobian = true;

        State(double[] x0) {
            super(x0);
            int n = x0.length;
            h = new DMatrixRMaj(n, n);
            jac = new DMatrixRMaj(n, n);
            work = new DMatrixRMaj(n, n);
            d = new double[n];
            xOld = new double[n];
            fOld = new double[n];
            s = new double[n];
            y = new double[n];
            hy = new double[n];
            sh = new double[n];
            trial = new double[n];
            fTrial = new double[n];
            lu = LinearSolverFactory_DDRM.lu(n);
            pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        }
    }

    @Override
    public State init(RootProblem p, double[] x0) {
        State st = new State(x0);
        st.evaluate(p);
        return st;
    }

    /** A small ‖F‖ is a root only where the Newton step is small too (see {@link RootState#confirmRoot}). */
    @Override
    public Verdict confirm(RootProblem p, State s) {
        return s.confirmRoot(p);
    }

    @Override
    public State step(RootProblem p, State st) {
        if (st.needJacobian) {
            restart(p, st);
        }
        if (!tryStep(p, st)) {
            if (st.fresh) {
                fail(st);
                return st;
            }
            st.jacobianRestarts++;
            restart(p, st);
            if (!tryStep(p, st)) {
                fail(st);
                return st;
            }
        }
        st.fresh = false;
        update(st);
        return st;
    }

    private static void fail(State st) {
        st.stepNorm = 0;
        st.verdict = new Verdict(Status.STALLED, "no decrease of ‖F‖ along the quasi-Newton direction, even with a fresh Jacobian; ‖F‖ = "
                + String.format("%.3g", st.residualNorm()));
    }

    /** H ← J(x)⁻¹ (pseudo-inverse when J is singular). */
    private static void restart(RootProblem p, State st) {
        Jacobians.evaluate(p, st.x, st.f, st.jac.data, st.trial, st.fTrial);
        LinearDirections.invert(st.jac, st.work, st.h, st.lu, st.pinv);
        st.fresh = true;
        st.needJacobian = false;
    }

    /** d = −H F, backtracking on ‖F‖; true when a point with sufficient decrease was accepted. */
    private boolean tryStep(RootProblem p, State st) {
        int n = st.x.length;
        double[] h = st.h.data;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i * n + j] * st.f[j];
            }
            st.d[i] = -v;
        }
        double t = 1;
        for (int k = 0; k < maxTrials; k++, t *= 0.5) {
            Vectors.addScaled(st.x, t, st.d, st.trial);
            p.residuals(st.trial, st.fTrial);
            double norm = Vectors.norm(st.fTrial);
            if (Double.isFinite(norm) && norm <= (1 - 1e-4 * t) * st.residualNorm()) {
                Vectors.copy(st.x, st.xOld);
                Vectors.copy(st.f, st.fOld);
                Vectors.copy(st.trial, st.x);
                Vectors.copy(st.fTrial, st.f);
                st.residualNorm(norm);
                st.stepNorm = t * Vectors.norm(st.d);
                return true;
            }
        }
        return false;
    }

    /** The rank-one update of H from s = x − x_old, y = F − F_old. */
    private void update(State st) {
        int n = st.x.length;
        double[] h = st.h.data;
        Vectors.subtract(st.x, st.xOld, st.s);
        Vectors.subtract(st.f, st.fOld, st.y);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i * n + j] * st.y[j];
            }
            st.hy[i] = v;
        }
        double denominator;
        if (firstKind) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v += st.s[i] * h[i * n + j];
                }
                st.sh[j] = v;
            }
            denominator = Vectors.dot(st.s, st.hy);
        } else {
            Vectors.copy(st.y, st.sh);
            denominator = Vectors.dot(st.y, st.y);
        }
        if (!(Math.abs(denominator) > 1e-300) || !Double.isFinite(denominator)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            double u = (st.s[i] - st.hy[i]) / denominator;
            for (int j = 0; j < n; j++) {
                h[i * n + j] += u * st.sh[j];
            }
        }
        if (!LinearDirections.allFinite(h)) {
            st.needJacobian = true;
        }
    }
}
