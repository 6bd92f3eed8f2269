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
 * by {@link DualActiveSetQp}, and searches along d on the ℓ1 merit function φ = f + ν‖v(x)‖₁,
 * v = (g, max(h, 0)), with backtracking (Armijo on the directional derivative bound
 * ∇fᵀd + ν(‖v + Jd‖₁ − ‖v‖₁), Nocedal and Wright (18.29)). The penalty ν never decreases and is
 * raised to 1.1·max(‖y_QP‖∞, (∇fᵀd + ½dᵀBd)/(½(‖v‖₁ − ‖v + Jd‖₁))) (their (18.36)), so d is a descent
 * direction of φ; an increase of φ within its rounding noise (10⁻¹³ relative) passes the test, as decreases that
 * small cannot be measured. When the full step is rejected, one second-order correction (the same program with c(x + d) −
 * J·d in place of c, their (18.37)) is tried before backtracking, against the Maratos effect.
 *
 * <p>When the linearised constraints are inconsistent, the program is solved in elastic mode
 * (Fletcher's Sℓ1QP, as SNOPT does): each constraint gets nonnegative elastic variables, Jd + c =
 * s⁺ − s⁻ and Jd + c ≤ t, charged ν_e·Σ(s⁺ + s⁻ + t) with ν_e = 100·max(1, ν, ‖y‖∞) and a small
 * quadratic term that keeps the program strictly convex; the step then reduces the linearised ℓ1
 * violation as far as the model allows. An iterate with violation ‖v‖∞ ≥ 10⁻⁶ ends the solve
 * {@link Status#LOCALLY_INFEASIBLE} when it is a stationary point of ½‖v‖² over the bounds (projected
 * gradient ≤ {@code infeasibleRelative}·‖v‖∞), or when no step reduces the linearised violation
 * ‖v + Jd‖₁ at all (the elastic program without the objective, a stationary point of ‖v‖₁).
 *
 * <p>B is the damped BFGS approximation of the Hessian of the Lagrangian (Powell 1978: the pair
 * (s, r) with r = θ·Δ∇L + (1 − θ)·Bs keeps sᵀr ≥ 0.2·sᵀBs, so B stays positive definite), scaled by
 * rᵀr/sᵀr before its first update (Nocedal and Wright (6.20)). Multipliers follow the step:
 * y ← y + α(y_QP − y). The iterates never leave the bounds.
 *
 * @param maxBacktracks     step halvings (by quadratic interpolation, at least ×0.1) before the line search gives up
 * @param infeasibleRelative the relative stationarity of ½‖v‖² reported as local infeasibility
 */
public record Sqp(int maxBacktracks, double infeasibleRelative) implements Solver<ConstrainedProblem, Sqp.State> {
    /** Sufficient-decrease constant of the merit line search. */
    static final double ARMIJO = 1e-4;
    /** Relative rounding noise of the merit function tolerated by the sufficient-decrease test. */
    static final double NOISE = 1e-13;
    /** Violations below this are not called infeasible. */
    static final double FEASIBILITY_FLOOR = 1e-6;

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
        if (s.infeasibleStationary(FEASIBILITY_FLOOR, infeasibleRelative, s.work)) {
            s.stepNorm = 0;
            return s;
        }
        double violation1 = s.violationL1();
        Outcome qp = subproblem(s, s.c);
        if (qp == Outcome.FAILED) {
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
        double reduction = violation1 - s.linearisedViolation(s.c); // of the ℓ1 violation, to first order
        if (s.elastic && s.violation() >= FEASIBILITY_FLOOR && reduction <= 1e-8 * violation1 && noFeasibleDescent(s)) {
            return s;
        }
        double needed = Vectors.normInf(s.yQp);
        if (reduction > 0) {
            needed = Math.max(needed, (gd + 0.5 * dBd) / (0.5 * reduction));
        }
        if (s.nu < needed) {
            s.nu = 1.1 * needed;
        }
        double slope = gd - s.nu * reduction;
        double merit = s.f + s.nu * violation1;
        // changes of φ below its rounding cannot be judged: near a solution the full step is then taken
        double noise = NOISE * (Math.abs(s.f) + s.nu * violation1 + Double.MIN_NORMAL);
        if (dNorm == 0 || !(slope < 0)) {
            // no descent left: x is stationary for the program's model; take its multipliers
            System.arraycopy(s.yQp, 0, s.y, 0, s.m);
            s.stepNorm = 0;
            s.certify();
            if (dNorm != 0) {
                s.verdict = new Verdict(Status.STALLED, "the SQP direction is not a descent direction of the merit function (slope "
                        + String.format("%.3g", slope) + ")");
            }
            return s;
        }

        double alpha = 1;
        boolean accepted = trial(problem, s, s.d, 1);
        double tried = accepted ? meritAt(s) : Double.NaN;
        if (tried <= merit + ARMIJO * slope + noise) {
            accept(problem, s, 1);
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
                accept(problem, s, 1);
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
                    accept(problem, s, alpha);
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

    private enum Outcome { SOLVED, FAILED }

    /**
     * Solves the program at x with constants {@code constants} (c(x), or the shifted ones of a
     * correction), in elastic mode when inconsistent; writes d and y_QP. FAILED sets a verdict.
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
        s.elastic = false;
        for (int attempt = 0; attempt < 2; attempt++) {
            DualActiveSetQp.Outcome o = s.qp.solve(n, s.B, s.g, p, s.aEq, s.bEq, q, s.aIn, s.bIn, s.lo, s.hi, s.d, s.yQp);
            if (o == DualActiveSetQp.Outcome.OPTIMAL) {
                return Outcome.SOLVED;
            }
            if (o == DualActiveSetQp.Outcome.INFEASIBLE) {
                double weight = 100 * Math.max(1, Math.max(s.nu, Vectors.normInf(s.y)));
                if (elastic(s, s.B, s.g, weight) == DualActiveSetQp.Outcome.OPTIMAL) {
                    s.elastic = true;
                    s.elasticSubproblems++;
                    return Outcome.SOLVED;
                }
                break;
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
     * The elastic program in (d, s⁺, s⁻, t): min ½dᵀGd + gᵀd + w·Σ(s⁺ + s⁻ + t) + ½ε‖(s⁺, s⁻, t)‖²
     * s.t. Jₑd − s⁺ + s⁻ = −cₑ, Jᵢd − t ≤ −cᵢ, elastics ≥ 0, with the bounds on d already in
     * {@code s.lo}, {@code s.hi} and the right-hand sides in {@code s.bEq}, {@code s.bIn}.
     */
    private static DualActiveSetQp.Outcome elastic(State s, double[] G, double[] g, double weight) {
        int n = s.n;
        int p = s.p;
        int q = s.m - p;
        int w = n + 2 * p + q;
        double maxDiagonal = 1;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, G[i * n + i]);
        }
        Arrays.fill(s.bigG, 0, w * w, 0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(G, i * n, s.bigG, i * w, n);
        }
        for (int k = n; k < w; k++) {
            s.bigG[k * w + k] = 1e-8 * maxDiagonal; // keeps the program strictly convex
            s.bigGradient[k] = weight;
            s.lo[k] = 0;
            s.hi[k] = Double.POSITIVE_INFINITY;
        }
        System.arraycopy(g, 0, s.bigGradient, 0, n);
        Arrays.fill(s.bigEq, 0, p * w, 0);
        Arrays.fill(s.bigIn, 0, q * w, 0);
        for (int i = 0; i < p; i++) {
            System.arraycopy(s.jac, i * n, s.bigEq, i * w, n);
            s.bigEq[i * w + n + i] = -1;
            s.bigEq[i * w + n + p + i] = 1;
        }
        for (int i = 0; i < q; i++) {
            System.arraycopy(s.jac, (p + i) * n, s.bigIn, i * w, n);
            s.bigIn[i * w + n + 2 * p + i] = -1;
        }
        return s.qp.solve(w, s.bigG, s.bigGradient, p, s.bigEq, s.bEq, q, s.bigIn, s.bIn, s.lo, s.hi, s.d, s.yQp);
    }

    /**
     * Whether no step reduces the linearised ℓ1 violation: the elastic program without the objective
     * (G = εI, g = 0). If so, x is a stationary point of ‖v‖₁ and the solve ends LOCALLY_INFEASIBLE.
     */
    private static boolean noFeasibleDescent(State s) {
        double violation1 = s.violationL1();
        for (int j = 0; j < s.n; j++) {
            Arrays.fill(s.identity, j * s.n, (j + 1) * s.n, 0);
            s.identity[j * s.n + j] = 1e-8;
        }
        Arrays.fill(s.work, 0);
        if (elastic(s, s.identity, s.work, 1) != DualActiveSetQp.Outcome.OPTIMAL) {
            return false;
        }
        double least = s.linearisedViolation(s.c);
        if (violation1 - least > 1e-8 * violation1) {
            return false;
        }
        s.stepNorm = 0;
        s.verdict = new Verdict(Status.LOCALLY_INFEASIBLE, String.format("the constraints look infeasible: no step reduces the "
                + "linearised violation ‖v + Jd‖₁ below ‖v‖₁ = %.3g (a stationary point of the ℓ1 violation), violation ‖v‖∞ = %.3g",
                violation1, s.violation()));
        return true;
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
        return s.fTrial + s.nu * State.violationL1(s.p, s.cTrial);
    }

    /** Moves to the trial point: new gradient and Jacobian, multipliers, damped BFGS update, KKT residuals. */
    private static void accept(ConstrainedProblem problem, State s, double alpha) {
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
        s.update();
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
        final double[] identity;
        final double[] bigG;
        final double[] bigGradient;
        final double[] bigEq;
        final double[] bigIn;
        final double[] sv;
        final double[] rv;
        final double[] bs;
        final double[] work;
        final DualActiveSetQp qp;
        /** Whether the last program was solved in elastic mode. */
        boolean elastic;
        double nu;
        boolean scaled;
        int elasticSubproblems;
        int corrections;
        int dampedUpdates;
        int skippedUpdates;
        int resets;

        State(ConstrainedProblem problem, double[] x0) {
            super(problem, x0);
            int q = m - p;
            B = new double[n * n];
            int w = n + 2 * p + q; // the elastic program's unknowns
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
            identity = new double[n * n];
            bigG = new double[w * w];
            bigGradient = new double[w];
            bigEq = new double[p * w];
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

        double violationL1() {
            return violationL1(p, c);
        }

        /** ‖v(c + J·d)‖₁: the ℓ1 violation of the constraints linearised at x, after the step d. */
        double linearisedViolation(double[] constants) {
            double v = 0;
            for (int i = 0; i < m; i++) {
                double ci = constants[i];
                for (int j = 0; j < n; j++) {
                    ci += jac[i * n + j] * d[j];
                }
                v += i < p ? Math.abs(ci) : Math.max(ci, 0);
            }
            return v;
        }

        static double violationL1(int p, double[] c) {
            double v = 0;
            for (int i = 0; i < c.length; i++) {
                v += i < p ? Math.abs(c[i]) : Math.max(c[i], 0);
            }
            return v;
        }

        @Override
        public Map<String, Object> details() {
            return details(Map.of("penalty", nu, "elasticSubproblems", elasticSubproblems, "secondOrderCorrections", corrections,
                    "dampedUpdates", dampedUpdates, "hessianResets", resets));
        }
    }
}
