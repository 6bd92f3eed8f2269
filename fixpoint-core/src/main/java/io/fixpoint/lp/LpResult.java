package io.fixpoint.lp;

import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;

/**
 * The outcome of a linear-programming solve, on the program as given (after postsolve).
 *
 * @param solution       the solve: status (CONVERGED means optimal at ε; PRIMAL_INFEASIBLE or DUAL_INFEASIBLE
 *                       come with a checked ray; otherwise a budget or failure status), message, the primal point
 *                       x (the last certified one), the objective as value, the relative KKT error as optimality,
 *                       iterations, counts (every product A·x and Aᵀ·y), wall time of presolve, solve and postsolve
 * @param y              the dual point
 * @param kkt            KKT figures of (x, y), recomputed on the original program in double precision
 * @param ray            the checked ray behind an infeasibility status, else null
 * @param tolerance      the ε the solve was held to
 * @param removedRows    rows presolve removed
 * @param removedColumns columns presolve removed
 */
public record LpResult(Solution solution, double[] y, KktError kkt, FarkasRay ray, double tolerance, int removedRows, int removedColumns) {

    public String method() {
        return solution.solver();
    }

    public Status status() {
        return solution.status();
    }

    public String message() {
        return solution.message();
    }

    /** The primal point. */
    public double[] x() {
        return solution.x();
    }

    public int iterations() {
        return solution.iterations();
    }

    /** Products A·x and Aᵀ·y, all counted (a KKT pass is two). */
    public long matrixVectorProducts() {
        return solution.evaluations().get(Evaluation.MATRIX_VECTOR);
    }

    public double seconds() {
        return solution.seconds();
    }

    public boolean optimal() {
        return solution.converged();
    }

    /** OPTIMAL for a converged solve, otherwise the status's name. */
    public String statusName() {
        return optimal() ? "OPTIMAL" : status().name();
    }

    /** The primal objective cᵀx + c₀ at {@link #x()}. */
    public double objective() {
        return kkt.primalObjective();
    }
}
