package io.fixpoint.constrained;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Arrays;
import java.util.Map;

/**
 * Line-search sequential quadratic programming (Nocedal and Wright, <i>Numerical Optimization</i>,
 * 2nd ed., Algorithm 18.3). Each iteration solves the quadratic program
 *
 * <pre>
 *   min ½dᵀBd + ∇fᵀd  s.t.  g + Jₑd = 0,  h + Jᵢd ≤ 0,  lower ≤ x + d ≤ upper
 * </pre>
 *
 * by {@link DualActiveSetQp} and searches along d on the ℓ1 merit function φ = f + Σ νᵢvᵢ(x),
 * v = (|g|, max(h, 0)), with backtracking (Armijo on the directional derivative bound
 * ∇fᵀd + Σ νᵢ(vᵢ(c + Jd) − vᵢ(c)), Nocedal and Wright (18.29)). The penalties follow Powell's rule
 * (1978, as in Kraft's SLSQP): νᵢ ← max(|yᵢ|, ½(νᵢ + |yᵢ|)) with y the program's multipliers, so they
 * can fall again after an early overestimate; when d is still not a descent direction they are all
 * raised until the slope is below −½dᵀBd (their (18.36)). An increase of φ within its rounding noise
 * (10⁻¹³ relative) passes the test, as decreases that small cannot be measured. When the full step
 * is rejected, one second-order correction (the same program with c(x + d) − J·d in place of c,
 * their (18.37)) is tried before backtracking, against the Maratos effect.
 *
 * <p>When the linearised constraints are inconsistent (the program is infeasible), a restoration
 * step is taken instead, as filter-SQP methods do (Fletcher and Leyffer 2002): a Levenberg–Marquardt
 * step on θ = ½‖v‖² within the bounds (inequalities through slacks t ≥ h + Jᵢd), searched on θ.
 * An iterate with violation ‖v‖∞ ≥ 10⁻⁶ that is a stationary point of θ over the bounds (projected
 * gradient ≤ {@code infeasibleRelative}·‖v‖∞) ends the solve {@link Status#LOCALLY_INFEASIBLE}, unless
 * the objective leads out of it: a step that decreases f while keeping the active constraints
 * stationary to first order and that lowers θ (the point was a saddle of θ) is taken instead.
 *
 * <p>B is the damped BFGS approximation of the Hessian of the Lagrangian (Powell 1978: the pair
 * (s, r) with r = θ·Δ∇L + (1 − θ)·Bs keeps sᵀr ≥ 0.2·sᵀBs, so B stays positive definite), scaled by
 * rᵀr/sᵀr before its first update (Nocedal and Wright (6.20)). Multipliers follow the step:
 * y ← y + α(y_QP − y). The iterates never leave the bounds.
 *
 * @param maxBacktracks      step reductions (by quadratic interpolation, within ×[0.1, 0.5]) before the line search gives up
 * @param infeasibleRelative the relative stationarity of ½‖v‖² reported as local infeasibility
 */
public record Sqp(int maxBacktracks, double infeasibleRelative) implements Solver<ConstrainedProblem, Sqp.State> {
    /** Sufficient-decrease constant of the merit line search. */
    static final double ARMIJO = 1e-4;
    /** Relative rounding noise of the merit function tolerated by the sufficient-decrease test. */
    static final double NOISE = 1e-13;

    public Sqp {
        if (maxBacktracks < 1) {
            throw new IllegalArgumentException("maxBacktracks must be ≥ 1, got " + maxBacktracks);
        }
        if (!(infeasibleRelative > 0 && infeasibleRelative < 1)) {
            throw new IllegalArgumentException("infeasibleRelative must lie in (0, 1), got " + infeasibleRelative);
        }
    }

    public Sqp() {
        this(40, 1e-6);
    }

    @Override
    public String name() {
        return "sqp";
    }

    @Override
    public State init(ConstrainedProblem problem, double[] x0) {
        State s = new State(problem, x0);
        s.certify();
        return s;
    }

