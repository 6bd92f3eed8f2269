package io.fixpoint.minimize;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * A {@link GradientState} with the shifted Newton system of the line-search Newton methods, and the
 * record of how often and how far the Hessian had to be shifted.
 */
abstract class NewtonState extends GradientState {
    final NewtonSystem system;
    double lastShift;
    double maxShift;
    int shiftedSteps;

    NewtonState(Objective problem, double[] x0) {
        super(problem, x0);
        system = new NewtonSystem(x0.length);
    }

    /**
     * Evaluates the Hessian at x and factorises it with the smallest safe shift τ; false (with a
     * verdict) when the Hessian is not finite or no shift makes it positive definite.
     */
    boolean factorHessian(Objective problem) {
        problem.hessian(x, system.hessian);
        if (!system.hessianFinite()) {
            verdict = SecondOrder.nonFiniteHessian();
            return false;
        }
        if (!system.factor()) {
            verdict = new Verdict(Status.STALLED, "no shift τ made the Hessian positive definite");
            return false;
        }
        double tau = system.shift();
        lastShift = tau;
        maxShift = Math.max(maxShift, tau);
        if (tau > 0) {
            shiftedSteps++;
        }
        return true;
    }
}
