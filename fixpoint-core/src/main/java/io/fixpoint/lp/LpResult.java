package io.fixpoint.lp;

import io.fixpoint.solve.Status;

/**
 * The outcome of a linear-programming solve, on the program as given (after postsolve).
 *
 * @param method               the solver's name
 * @param status               CONVERGED (optimal at ε), PRIMAL_INFEASIBLE or DUAL_INFEASIBLE (with a checked
 *                             ray), or a budget / failure status
 * @param message              why the solve ended
 * @param x                    the primal point (the last certified one)
 * @param y                    the dual point
 * @param kkt                  KKT figures of (x, y), recomputed on the original program in double precision
 * @param ray                  the checked ray behind an infeasibility status, else null
 * @param iterations           PDHG iterations
 * @param matrixVectorProducts products A·x and Aᵀ·y, all counted (a KKT pass is two)
 * @param seconds              wall time of presolve, solve and postsolve
 * @param removedRows          rows presolve removed
 * @param removedColumns       columns presolve removed
 */
public record LpResult(String method, Status status, String message, double[] x, double[] y, KktError kkt, FarkasRay ray,
        int iterations, long matrixVectorProducts, double seconds, int removedRows, int removedColumns) {

    public boolean optimal() {
        return status == Status.CONVERGED;
    }

    /** OPTIMAL for a converged solve, otherwise the status's name. */
    public String statusName() {
        return optimal() ? "OPTIMAL" : status.name();
    }

    /** The primal objective cᵀx + c₀ at {@link #x()}. */
    public double objective() {
        return kkt.primalObjective();
    }
}