    @Override
    public State step(ConstrainedProblem problem, State s) {
        int n = s.n;
        if (s.looksInfeasible(infeasibleRelative, s.work)) {
            if (!escape(problem, s)) {
                s.declareInfeasible(infeasibleRelative);
            }
            return s;
        }
        Outcome qp = subproblem(s, s.c);
        if (qp == Outcome.FAILED) {
            return s;
        }
        if (qp == Outcome.INCONSISTENT) {
            restore(problem, s);
            return s;
        }
        double dNorm = 0;
        double gd = 0;
        double dBd = 0;
        for (int j = 0; j < n; j++) {
            dNorm = Math.max(dNorm, Math.abs(s.d[j]));
            gd += s.g[j] * s.d[j];
            double bd = 0;
            for (int k = 0; k < n; k++) {
                bd += s.B[j * n + k] * s.d[k];
            }
            dBd += s.d[j] * bd;
        }
        double reduction = 0; // of the ℓ1 violation to first order, Σ (vᵢ(c) − vᵢ(c + Jd))
        double weighted = 0;  // the same, each term weighted by its penalty
        for (int i = 0; i < s.m; i++) {
            double ay = Math.abs(s.yQp[i]);
            s.nu[i] = Math.max(ay, 0.5 * (s.nu[i] + ay));
            double drop = s.violation(i, s.c[i]) - s.linearised(i, s.c);
            reduction += drop;
            weighted += s.nu[i] * drop;
        }
        double slope = gd - weighted;
        if (slope > -0.5 * dBd && reduction > 0) {
            double raise = 1.1 * (slope + 0.5 * dBd) / reduction;
            for (int i = 0; i < s.m; i++) {
                s.nu[i] += raise;
            }
            slope -= raise * reduction;
        }
        double merit = s.f + s.penalised(s.c);
        // changes of φ below its rounding cannot be judged: near a solution the full step is then taken
        double noise = NOISE * (Math.abs(s.f) + s.penalised(s.c) + Double.MIN_NORMAL);
        if (dNorm == 0 || !(slope <= noise)) {
            // no descent left: x is stationary for the program's model; take its multipliers
            System.arraycopy(s.yQp, 0, s.y, 0, s.m);
            s.stepNorm = 0;
            s.certify();
            if (++s.idle >= 3) {
                s.verdict = new Verdict(Status.STALLED, "the SQP direction is no descent direction of the merit function (slope "
                        + String.format("%.3g", slope) + ") in 3 successive iterations");
            }
            return s;
        }
        s.idle = 0;

        double alpha = 1;
        boolean accepted = trial(problem, s, s.d, 1);
        double tried = accepted ? meritAt(s) : Double.NaN;
        if (tried <= merit + ARMIJO * slope + noise) {
            accept(problem, s, 1, true);
            return s;
        }
        // second-order correction: the same program with c(x + d) − J·d as its constants
        if (accepted) {
            for (int i = 0; i < s.m; i++) {
                double jd = 0;
                for (int j = 0; j < n; j++) {
                    jd += s.jac[i * n + j] * s.d[j];
                }
                s.cShifted[i] = s.cTrial[i] - jd;
            }
            System.arraycopy(s.d, 0, s.dFull, 0, n);
            System.arraycopy(s.yQp, 0, s.yFull, 0, s.m);
            if (subproblem(s, s.cShifted) == Outcome.SOLVED && trial(problem, s, s.d, 1) && meritAt(s) <= merit + ARMIJO * slope + noise) {
                System.arraycopy(s.yFull, 0, s.yQp, 0, s.m); // the multipliers of the original program
                s.corrections++;
                accept(problem, s, 1, true);
                return s;
            }
            s.verdict = null;
            System.arraycopy(s.dFull, 0, s.d, 0, n);
            System.arraycopy(s.yFull, 0, s.yQp, 0, s.m);
        }
        for (int k = 0; k < maxBacktracks; k++) {
            // minimiser of the quadratic through φ(0), φ'(0) and φ(α), kept in [0.1α, 0.5α]
            double next = Double.isFinite(tried) ? -slope * alpha * alpha / (2 * (tried - merit - slope * alpha)) : 0.1 * alpha;
            alpha = Math.min(0.5 * alpha, Math.max(0.1 * alpha, next));
            if (trial(problem, s, s.d, alpha)) {
                tried = meritAt(s);
                if (tried <= merit + ARMIJO * alpha * slope + noise) {
                    accept(problem, s, alpha, true);
                    return s;
                }
            } else {
                tried = Double.NaN;
            }
        }
        s.stepNorm = 0;
        s.verdict = new Verdict(Status.STALLED, "the merit line search found no sufficient decrease along the SQP direction after "
                + maxBacktracks + " reductions (step " + String.format("%.3g", alpha) + ")");
        return s;
    }

