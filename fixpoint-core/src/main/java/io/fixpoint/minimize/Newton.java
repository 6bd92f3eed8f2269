package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.Backtracking;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * Newton's method with a line search: d solves (∇²f + τI)·d = −∇f, where τ = 0 when the Hessian is
 * positive definite and otherwise the modified-Cholesky shift of Nocedal–Wright Algorithm 3.3 (so d
 * is always a descent direction), followed by the line search from the unit step. Near a
 * nondegenerate minimiser τ = 0 and the unit step is accepted, so convergence is quadratic. A step
 * the line search accepts without changing x ends the solve STALLED at once.
 */
public final class Newton implements Solver<Objective, Newton.State> {
    private final LineSearch lineSearch;

    /** Newton with Armijo backtracking. */
    public Newton() {
        this(new Backtracking());
    }

    public Newton(LineSearch lineSearch) {
        this.lineSearch = lineSearch;
    }

    @Override
    public String name() {
        return "newton";
    }

    @Override
    public State init(Objective f, double[] x0) {
        SecondOrder.requireHessian(name(), f);
        return new State(f, x0);
    }

    /** The gradient test holds: check the second-order condition there (see {@link SecondOrder#confirmMinimum}). */
    @Override
    public Verdict confirm(Objective f, State s) {
        return SecondOrder.confirmMinimum(f, s);
    }

    @Override
    public State step(Objective f, State s) {
        if (!s.factorHessian(f)) {
            return s;
        }
        Vectors.negate(s.g, s.d);
        s.system.solve(s.d, s.d);
        LineSearchResult r = lineSearch.search(f, s.x, s.value, s.g, s.d, 1, s.xTrial, s.gTrial);
        if (!r.success()) {
            s.verdict = new Verdict(Status.STALLED, "line search along the Newton direction failed: " + r.message());
            return s;
        }
        if (Vectors.same(s.x, s.xTrial)) {
            // Near a minimiser the rounding of f can hide every decrease until t·d falls below the
            // spacing of x, where f(x + t·d) = f(x) passes the Armijo test; the next step would be this one again.
            s.verdict = new Verdict(Status.STALLED, "the line search's step no longer changes x (t = " + r.step()
                    + "): the rounding of f hides the decrease along the Newton direction");
            return s;
        }
        s.acceptTrial(r.value(), r.step() * Vectors.norm(s.d));
        return s;
    }

    /** Iterate, gradient and workspaces of a Newton solve. */
    public static final class State extends NewtonState {
        final double[] d;

        State(Objective f, double[] x0) {
            super(f, x0);
            d = new double[x0.length];
        }


        /** The Hessian shift τ of the last step (0 when the Hessian was positive definite). */
        public double shift() {
            return lastShift;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("shiftedSteps", shiftedSteps).put("maxShift", maxShift).put("lastShift", lastShift);
        }
    }
}
