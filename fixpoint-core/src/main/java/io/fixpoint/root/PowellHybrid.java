package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Jacobians;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Powell's hybrid method as in MINPACK's hybrj: a dogleg step inside a trust region of radius Δ in the
 * variables scaled by the Jacobian's column norms, with the same radius updates, Broyden's rank-one
 * update of the Jacobian after every trial (MINPACK updates the QR factors; here J is updated and
 * refactored by EJML's QR, which costs O(n³) instead of O(n²) per step and is otherwise the same
 * algorithm), a fresh Jacobian after two consecutive failures, and MINPACK's progress tests: no
 * progress in five Jacobian evaluations or in ten iterations ends the solve as STALLED. Each driver
 * iteration is one trial step (one residual evaluation).
 *
 * @param factor initial trust radius as a multiple of ‖D x₀‖ (MINPACK's factor, 100)
 * @param xtol   the solve stalls when Δ ≤ xtol·‖D x‖
 */
public record PowellHybrid(double factor, double xtol) implements Solver<RootProblem, PowellHybrid.State> {
    private static final double EPS = Math.ulp(1.0);

    public PowellHybrid {
        if (!(factor > 0) || !(xtol >= 0)) {
            throw new IllegalArgumentException("factor must be > 0 and xtol ≥ 0, got " + factor + ", " + xtol);
        }
    }

    public PowellHybrid() {
        this(100, 1e-14);
    }

    @Override
    public String name() {
        return "hybrid";
    }

    /** Jacobian, its QR factors, scaling, trust radius and MINPACK's progress counters. */
    public static final class State extends RootState {
        final int n;
        final DMatrixRMaj jac;
        final DMatrixRMaj work;
        final DMatrixRMaj q;
        final DMatrixRMaj r;
        final QRDecomposition<DMatrixRMaj> qr;
        final double[] diag;
        final double[] qtf;
        final double[] gn;
        final double[] grad;
        final double[] rg;
        final double[] p;
        final double[] trial;
        final double[] fTrial;
        final double[] y;
        final double[] probe;
        final double[] fProbe;
        double delta;
        double xnorm;
        int ncfail;
        int ncsuc;
        int nslow1;
        int nslow2;
        boolean needJacobian = true;
        boolean jeval;
        boolean first = true;

        State(double[] x0) {
            super(x0);
            n = x0.length;
            jac = new DMatrixRMaj(n, n);
            work = new DMatrixRMaj(n, n);
            q = new DMatrixRMaj(n, n);
            r = new DMatrixRMaj(n, n);
            qr = DecompositionFactory_DDRM.qr(n, n);
            diag = new double[n];
            qtf = new double[n];
            gn = new double[n];
            grad = new double[n];
            rg = new double[n];
            p = new double[n];
            trial = new double[n];
            fTrial = new double[n];
            y = new double[n];
            probe = new double[n];
            fProbe = new double[n];
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("trustRadius", delta);
        }
    }

    @Override
    public State init(RootProblem p, double[] x0) {
        State s = new State(x0);
        s.evaluate(p);
        return s;
    }

    /** A small ‖F‖ is a root only where the Newton step is small too (see {@link RootState#confirmRoot}). */
    @Override
    public Verdict confirm(RootProblem p, State s) {
        return s.confirmRoot(p);
    }

    @Override
    public State step(RootProblem problem, State s) {
        int n = s.n;
        if (s.needJacobian) {
            refreshJacobian(problem, s);
        }
        s.work.setTo(s.jac);
        if (!s.qr.decompose(s.work)) {
            s.verdict = new Verdict(Status.STALLED, "QR factorisation of the Jacobian failed");
            return s;
        }
        s.qr.getQ(s.q, false);
        s.qr.getR(s.r, false);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int k = 0; k < n; k++) {
                v += s.q.unsafe_get(k, i) * s.f[k];
            }
            s.qtf[i] = v;
        }
        dogleg(s);
        double pnorm = scaledNorm(s.diag, s.p);
        if (s.first) {
            s.delta = Math.min(s.delta, pnorm);
            s.first = false;
        }
        Vectors.addScaled(s.x, 1, s.p, s.trial);
        problem.residuals(s.trial, s.fTrial);
        double fnorm1 = Vectors.norm(s.fTrial);
        if (!Double.isFinite(fnorm1)) {
            fnorm1 = Double.POSITIVE_INFINITY;
        }
        double fnorm = s.residualNorm();
        double actred = fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) : -1;
        // Predicted residual F + J p = Q(Qᵀ F + R p); y = F(x + p) − (F + J p) drives the Broyden update.
        double predicted = 0;
        for (int i = 0; i < n; i++) {
            double v = s.qtf[i];
            for (int j = i; j < n; j++) {
                v += s.r.unsafe_get(i, j) * s.p[j];
            }
            predicted += v * v;
            double jp = 0;
            for (int j = 0; j < n; j++) {
                jp += s.jac.unsafe_get(i, j) * s.p[j];
            }
            s.y[i] = s.fTrial[i] - s.f[i] - jp;
        }
        predicted = Math.sqrt(predicted);
        double prered = predicted < fnorm ? 1 - (predicted / fnorm) * (predicted / fnorm) : 0;
        double ratio = prered > 0 ? actred / prered : 0;

        if (ratio < 0.1) {
            s.ncsuc = 0;
            s.ncfail++;
            s.delta *= 0.5;
        } else {
            s.ncfail = 0;
            s.ncsuc++;
            if (ratio >= 0.5 || s.ncsuc > 1) {
                s.delta = Math.max(s.delta, pnorm / 0.5);
            }
            if (Math.abs(ratio - 1) <= 0.1) {
                s.delta = pnorm / 0.5;
            }
        }
        if (ratio >= 1e-4) {
            Vectors.copy(s.trial, s.x);
            Vectors.copy(s.fTrial, s.f);
            s.residualNorm(fnorm1);
            s.xnorm = scaledNorm(s.diag, s.x);
            s.stepNorm = Vectors.norm(s.p);
        } else {
            s.stepNorm = 0;
        }
        s.nslow1++;
        if (actred >= 0.001) {
            s.nslow1 = 0;
        }
        if (s.jeval) {
            s.nslow2++;
        }
        if (actred >= 0.1) {
            s.nslow2 = 0;
        }
        if (s.residualNorm() == 0) {
            return s;
        }
        if (s.delta <= xtol * s.xnorm) {
            s.verdict = stalled(s, "the trust region shrank below xtol·‖D x‖");
        } else if (0.1 * Math.max(0.1 * s.delta, pnorm) <= EPS * s.xnorm) {
            s.verdict = stalled(s, "no further improvement is possible at machine precision");
        } else if (s.nslow2 == 5) {
            s.verdict = stalled(s, "no progress over the last five Jacobian evaluations");
        } else if (s.nslow1 == 10) {
            s.verdict = stalled(s, "no progress over the last ten iterations");
        }
        if (s.ncfail == 2) {
            s.needJacobian = true;
            return s;
        }
        // Broyden's rank-one update J ← J + y (D²p)ᵀ / ‖D p‖².
        if (pnorm > 0) {
            for (int j = 0; j < n; j++) {
                double w = s.diag[j] * s.diag[j] * s.p[j] / (pnorm * pnorm);
                if (w != 0) {
                    for (int i = 0; i < n; i++) {
                        s.jac.unsafe_set(i, j, s.jac.unsafe_get(i, j) + s.y[i] * w);
                    }
                }
            }
        }
        s.jeval = false;
        return s;
    }

    private static Verdict stalled(State s, String why) {
        return new Verdict(Status.STALLED, why + "; ‖F‖ = " + String.format("%.3g", s.residualNorm()));
    }

    private void refreshJacobian(RootProblem problem, State s) {
        int n = s.n;
        Jacobians.evaluate(problem, s.x, s.f, s.jac.data, s.probe, s.fProbe);
        s.jeval = true;
        s.needJacobian = false;
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                double v = s.jac.unsafe_get(i, j);
                c += v * v;
            }
            c = Math.sqrt(c);
            if (s.first) {
                s.diag[j] = c == 0 ? 1 : c;
            } else {
                s.diag[j] = Math.max(s.diag[j], c);
            }
        }
        if (s.first) {
            s.xnorm = scaledNorm(s.diag, s.x);
            s.delta = s.xnorm == 0 ? factor : factor * s.xnorm;
        }
    }

    /** MINPACK's dogleg: the step p in the trust region of radius Δ, from R, Qᵀ F and the scaling D. */
    private static void dogleg(State s) {
        int n = s.n;
        DMatrixRMaj r = s.r;
        double[] x = s.gn;
        for (int j = n - 1; j >= 0; j--) {
            double sum = 0;
            for (int i = j + 1; i < n; i++) {
                sum += r.unsafe_get(j, i) * x[i];
            }
            double t = r.unsafe_get(j, j);
            if (t == 0) {
                for (int i = 0; i <= j; i++) {
                    t = Math.max(t, Math.abs(r.unsafe_get(i, j)));
                }
                t = t == 0 ? EPS : EPS * t;
            }
            x[j] = (s.qtf[j] - sum) / t;
        }
        double qnorm = scaledNorm(s.diag, x);
        if (qnorm <= s.delta) {
            Vectors.negate(x, s.p);
            return;
        }
        double[] g = s.grad;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i <= j; i++) {
                sum += r.unsafe_get(i, j) * s.qtf[i];
            }
            g[j] = sum / s.diag[j];
        }
        double gnorm = Vectors.norm(g);
        double sgnorm = 0;
        double alpha = s.delta / qnorm;
        if (gnorm != 0) {
            for (int j = 0; j < n; j++) {
                g[j] = g[j] / gnorm / s.diag[j];
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = i; j < n; j++) {
                    sum += r.unsafe_get(i, j) * g[j];
                }
                s.rg[i] = sum;
            }
            double temp = Vectors.norm(s.rg);
            sgnorm = gnorm / temp / temp;
            alpha = 0;
            if (sgnorm < s.delta) {
                double bnorm = Vectors.norm(s.qtf);
                double dq = s.delta / qnorm;
                double sd = sgnorm / s.delta;
                temp = (bnorm / gnorm) * (bnorm / qnorm) * sd;
                temp = temp - dq * sd * sd + Math.sqrt((temp - dq) * (temp - dq) + (1 - dq * dq) * (1 - sd * sd));
                alpha = dq * (1 - sd * sd) / temp;
            }
        }
        double temp = (1 - alpha) * Math.min(sgnorm, s.delta);
        for (int j = 0; j < n; j++) {
            s.p[j] = -(temp * g[j] + alpha * x[j]);
        }
    }

    private static double scaledNorm(double[] d, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double t = d[i] * v[i];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