    private enum Outcome { SOLVED, INCONSISTENT, FAILED }

    /**
     * Solves the program at x with constants {@code constants} (c(x), or the shifted ones of a
     * correction); writes d and y_QP. INCONSISTENT when the linearised constraints admit no step, FAILED (with a verdict) otherwise.
     */
    private Outcome subproblem(State s, double[] constants) {
        int n = s.n;
        int p = s.p;
        int q = s.m - p;
        for (int i = 0; i < s.m; i++) {
            if (i < p) {
                s.bEq[i] = -constants[i];
            } else {
                s.bIn[i - p] = -constants[i];
            }
        }
        System.arraycopy(s.jac, 0, s.aEq, 0, p * n);
        System.arraycopy(s.jac, p * n, s.aIn, 0, q * n);
        double[] lo = s.bounds.lower();
        double[] hi = s.bounds.upper();
        for (int j = 0; j < n; j++) {
            s.lo[j] = lo[j] - s.x[j];
            s.hi[j] = hi[j] - s.x[j];
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            DualActiveSetQp.Outcome o = s.qp.solve(n, s.B, s.g, p, s.aEq, s.bEq, q, s.aIn, s.bIn, s.lo, s.hi, s.d, s.yQp);
            if (o == DualActiveSetQp.Outcome.OPTIMAL) {
                return Outcome.SOLVED;
            }
            if (o == DualActiveSetQp.Outcome.INFEASIBLE) {
                return Outcome.INCONSISTENT;
            }
            if (o == DualActiveSetQp.Outcome.NOT_CONVEX && attempt == 0) {
                s.resetHessian(); // rounding spoilt B's definiteness
                continue;
            }
            break;
        }
        s.verdict = new Verdict(Status.STALLED, "the quadratic subproblem could not be solved");
        return Outcome.FAILED;
    }

