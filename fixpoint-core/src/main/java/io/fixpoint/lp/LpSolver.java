package io.fixpoint.lp;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;

/**
 * Solves a linear program end to end: presolve, a PDHG solver under the {@link Driver} (which stops at
 * relative KKT error ≤ ε), postsolve, and the final word on the original program: the KKT figures
 * are recomputed there in double precision, CONVERGED stands only if they meet ε, and an
 * infeasibility status stands only if its ray, mapped back, passes {@link FarkasRay}'s check.
 */
public final class LpSolver {
    private LpSolver() {
    }

    public static LpResult solve(LinearProgram lp, LpSettings settings) {
        long t0 = System.nanoTime();
        try (ParallelExecutor executor = ParallelExecutor.of(settings.threads())) {
            Presolve presolve = settings.presolve() ? Presolve.of(lp) : null;
            if (presolve != null && presolve.proof() != null) {
                LpResult proved = presolveProof(lp, presolve, settings, executor, t0);
                if (proved != null) {
                    return proved;
                }
                presolve = null;
            }
            LinearProgram work = presolve == null ? lp : presolve.reduced();
            Driver.Builder driver = Driver.builder().tolerance(settings.tolerance()).maxIterations(settings.maxIterations())
                    .stallIterations(Integer.MAX_VALUE).recordTrace(false).timeLimit(settings.timeLimit());
            if (settings.listener() != null) {
                driver.listener(settings.listener());
            }
            Solution s = driver.build().solve(LpMethods.byName(settings.method(), executor), work, new double[work.dimension()]);
            double[] yWork = (double[]) s.details().get("dual");
            double[] x = presolve == null ? s.x() : presolve.postsolvePrimal(s.x(), false);
            double[] y = presolve == null ? yWork : presolve.postsolveDual(yWork, false);
            KktError kkt = evaluate(lp, x, y, executor);
            Status status = s.status();
            String message = s.message();
            FarkasRay ray = null;
            if (status == Status.CONVERGED && !(kkt.relative() <= settings.tolerance())) {
                status = Status.STALLED;
                message = "the presolved program met the tolerance but the postsolved point does not: relative KKT error "
                        + PdhgState.fmt(kkt.relative()) + " > " + settings.tolerance();
            } else if (status == Status.CONVERGED) {
                message = "relative KKT error " + PdhgState.fmt(kkt.relative()) + " ≤ ε = " + settings.tolerance()
                        + " on the program as given";
            } else if (status == Status.PRIMAL_INFEASIBLE || status == Status.DUAL_INFEASIBLE) {
                double[] r = (double[]) s.details().get("ray");
                boolean dualRay = status == Status.PRIMAL_INFEASIBLE;
                double[] mapped = presolve == null ? r : dualRay ? presolve.postsolveDual(r, true) : presolve.postsolvePrimal(r, true);
                ray = check(lp, status, mapped, executor);
                if (!ray.valid()) {
                    message = "a ray that certified " + status + " on the presolved program failed its check on the original program";
                    status = Status.STALLED;
                    ray = null;
                }
            }
            long products = s.evaluations().get(Evaluation.MATRIX_VECTOR);
            return new LpResult(s.solver(), status, message, x, y, kkt, ray, s.iterations(), products, (System.nanoTime() - t0) * 1e-9,
                    presolve == null ? 0 : presolve.removedRows(), presolve == null ? 0 : presolve.removedColumns());
        }
    }

    private static LpResult presolveProof(LinearProgram lp, Presolve p, LpSettings settings, ParallelExecutor executor, long t0) {
        FarkasRay ray = check(lp, p.proof(), p.proofRay(), executor);
        if (!ray.valid()) {
            return null;
        }
        double[] x = new double[lp.dimension()];
        double[] y = new double[lp.constraints()];
        String what = p.proof() == Status.PRIMAL_INFEASIBLE ? "primal infeasible" : "dual infeasible";
        return new LpResult(settings.method(), p.proof(), what + ", shown by presolve: the ray it found certifies a radius of "
                + PdhgState.fmt(ray.radius()), x, y, evaluate(lp, x, y, executor), ray, 0, 0, (System.nanoTime() - t0) * 1e-9, 0, 0);
    }

    private static FarkasRay check(LinearProgram lp, Status status, double[] ray, ParallelExecutor executor) {
        return status == Status.PRIMAL_INFEASIBLE
                ? FarkasRay.ofDualRay(lp, ray, Pdhg.DEFAULT_INFEASIBILITY_TOLERANCE, executor)
                : FarkasRay.ofPrimalRay(lp, ray, Pdhg.DEFAULT_INFEASIBILITY_TOLERANCE, executor);
    }

    /** KKT figures of (x, y) on {@code lp}, products formed afresh. */
    public static KktError evaluate(LinearProgram lp, double[] x, double[] y, ParallelExecutor executor) {
        double[] ax = new double[lp.constraints()];
        double[] aty = new double[lp.dimension()];
        lp.multiply(x, ax, executor);
        lp.multiplyTransposed(y, aty, executor);
        return KktError.of(lp, x, y, ax, aty);
    }
}
