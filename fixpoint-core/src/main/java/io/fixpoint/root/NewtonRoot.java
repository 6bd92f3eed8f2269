package io.fixpoint.root;

import io.fixpoint.problem.Jacobians;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Newton's method for F(x) = 0: solve J·d = −F by LU (EJML), falling back to the minimum-norm least
 * squares solution (pseudo-inverse) when J is singular and to steepest descent on ½‖F‖² when the
 * direction is not a descent direction; then backtrack on ½‖F‖².
 */
public record NewtonRoot(int maxTrials) implements Solver<RootProblem, NewtonRoot.State> {

    public NewtonRoot() {
        this(40);
    }

    @Override
    public String name() {
        return "newton";
    }

    /** Jacobian and linear-algebra workspaces. */
    public static final class State extends RootState {
        final DMatrixRMaj jac;
        final DMatrixRMaj work;
        final DMatrixRMaj rhs;
        final DMatrixRMaj dir;
        final double[] jd;
        final double[] probe;
        final double[] fProbe;
        final LinearSolverDense<DMatrixRMaj> lu;
        final LinearSolverDense<DMatrixRMaj> pinv;
        final MeritSearch search;

        State(double[] x0, int trials) {
            super(x0);
            int n = x0.length;
            jac = new DMatrixRMaj(n, n);
            work = new DMatrixRMaj(n, n);
            rhs = new DMatrixRMaj(n, 1);
            dir = new DMatrixRMaj(n, 1);
            jd = new double[n];
            probe = new double[n];
            fProbe = new double[n];
            lu = LinearSolverFactory_DDRM.lu(n);
            pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
            search = new MeritSearch(n, trials);
        }
    }

    @Override
    public State init(RootProblem p, double[] x0) {
        State s = new State(x0, maxTrials);
        s.evaluate(p);
        return s;
    }

    /** A small ‖F‖ is a root only where the Newton step is small too (see {@link RootState#confirmRoot}). */
    @Override
    public Verdict confirm(RootProblem p, State s) {
        return s.confirmRoot(p);
    }

    @Override
    public State step(RootProblem p, State s) {
        int n = s.x.length;
        Jacobians.evaluate(p, s.x, s.f, s.jac.data, s.probe, s.fProbe);
        for (int i = 0; i < n; i++) {
            s.rhs.data[i] = -s.f[i];
        }
        LinearDirections.solve(s.jac, s.work, s.rhs, s.dir, s.lu, s.pinv);
        double[] d = s.dir.data;
        double slope = LinearDirections.descentSlope(s.jac.data, s.f, d, s.jd);
        if (!(slope < 0)) {
            slope = LinearDirections.steepest(s.jac.data, s.f, d);
        }
        if (!(slope < 0) || s.search.search(p, s, d, slope) == 0) {
            s.stepNorm = 0;
            s.verdict = new Verdict(Status.STALLED, "no decrease of ½‖F‖² along the Newton or steepest-descent direction"
                    + " (a local minimum of ‖F‖ that is not a root?); ‖F‖ = " + String.format("%.3g", s.residualNorm()));
        }
        return s;
    }
}
