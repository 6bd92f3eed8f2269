package io.fixpoint.bench.sequence;

import io.fixpoint.parallel.AffineScan;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Cell;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Solution;
import java.util.Arrays;

/**
 * Per-operation costs measured on this machine (one thread, medians of repeats) and the wall time
 * they project for a solve on P cores. The projection charges a solve's counted cell evaluations and
 * Jacobians at 1/P of their sequential cost (they are independent), each scan its blocked critical
 * path (n/P compositions + P carries + n/P applications), and each parallel region a fork/join cost.
 *
 * @param stepNs     one cell evaluation f(h, u)
 * @param jacobianNs one dense Jacobian ∂f/∂h
 * @param applyNs    one dense scan element x ↦ A x + b (D×D matrix-vector product)
 * @param composeNs  one dense composition A·M (D×D matrix product) with its shift
 * @param diagonalNs one diagonal scan element
 * @param forkNs     one fork/join of a parallel region on 2 workers
 */
public record CostModel(double stepNs, double jacobianNs, double applyNs, double composeNs, double diagonalNs, double forkNs) {

    /** Times each operation in a loop over a short random trajectory (median of {@code repeats}). */
    public static CostModel calibrate(Recurrence p, int repeats) {
        Cell cell = p.cell();
        int d = cell.stateDimension();
        int n = (int) Math.max(200, Math.min(p.length(), 2_000_000L / (1L + (long) d * d)));
        Recurrence q = p;
        double[] traj = new double[n * d];
        double[] work = new double[cell.workspaceSize()];
        double[] jac = new double[n * d * d];
        double[] b = new double[n * d];
        double[] out = new double[n * d];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < jac.length; i++) {
            jac[i] = rnd.nextDouble(-1.0 / d, 1.0 / d);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble(-1, 1);
            traj[i] = rnd.nextDouble(-0.5, 0.5);
        }
        int m = Math.min(n, q.length());
        double step = median(repeats, () -> {
            for (int t = 1; t <= m; t++) {
                q.step(t, traj, out, (t - 1) * d, work);
            }
        }) / m;
        double jacobian = median(repeats, () -> {
            for (int t = 1; t <= m; t++) {
                q.jacobian(t, traj, jac, (t - 1) * d * d, work);
            }
        }) / m;
        for (int i = 0; i < jac.length; i++) {
            jac[i] = rnd.nextDouble(-1.0 / d, 1.0 / d);
        }
        double apply = median(repeats, () -> AffineScan.sequential(d, false, jac, b, null, 0, out, 0, n)) / n;
        double diagonal = median(repeats, () -> AffineScan.sequential(d, true, jac, b, null, 0, out, 0, n)) / n;
        double compose;
        double fork;
        try (ParallelExecutor two = ParallelExecutor.of(2)) {
            AffineScan scan = new AffineScan(d, false, two, true);
            // two chunks: chunk 1 composes n/2 elements while chunk 0 applies; the second pass applies n/2 again
            double total = median(repeats, () -> scan.solve(jac, b, null, 0, out, 0, n));
            fork = median(repeats * 20, () -> two.forEachChunk(2, c -> { })) ;
            compose = Math.max(0, (total - 2 * fork) / (n / 2.0) - apply);
        }
        return new CostModel(step, jacobian, apply, compose, diagonal, fork);
    }

    /** Projected seconds of {@code s} (a solve of {@code p} by {@code method}) on P cores. */
    public double project(String method, Recurrence p, Solution s, int cores) {
        int t = p.length();
        long steps = s.evaluations().get(Evaluation.STEP);
        long jacobians = s.evaluations().get(Evaluation.JACOBIAN);
        int iterations = s.iterations();
        double ns;
        switch (method) {
            case "sequential" -> ns = t * stepNs;
            case "deer", "quasi-deer", "elk" -> {
                boolean diag = method.equals("quasi-deer");
                double eval = (steps * stepNs + jacobians * jacobianNs) / cores;
                double scan;
                if (method.equals("elk")) {
                    scan = 2.0 * t * (3 * composeNs + applyNs); // sequential block elimination: no parallel smoother here
                } else {
                    // the scan blocks only when that is faster (AffineScan.blocks), so take the cheaper path
                    double per = (double) t / cores;
                    double blocked = per * (diag ? 2 * diagonalNs : composeNs + applyNs) + cores * applyNs + per * (diag ? diagonalNs : applyNs);
                    double plain = t * (diag ? diagonalNs : applyNs);
                    scan = cores == 1 ? plain : Math.min(plain, blocked);
                }
                ns = eval + iterations * scan + (iterations + 1) * 3 * fork(cores);
            }
            default -> ns = steps * stepNs / cores + (iterations + 1) * 2 * fork(cores); // jacobi, gauss-seidel
        }
        return ns * 1e-9;
    }

    private double fork(int cores) {
        return cores == 1 ? 0 : forkNs * Math.max(1, Math.log(cores) / Math.log(2));
    }

    static double median(int repeats, Runnable r) {
        r.run(); // warm-up
        double[] ns = new double[Math.max(1, repeats)];
        for (int i = 0; i < ns.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        return ns[ns.length / 2];
    }
}