    /**
     * At a stationary point of θ = ½‖v‖²: a step d that minimises ½dᵀBd + ∇fᵀd within the bounds while
     * keeping the equalities and the violated inequalities stationary to first order (J_A·d = 0),
     * accepted when θ(x + αd) falls below θ(x) for α ∈ {1, ½, …, 2⁻¹⁰}: a saddle of θ is left along
     * the objective's descent, a local minimum of θ is not. Whether it moved.
     */
    private boolean escape(ConstrainedProblem problem, State s) {
        int n = s.n;
        int rows = 0;
        double theta = 0;
        for (int i = 0; i < s.m; i++) {
            double v = s.violation(i, s.c[i]);
            theta += 0.5 * v * v;
            if (i < s.p || s.c[i] > 0) {
                System.arraycopy(s.jac, i * n, s.kept, rows * n, n);
                rows++;
            }
        }
        double[] lo = s.bounds.lower();
        double[] hi = s.bounds.upper();
        for (int j = 0; j < n; j++) {
            s.lo[j] = lo[j] - s.x[j];
            s.hi[j] = hi[j] - s.x[j];
        }
        if (s.qp.solve(n, s.B, s.g, rows, s.kept, s.zeros, 0, s.aIn, s.bIn, s.lo, s.hi, s.d, s.yQp) != DualActiveSetQp.Outcome.OPTIMAL
                || Vectors.normInf(s.d) == 0) {
            return false;
        }
        double alpha = 1;
        for (int k = 0; k <= 10; k++, alpha *= 0.5) {
            if (trial(problem, s, s.d, alpha)) {
                double thetaTrial = 0;
                for (int i = 0; i < s.m; i++) {
                    double v = s.violation(i, s.cTrial[i]);
                    thetaTrial += 0.5 * v * v;
                }
                if (thetaTrial < theta * (1 - 1e-8)) {
                    System.arraycopy(s.y, 0, s.yQp, 0, s.m); // the multipliers stay
                    s.escapes++;
                    accept(problem, s, alpha, false);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A restoration step: d, t minimise ½‖gₑ + Jₑd‖² + ½‖t‖² + ½μ‖d‖² subject to hᵢ + Jᵢd ≤ t and
     * the bounds (a Levenberg–Marquardt step on θ = ½‖v‖², μ = max(‖v‖², 10⁻¹⁰·max(1, max diag JₑᵀJₑ))),
     * then backtracking on θ. The multipliers and B are kept.
     */
    private void restore(ConstrainedProblem problem, State s) {
        int n = s.n;
        int p = s.p;
        int q = s.m - p;
        int w = n + q;
        s.restorations++;
        Arrays.fill(s.bigG, 0, w * w, 0);
        Arrays.fill(s.bigGradient, 0, w, 0);
        double theta = 0;
        double maxDiagonal = 0;
        for (int i = 0; i < s.m; i++) {
            double v = s.violation(i, s.c[i]);
            theta += 0.5 * v * v;
        }
        for (int i = 0; i < p; i++) {
            for (int a = 0; a < n; a++) {
                double ja = s.jac[i * n + a];
                s.bigGradient[a] += s.c[i] * ja;
                for (int b = 0; b < n; b++) {
                    s.bigG[a * w + b] += ja * s.jac[i * n + b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            maxDiagonal = Math.max(maxDiagonal, s.bigG[a * w + a]);
        }
        double mu = Math.max(2 * theta, 1e-10 * Math.max(1, maxDiagonal));
        for (int a = 0; a < n; a++) {
            s.bigG[a * w + a] += mu;
        }
        Arrays.fill(s.bigIn, 0, q * w, 0);
        for (int i = 0; i < q; i++) {
            s.bigG[(n + i) * w + n + i] = 1;
            System.arraycopy(s.jac, (p + i) * n, s.bigIn, i * w, n);
            s.bigIn[i * w + n + i] = -1;
            s.bIn[i] = -s.c[p + i];
            s.lo[n + i] = Double.NEGATIVE_INFINITY;
            s.hi[n + i] = Double.POSITIVE_INFINITY;
        }
        if (s.qp.solve(w, s.bigG, s.bigGradient, 0, s.aEq, s.bEq, q, s.bigIn, s.bIn, s.lo, s.hi, s.d, s.yQp)
                != DualActiveSetQp.Outcome.OPTIMAL) {
            s.verdict = new Verdict(Status.STALLED, "the restoration subproblem could not be solved");
            return;
        }
        // ∇θᵀd = Σ vᵢ·(Jd)ᵢ over the equalities and the violated inequalities
        double slope = 0;
        for (int i = 0; i < s.m; i++) {
            double v = i < p ? s.c[i] : Math.max(s.c[i], 0);
            if (v != 0) {
                double jd = 0;
                for (int j = 0; j < n; j++) {
                    jd += s.jac[i * n + j] * s.d[j];
                }
                slope += v * jd;
            }
        }
        double alpha = 1;
        for (int k = 0; k <= maxBacktracks && slope < 0; k++) {
            if (trial(problem, s, s.d, alpha)) {
                double thetaTrial = 0;
                for (int i = 0; i < s.m; i++) {
                    double v = s.violation(i, s.cTrial[i]);
                    thetaTrial += 0.5 * v * v;
                }
                if (thetaTrial <= theta + ARMIJO * alpha * slope) {
                    System.arraycopy(s.y, 0, s.yQp, 0, s.m); // the multipliers stay
                    accept(problem, s, alpha, false);
                    return;
                }
            }
            alpha *= 0.5;
        }
        s.stepNorm = 0;
        s.verdict = new Verdict(Status.STALLED, theta == 0
                ? "the linearised constraints are inconsistent at a feasible point (their gradients are degenerate there), so no SQP step exists"
                : String.format("the constraints are violated (‖v‖∞ = %.3g) and no restoration step reduces the violation", s.violation()));
    }

    /** Evaluates f and c at x + α·d into the trial buffers; false when either is not finite. */
    private static boolean trial(ConstrainedProblem problem, State s, double[] d, double alpha) {
        for (int j = 0; j < s.n; j++) {
            s.xTrial[j] = s.x[j] + alpha * d[j];
        }
        s.bounds.project(s.xTrial); // only rounding can push x + αd out of the box
        s.fTrial = problem.objective().value(s.xTrial);
        problem.constraints(s.xTrial, s.cTrial);
        return Double.isFinite(s.fTrial) && Vectors.allFinite(s.cTrial);
    }

    private static double meritAt(State s) {
        return s.fTrial + s.penalised(s.cTrial);
    }

    /** Moves to the trial point: new gradient and Jacobian, multipliers, the damped BFGS update when {@code update}, KKT residuals. */
    private static void accept(ConstrainedProblem problem, State s, double alpha, boolean update) {
        int n = s.n;
        problem.objective().gradient(s.xTrial, s.gTrial);
        problem.constraintJacobian(s.xTrial, s.jacTrial);
        for (int i = 0; i < s.m; i++) {
            s.y[i] += alpha * (s.yQp[i] - s.y[i]);
        }
        // s = x₊ − x, r = ∇ₓL(x₊, y₊) − ∇ₓL(x, y₊)
        for (int j = 0; j < n; j++) {
            s.sv[j] = s.xTrial[j] - s.x[j];
            double r = s.gTrial[j] - s.g[j];
            for (int i = 0; i < s.m; i++) {
                r += s.y[i] * (s.jacTrial[i * n + j] - s.jac[i * n + j]);
            }
            s.rv[j] = r;
        }
        s.stepNorm = Vectors.norm(s.sv);
        if (update) {
            s.update();
        }
        double[] t = s.x;
        s.x = s.xTrial;
        s.xTrial = t;
        t = s.g;
        s.g = s.gTrial;
        s.gTrial = t;
        t = s.c;
        s.c = s.cTrial;
        s.cTrial = t;
        t = s.jac;
        s.jac = s.jacTrial;
        s.jacTrial = t;
        s.f = s.fTrial;
        s.certify();
    }

    /** The SQP iterate, its quasi-Newton matrix and the workspaces of the quadratic programs. */
    public static final class State extends ConstrainedState {
        final double[] B;
        final double[] d;
        final double[] dFull;
        final double[] yQp;
        final double[] yFull;
        double[] xTrial;
        double[] gTrial;
        double[] cTrial;
        double[] jacTrial;
        double fTrial;
        final double[] cShifted;
        final double[] aEq;
        final double[] aIn;
        final double[] bEq;
        final double[] bIn;
        final double[] lo;
        final double[] hi;
        final double[] bigG;
        final double[] bigGradient;
        final double[] bigIn;
        final double[] sv;
        final double[] rv;
        final double[] bs;
        final double[] work;
        final DualActiveSetQp qp;
        /** The rows J_A of an escape step, and their zero right-hand sides. */
        final double[] kept;
        final double[] zeros;
        /** Powell's penalties νᵢ of the merit function. */
        final double[] nu;
        boolean scaled;
        /** Successive iterations without a descent direction. */
        int idle;
        int restorations;
        int escapes;
        int corrections;
        int dampedUpdates;
        int skippedUpdates;
        int resets;

        State(ConstrainedProblem problem, double[] x0) {
            super(problem, x0);
            int q = m - p;
            B = new double[n * n];
            int w = n + q; // the restoration program's unknowns: d and the slacks
            nu = new double[m];
            kept = new double[m * n];
            zeros = new double[m];
            d = new double[w];
            dFull = new double[n];
            yQp = new double[m];
            yFull = new double[m];
            xTrial = new double[n];
            gTrial = new double[n];
            cTrial = new double[m];
            jacTrial = new double[m * n];
            cShifted = new double[m];
            aEq = new double[p * n];
            aIn = new double[q * n];
            bEq = new double[p];
            bIn = new double[q];
            lo = new double[w];
            hi = new double[w];
            bigG = new double[w * w];
            bigGradient = new double[w];
            bigIn = new double[q * w];
            sv = new double[n];
            rv = new double[n];
            bs = new double[n];
            work = new double[n];
            qp = new DualActiveSetQp(w, m);
            for (int i = 0; i < n; i++) {
                B[i * n + i] = 1;
            }
        }

        void resetHessian() {
            Arrays.fill(B, 0);
            for (int i = 0; i < n; i++) {
                B[i * n + i] = 1;
            }
            scaled = false;
            resets++;
        }

        /** Powell's damped BFGS update of B with the pair (sv, rv). */
        void update() {
            double ss = Vectors.dot(sv, sv);
            double sr = Vectors.dot(sv, rv);
            if (ss == 0) {
                return;
            }
            if (!scaled && sr > 0) {
                double scale = Vectors.dot(rv, rv) / sr;
                Arrays.fill(B, 0);
                for (int i = 0; i < n; i++) {
                    B[i * n + i] = scale;
                }
                scaled = true;
            }
            double sBs = 0;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v += B[i * n + j] * sv[j];
                }
                bs[i] = v;
                sBs += sv[i] * v;
            }
            if (!(sBs > 0) || !Double.isFinite(sr)) {
                skippedUpdates++;
                return;
            }
            if (sr < 0.2 * sBs) {
                double theta = 0.8 * sBs / (sBs - sr);
                for (int i = 0; i < n; i++) {
                    rv[i] = theta * rv[i] + (1 - theta) * bs[i];
                }
                sr = 0.2 * sBs;
                dampedUpdates++;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    B[i * n + j] += rv[i] * rv[j] / sr - bs[i] * bs[j] / sBs;
                }
            }
        }

        /** vᵢ at the constraint value cᵢ: |cᵢ| for an equality, max(cᵢ, 0) for an inequality. */
        double violation(int i, double ci) {
            return i < p ? Math.abs(ci) : Math.max(ci, 0);
        }

        /** vᵢ of the constraint linearised at x and moved by the step d, from the constants {@code constants}. */
        double linearised(int i, double[] constants) {
            double ci = constants[i];
            for (int j = 0; j < n; j++) {
                ci += jac[i * n + j] * d[j];
            }
            return violation(i, ci);
        }

        /** Σ νᵢvᵢ at the constraint values {@code values}: the penalty term of the merit function. */
        double penalised(double[] values) {
            double v = 0;
            for (int i = 0; i < m; i++) {
                v += nu[i] * violation(i, values[i]);
            }
            return v;
        }

        /** Σ vᵢ at the constraint values {@code values}: the ℓ1 violation. */
        double l1(double[] values) {
            double v = 0;
            for (int i = 0; i < m; i++) {
                v += violation(i, values[i]);
            }
            return v;
        }

        @Override
        public Map<String, Object> details() {
            return details(Map.of("penalty", Vectors.normInf(nu), "restorations", restorations, "escapes", escapes,
                    "secondOrderCorrections", corrections, "dampedUpdates", dampedUpdates, "hessianResets", resets));
        }
    }
}
