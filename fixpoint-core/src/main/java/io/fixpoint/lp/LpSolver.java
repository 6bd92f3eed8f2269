package io.fixpoint.lp;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Solves a linear program end to end: presolve, a PDHG solver from the catalogue under the
 * {@link Driver} its settings describe (which stops at relative KKT error ≤ ε), postsolve, and the
 * final word on the original program: the KKT figures are recomputed there in double precision,
 * CONVERGED stands only if they meet ε, and an infeasibility status stands only if its ray, mapped
 * back, passes {@link FarkasRay}'s check.
 */
public final class LpSolver {
    private LpSolver() {
    }

    /** {@code method} with its default settings, one thread, presolve on. */
    public static LpResult solve(LinearProgram lp, SolverSpec<LinearProgram> method) {
        return solve(lp, method, LpSettings.of(method.defaults()));
    }

    public static LpResult solve(LinearProgram lp, SolverSpec<LinearProgram> method, LpSettings settings) {
        long t0 = System.nanoTime();
        try (ParallelExecutor executor = ParallelExecutor.of(settings.threads())) {
            Presolve presolve = settings.presolve() ? Presolve.of(lp) : null;
            if (presolve != null && presolve.proof() != null) {
                LpResult proved = presolveProof(lp, presolve, method.name(), executor, t0);
                if (proved != null) {
                    return proved;
                }
                presolve = null;
            }
            LinearProgram work = presolve == null ? lp : presolve.reduced();
            // the driver's threshold (Tolerances.target) needs the KKT error at the start; the listener sees it
            double[] start = {Double.NaN};
            List<IterationListener> listeners = new ArrayList<>();
            listeners.add((k, state, counts) -> {
                if (k == 0) {
                    start[0] = state.optimality();
                }
            });
            if (settings.listener() != null) {
                listeners.add(settings.listener());
            }
            Solution s = settings.driver().driver(listeners, () -> false)
                    .solve(method.create(SolverContext.of(executor)), work, new double[work.dimension()]);
            double epsilon = settings.driver().tolerances().target(start[0], s.value());
            double[] yWork = (double[]) s.details().get("dual");
            double[] x = presolve == null ? s.x() : presolve.postsolvePrimal(s.x(), false);
            double[] y = presolve == null ? yWork : presolve.postsolveDual(yWork, false);
            KktError kkt = evaluate(lp, x, y, executor);
            Status status = s.status();
            String message = s.message();
            FarkasRay ray = null;
            if (status == Status.CONVERGED && !(kkt.relative() <= epsilon)) {
                status = Status.STALLED;
                message = "the presolved program met the tolerance but the postsolved point does not: relative KKT error "
                        + PdhgState.fmt(kkt.relative()) + " > " + epsilon;
            } else if (status == Status.CONVERGED) {
                message = "relative KKT error " + PdhgState.fmt(kkt.relative()) + " ≤ ε = " + epsilon + " on the program as given";
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
            Map<String, Object> details = new LinkedHashMap<>(s.details());
            describe(details, kkt, y, ray);
            Solution onOriginal = new Solution(s.solver(), status, message, x, kkt.primalObjective(), kkt.relative(), s.iterations(),
                    s.evaluations(), (System.nanoTime() - t0) * 1e-9, s.trace(), s.rate(), details,
                    status == Status.CONVERGED ? Solution.OPTIMALITY : null, status == Status.CONVERGED); // KKT checked above on the program as given
            return new LpResult(onOriginal, y, kkt, ray, epsilon, presolve == null ? 0 : presolve.removedRows(),
                    presolve == null ? 0 : presolve.removedColumns());
        }
    }

    private static LpResult presolveProof(LinearProgram lp, Presolve p, String method, ParallelExecutor executor, long t0) {
        FarkasRay ray = check(lp, p.proof(), p.proofRay(), executor);
        if (!ray.valid()) {
            return null;
        }
        double[] x = new double[lp.dimension()];
        double[] y = new double[lp.constraints()];
        KktError kkt = evaluate(lp, x, y, executor);
        String what = p.proof() == Status.PRIMAL_INFEASIBLE ? "primal infeasible" : "dual infeasible";
        Map<String, Object> details = new LinkedHashMap<>();
        describe(details, kkt, y, ray);
        Solution s = new Solution(method, p.proof(), what + ", shown by presolve: the ray it found certifies a radius of "
                + PdhgState.fmt(ray.radius()), x, kkt.primalObjective(), kkt.relative(), 0, new Evaluations(Map.of()),
                (System.nanoTime() - t0) * 1e-9, new Trace(), RateEstimate.UNKNOWN, details, null, false);
        return new LpResult(s, y, kkt, ray, Double.NaN, 0, 0);
    }

    /** The figures on the program as given replace those the solver reported on the presolved one. */
    private static void describe(Map<String, Object> details, KktError kkt, double[] y, FarkasRay ray) {
        kkt.describe(details);
        details.put("dual", y.clone());
        details.remove("ray");
        if (ray != null) {
            details.put("ray", ray.ray().clone());
        }
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
