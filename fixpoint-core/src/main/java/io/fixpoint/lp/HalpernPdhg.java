package io.fixpoint.lp;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Solver;

/**
 * Restarted Halpern PDHG (Lu and Yang, "Restarted Halpern PDHG for linear programming", arXiv
 * 2407.16144; the algorithm of cuPDLPx). PDHG's step T is firmly nonexpansive in the norm ‖·‖_M of
 * M = [T⁻¹, Aᵀ; A, S⁻¹], so Halpern's anchored iteration
 * z_{k+1} = (k+1)/(k+2)·((1−ρ)·z_k + ρ·(2T(z_k) − z_k)) + 1/(k+2)·z_0
 * drives the fixed-point residual ‖z − T(z)‖_M to zero at rate O(1/k): ρ = ½ is plain Halpern on T
 * ({@code halpern-pdhg}), ρ = 1 Halpern on the reflection 2T − I ({@code r2hpdhg}, r²HPDHG), which
 * takes steps twice as long. This is {@code io.fixpoint.fixedpoint.Halpern} applied to the PDHG
 * operator, with the step size fixed at η = 0.99/‖Ã‖₂ (‖Ã‖₂ by Lanczos, from above).
 *
 * <p>Restarts (Lu and Yang, §3) move the anchor to T(z) when the residual, measured every
 * {@value PdhgState#EVALUATION_PERIOD} iterations, has fallen to 0.2 of its value at the anchor, or to
 * 0.5 and risen since the last check, or when the run since the anchor is 0.36 of all iterations.
 * At each restart the primal weight ω follows a PID controller on log(‖Δy‖/(ω‖Δx‖)), Δ being the
 * move since the last anchor (gains 0.99, 0.01, 0; integral smoothing 0.3), falling back to the ω
 * that best balanced the primal and dual residuals when the move is degenerate. (cuPDLPx also skips
 * the update when the ratio of the relative residuals is extreme; here the dual residual is measured
 * after projecting the reduced costs, which makes it exactly zero on programs whose variables are all
 * boxed, so that test would freeze ω there.)
 *
 * @param reflection           ρ ∈ (0, 1]: ½ for Halpern on T, 1 for the reflected variant
 * @param ruizPasses           Ruiz equilibration passes before the Pock–Chambolle pass
 * @param infeasibilityTolerance a ray is accepted when its violation is at most this times its objective
 * @param executor             runs the sparse products
 */
