package io.fixpoint.lp;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * PDHG with PDLP's enhancements (Applegate et al., "Practical large-scale linear programming using
 * primal-dual hybrid gradient", NeurIPS 2021, §3): diagonal preconditioning by Ruiz and
 * Pock–Chambolle scaling, the adaptive step size of §3.1 (a step is accepted when
 * η ≤ ‖Δz‖²_ω / (2|ΔyᵀAΔx|), and the next η is min((1 − (k+1)^−0.3)·that limit, (1 + (k+1)^−0.6)·η)),
 * the step-size-weighted average of the iterates since the last restart, adaptive restarts (§3.2)
 * to whichever of the current and average iterates has the smaller KKT error, when that error has
 * fallen to 0.2 of its value at the last restart, or to 0.8 and risen since the previous check, or
 * when the run since the restart is 0.36 of all iterations, and the primal weight update of §3.3
 * (ω ← exp(½·log(‖Δy‖/‖Δx‖) + ½·log ω) over the move between restarts). KKT figures are evaluated
 * every {@value PdhgState#EVALUATION_PERIOD} iterations without extra products: A·x and Aᵀ·y of the
 * current and average iterates are carried along.
 *
 * @param ruizPasses             Ruiz equilibration passes before the Pock–Chambolle pass
 * @param infeasibilityTolerance a ray is accepted when its violation is at most this times its objective
 * @param executor               runs the sparse products
 */
public record Pdhg(int ruizPasses, double infeasibilityTolerance, ParallelExecutor executor)
        implements Solver<LinearProgram, Pdhg.State> {
    /** A ray must certify a radius of at least 10¹⁰ (see {@link FarkasRay}). */
    public static final double DEFAULT_INFEASIBILITY_TOLERANCE = 1e-10;
    static final double SUFFICIENT = 0.2;
    static final double NECESSARY = 0.8;
    static final double ARTIFICIAL = 0.36;
    /** Step-size attempts in one iteration before the solve is declared stalled. */
    static final int MAX_ATTEMPTS = 60;

    public Pdhg {
        if (ruizPasses < 0) {
            throw new IllegalArgumentException("ruizPasses must be ≥ 0, got " + ruizPasses);
        }
        if (!(infeasibilityTolerance > 0 && infeasibilityTolerance < 1)) {
            throw new IllegalArgumentException("infeasibilityTolerance must lie in (0, 1), got " + infeasibilityTolerance);
        }
    }

    public Pdhg(ParallelExecutor executor) {
        this(10, DEFAULT_INFEASIBILITY_TOLERANCE, executor);
    }

    @Override
    public String name() {
        return "pdhg";
    }

    /** Products of the current iterate, the running average, and the last restart point. */
    public static final class State extends PdhgState {
        final double[] ax;
        final double[] xAverage;
        final double[] yAverage;
        final double[] axAverage;
        final double[] atyAverage;
        double weightSum;
        final double[] xStart;
        final double[] yStart;
        final double[] axStart;
        final double[] atyStart;
        double startError;
        double lastCandidateError = Double.POSITIVE_INFINITY;
        int sinceRestart;
        long attempts;

        State(LinearProgram lp, double[] x0, Scaling scaling, ParallelExecutor executor, double infeasibilityTolerance) {
            super(lp, x0, scaling, executor, infeasibilityTolerance);
            ax = new double[m];
            xAverage = new double[n];
            yAverage = new double[m];
            axAverage = new double[m];
            atyAverage = new double[n];
            xStart = new double[n];
            yStart = new double[m];
            axStart = new double[m];
            atyStart = new double[n];
        }
    }

    @Override
    public State init(LinearProgram lp, double[] x0) {
        State s = new State(lp, x0, Scaling.ruizPockChambolle(lp.matrix(), ruizPasses), executor, infeasibilityTolerance);
        double largest = 0;
        double[] v = lp.matrix().columnValue();
        int[] rows = lp.matrix().columnRow();
        int[] start = lp.matrix().columnStart();
        for (int j = 0; j < s.n; j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                largest = Math.max(largest, Math.abs(v[k]) / (s.inverseRow[rows[k]] * s.inverseColumn[j]));
            }
        }
        s.eta = largest > 0 ? 1 / largest : 1;
        lp.multiply(s.x, s.ax, executor);
        lp.multiplyTransposed(s.y, s.aty, executor);
        s.certify(lp, s.x, s.y, s.ax, s.aty);
        s.startError = s.kkt.relative();
        markRestartPoint(s);
        return s;
    }

    @Override
    public State step(LinearProgram lp, State s) {
        double used;
        int tries = 0;
        while (true) {
            s.primalStep(lp, s.x, s.aty);
            lp.multiply(s.xNext, s.axNext, executor);
            for (int i = 0; i < s.m; i++) {
                s.axBar[i] = 2 * s.axNext[i] - s.ax[i];
            }
            s.dualStep(lp, s.y);
            lp.multiplyTransposed(s.yNext, s.atyNext, executor);
            s.measureStep();
            double movement = 0.5 * (s.omega * s.primalMove2 + s.dualMove2 / s.omega);
            double interaction = Math.abs(s.interaction);
            double limit = interaction > 0 ? movement / interaction : Double.POSITIVE_INFINITY;
            s.attempts++;
            used = s.eta;
            double k = s.attempts + 1;
            s.eta = Math.min((1 - Math.pow(k, -0.3)) * limit, (1 + Math.pow(k, -0.6)) * s.eta);
            if (used <= limit) {
                break;
            }
            if (++tries >= MAX_ATTEMPTS) {
                s.verdict = new Verdict(Status.STALLED, "no step size passed PDLP's test in " + MAX_ATTEMPTS + " attempts");
                return s;
            }
        }
        s.iterations++;
        boolean evaluate = s.iterations % PdhgState.EVALUATION_PERIOD == 0;
        if (evaluate) {
            s.watchForRays(lp, s.xNext, s.x, s.axNext, s.ax, s.yNext, s.y, s.atyNext, s.aty);
        }
        System.arraycopy(s.xNext, 0, s.x, 0, s.n);
        System.arraycopy(s.yNext, 0, s.y, 0, s.m);
        System.arraycopy(s.axNext, 0, s.ax, 0, s.m);
        System.arraycopy(s.atyNext, 0, s.aty, 0, s.n);
        s.weightSum += used;
        double w = used / s.weightSum;
        average(s.x, s.xAverage, w);
        average(s.y, s.yAverage, w);
        average(s.ax, s.axAverage, w);
        average(s.aty, s.atyAverage, w);
        s.sinceRestart++;
        if (evaluate) {
            evaluateAndMaybeRestart(lp, s);
        }
        return s;
    }

    private static void average(double[] v, double[] avg, double w) {
        for (int i = 0; i < v.length; i++) {
            avg[i] += w * (v[i] - avg[i]);
        }
    }

    private void evaluateAndMaybeRestart(LinearProgram lp, State s) {
        s.watchForRays(lp, s.x, s.xStart, s.ax, s.axStart, s.y, s.yStart, s.aty, s.atyStart);
        KktError current = KktError.of(lp, s.x, s.y, s.ax, s.aty);
        KktError average = KktError.of(lp, s.xAverage, s.yAverage, s.axAverage, s.atyAverage);
        boolean useAverage = average.relative() < current.relative();
        if (useAverage) {
            s.certify(lp, s.xAverage, s.yAverage, s.axAverage, s.atyAverage);
        } else {
            s.certify(lp, s.x, s.y, s.ax, s.aty);
        }
        double error = s.kkt.relative();
        boolean restart = error <= SUFFICIENT * s.startError
                || error <= NECESSARY * s.startError && error > s.lastCandidateError
                || s.sinceRestart >= ARTIFICIAL * s.iterations;
        s.lastCandidateError = error;
        if (!restart) {
            return;
        }
        if (useAverage) {
            System.arraycopy(s.xAverage, 0, s.x, 0, s.n);
            System.arraycopy(s.yAverage, 0, s.y, 0, s.m);
            System.arraycopy(s.axAverage, 0, s.ax, 0, s.m);
            System.arraycopy(s.atyAverage, 0, s.aty, 0, s.n);
        }
        double dx = s.primalNorm(s.x, s.xStart);
        double dy = s.dualNorm(s.y, s.yStart);
        if (dx > 1e-10 && dy > 1e-10 && dx < 1e10 && dy < 1e10) {
            s.omega = Math.exp(0.5 * Math.log(dy / dx) + 0.5 * Math.log(s.omega));
        }
        s.startError = error;
        s.lastCandidateError = Double.POSITIVE_INFINITY;
        s.restarts++;
        markRestartPoint(s);
    }

    private static void markRestartPoint(State s) {
        System.arraycopy(s.x, 0, s.xStart, 0, s.n);
        System.arraycopy(s.y, 0, s.yStart, 0, s.m);
        System.arraycopy(s.ax, 0, s.axStart, 0, s.m);
        System.arraycopy(s.aty, 0, s.atyStart, 0, s.n);
        System.arraycopy(s.x, 0, s.xAverage, 0, s.n);
        System.arraycopy(s.y, 0, s.yAverage, 0, s.m);
        System.arraycopy(s.ax, 0, s.axAverage, 0, s.m);
        System.arraycopy(s.aty, 0, s.atyAverage, 0, s.n);
        s.weightSum = 0;
        s.sinceRestart = 0;
    }
}
