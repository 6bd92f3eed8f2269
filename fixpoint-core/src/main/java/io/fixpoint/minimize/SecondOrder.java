package io.fixpoint.minimize;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/** Checks and verdicts shared by the second-order minimisers. */
final class SecondOrder {
    private SecondOrder() {
    }

    /** Throws unless {@code f} provides its Hessian, naming the solver. */
    static void requireHessian(String solver, Objective f) {
        if (!f.hasHessian()) {
            throw new InvalidProblemException(solver + " needs the Hessian of the objective, but it provides none (hasHessian() is false)");
        }
    }

    /** Throws unless {@code f} provides Hessian-vector products, naming the solver. */
    static void requireHessianVector(String solver, Objective f) {
        if (!f.hasHessianVector()) {
            throw new InvalidProblemException(solver
                    + " needs Hessian-vector products of the objective, but it provides none (hasHessianVector() is false)");
        }
    }

    static Verdict nonFiniteHessian() {
        return new Verdict(Status.NON_FINITE, "the Hessian has a non-finite entry at the current iterate");
    }
}