public record HalpernPdhg(double reflection, int ruizPasses, double infeasibilityTolerance, ParallelExecutor executor)
        implements Solver<LinearProgram, HalpernPdhg.State> {
    static final double SUFFICIENT = 0.2;
    static final double NECESSARY = 0.5;
    static final double ARTIFICIAL = 0.36;
    static final double KP = 0.99;
    static final double KI = 0.01;
    static final double INTEGRAL_SMOOTHING = 0.3;

    public HalpernPdhg {
        if (!(reflection > 0 && reflection <= 1)) {
            throw new IllegalArgumentException("reflection must lie in (0, 1], got " + reflection);
        }
        if (ruizPasses < 0) {
            throw new IllegalArgumentException("ruizPasses must be ≥ 0, got " + ruizPasses);
        }
        if (!(infeasibilityTolerance > 0 && infeasibilityTolerance < 1)) {
            throw new IllegalArgumentException("infeasibilityTolerance must lie in (0, 1), got " + infeasibilityTolerance);
        }
    }

    /** Halpern on PDHG's operator (ρ = ½). */
    public static HalpernPdhg plain(ParallelExecutor executor) {
        return new HalpernPdhg(0.5, 10, Pdhg.DEFAULT_INFEASIBILITY_TOLERANCE, executor);
    }

    /** Halpern on the reflected operator (ρ = 1): r²HPDHG. */
    public static HalpernPdhg reflected(ParallelExecutor executor) {
        return new HalpernPdhg(1, 10, Pdhg.DEFAULT_INFEASIBILITY_TOLERANCE, executor);
    }

    @Override
    public String name() {
        return reflection == 1 ? "r2hpdhg" : "halpern-pdhg";
    }

    /** The anchor, the run since it, and the restart and primal-weight bookkeeping. */
    public static final class State extends PdhgState {
        final double[] anchorX;
        final double[] anchorY;
        final double[] anchorAx;
        final double[] anchorAty;
        final double[] ax;
        int sinceAnchor;
        boolean measureAnchor;
        double anchorError;
        double lastError = Double.POSITIVE_INFINITY;
        double errorSum;
        double bestOmega;
        double bestBalance = Double.POSITIVE_INFINITY;

        State(LinearProgram lp, double[] x0, Scaling scaling, ParallelExecutor executor, double infeasibilityTolerance) {
            super(lp, x0, scaling, executor, infeasibilityTolerance);
            anchorX = x.clone();
            anchorY = y.clone();
            anchorAx = new double[m];
            anchorAty = new double[n];
            ax = new double[m];
        }
    }

    @Override
    public State init(LinearProgram lp, double[] x0) {
        Scaling scaling = Scaling.ruizPockChambolle(lp.matrix(), ruizPasses);
        State s = new State(lp, x0, scaling, executor, infeasibilityTolerance);
        double norm = s.largestSingularValue(lp, 1000);
        s.eta = norm > 0 ? 0.99 / norm : 1;
        s.bestOmega = s.omega;
        lp.multiply(s.x, s.anchorAx, executor);
        lp.multiplyTransposed(s.y, s.anchorAty, executor);
        s.certify(lp, s.x, s.y, s.anchorAx, s.anchorAty);
        return s;
    }

    @Override
    public State step(LinearProgram lp, State s) {
        boolean evaluate = s.measureAnchor || (s.iterations + 1) % PdhgState.EVALUATION_PERIOD == 0;
        lp.multiplyTransposed(s.y, s.aty, executor);
        s.primalStep(lp, s.x, s.aty);
        lp.multiply(s.xBar, s.axBar, executor);
        s.dualStep(lp, s.y);
        s.iterations++;
        if (evaluate && evaluateAndMaybeRestart(lp, s)) {
            return s;
        }
        double w = (s.sinceAnchor + 1.0) / (s.sinceAnchor + 2.0);
        for (int j = 0; j < s.n; j++) {
            double moved = reflection * s.xBar[j] + (1 - reflection) * s.x[j];
            s.x[j] = w * moved + (1 - w) * s.anchorX[j];
        }
        for (int i = 0; i < s.m; i++) {
            double moved = reflection * (2 * s.yNext[i] - s.y[i]) + (1 - reflection) * s.y[i];
            s.y[i] = w * moved + (1 - w) * s.anchorY[i];
        }
        s.sinceAnchor++;
        return s;
    }

    /** Evaluates T(z): KKT figures, rays, fixed-point residual; restarts at T(z) when due (then returns true). */
    private boolean evaluateAndMaybeRestart(LinearProgram lp, State s) {
        lp.multiply(s.xNext, s.axNext, executor);
        lp.multiplyTransposed(s.yNext, s.atyNext, executor);
        s.certify(lp, s.xNext, s.yNext, s.axNext, s.atyNext);
        for (int i = 0; i < s.m; i++) {
            s.ax[i] = 2 * s.axNext[i] - s.axBar[i];
        }
        s.watchForRays(lp, s.xNext, s.x, s.axNext, s.ax, s.yNext, s.y, s.atyNext, s.aty);
        s.watchForRays(lp, s.xNext, s.anchorX, s.axNext, s.anchorAx, s.yNext, s.anchorY, s.atyNext, s.anchorAty);
        double error = fixedPointError(s);
        if (s.measureAnchor) {
            s.measureAnchor = false;
            s.anchorError = error;
            s.lastError = error;
            return false;
        }
        boolean restart = s.iterations == PdhgState.EVALUATION_PERIOD
                || error <= SUFFICIENT * s.anchorError
                || error <= NECESSARY * s.anchorError && error > s.lastError
                || s.sinceAnchor >= ARTIFICIAL * s.iterations;
        s.lastError = error;
        if (restart) {
            restart(s);
        }
        return restart;
    }

    /** ‖T(z) − z‖ in the scaled program's PDHG norm, times √η: √(ω‖Δx‖² + ‖Δy‖²/ω + 2η·ΔyᵀAΔx). */
    private static double fixedPointError(State s) {
        s.measureStep();
        return Math.sqrt(Math.max(0, s.omega * s.primalMove2 + s.dualMove2 / s.omega + 2 * s.eta * s.interaction));
    }

    private static void restart(State s) {
        double primalMove = s.primalNorm(s.xNext, s.anchorX);
        double dualMove = s.dualNorm(s.yNext, s.anchorY);
        if (primalMove > 1e-16 && dualMove > 1e-16 && primalMove < 1e12 && dualMove < 1e12) {
            double error = Math.log(dualMove) - Math.log(primalMove) - Math.log(s.omega);
            s.errorSum = INTEGRAL_SMOOTHING * s.errorSum + error;
            s.omega *= Math.exp(KP * error + KI * s.errorSum);
        } else {
            s.omega = s.bestOmega;
            s.errorSum = 0;
        }
        // the weight that best balanced the relative residuals, where both are non-zero (a program
        // whose variables are all boxed has a dual residual of exactly zero)
        double ratio = s.kkt.relativeDualResidual() / s.kkt.relativePrimalResidual();
        double balance = Math.abs(Math.log10(ratio));
        if (balance < s.bestBalance) {
            s.bestBalance = balance;
            s.bestOmega = s.omega;
        }
        System.arraycopy(s.xNext, 0, s.x, 0, s.n);
        System.arraycopy(s.xNext, 0, s.anchorX, 0, s.n);
        System.arraycopy(s.yNext, 0, s.y, 0, s.m);
        System.arraycopy(s.yNext, 0, s.anchorY, 0, s.m);
        System.arraycopy(s.axNext, 0, s.anchorAx, 0, s.m);
        System.arraycopy(s.atyNext, 0, s.anchorAty, 0, s.n);
        s.sinceAnchor = 0;
        s.restarts++;
        s.measureAnchor = true;
    }
}
