package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Anderson acceleration (type II) of any fixed-point map. With r = x − T(x) and the last m differences
 * ΔX, ΔR of iterates and residuals, it solves the Tikhonov-regularised least squares
 * γ = argmin ‖r − ΔR·γ‖² + λ‖γ‖² (normal equations, Cholesky by EJML; λ = {@code regularization}
 * times the largest ‖ΔR_i‖²) and steps to x − β·r − (ΔX − β·ΔR)·γ, which for β = 1 is
 * T(x) − ΔT·γ. Safeguard: when the accelerated point does not reduce the residual, the solver takes
 * the plain damped step x − β·r instead and forgets its history (one extra map evaluation).
 *
 * <p>Wrap any iteration written as a map, e.g. gradient descent through
 * {@link io.fixpoint.problem.Conversions#gradientStep}.
 *
 * @param memory         m, the number of differences kept (≥ 1)
 * @param regularization relative Tikhonov weight (≥ 0)
 * @param damping        β in (0, 1]
 * @param detection      when to declare NO_FIXED_POINT (the residual itself is watched)
 */
public record Anderson(int memory, double regularization, double damping, DetectionSettings detection)
        implements Solver<FixedPointMap, Anderson.State> {

    public Anderson {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and ≥ 0, got " + regularization);
        }
        if (!(damping > 0 && damping <= 1)) {
            throw new IllegalArgumentException("damping must lie in (0, 1], got " + damping);
        }
    }

    /** m = 5, λ = 1e-10 relative, no damping. */
    public Anderson() {
        this(5, 1e-10, 1, DetectionSettings.DEFAULT);
    }

    public Anderson withMemory(int m) {
        return new Anderson(m, regularization, damping, detection);
    }

    /** The same accelerator without the watch for a missing fixed point, for maps known to have one. */
    public Anderson withoutDetection() {
        return new Anderson(memory, regularization, damping, DetectionSettings.OFF);
    }

    @Override
    public String name() {
        return "anderson";
    }

    /** The difference history and the least-squares workspace. */
    public static final class State extends FixedPointState {
        final double[][] dx;
        final double[][] dr;
        int count;
        int head;
        final double[] candidate;
        final double[] candidateImage;
        final double[] candidateResidual;
        final double[] previousX;
        final double[] previousR;
        final DMatrixRMaj gram;
        final DMatrixRMaj rhs;
        final DMatrixRMaj gamma;
        final LinearSolverDense<DMatrixRMaj> cholesky;
        int rejected;

        State(double[] x0, int m, DisplacementMonitor monitor) {
            super(x0, monitor);
            int n = x0.length;
            dx = new double[m][n];
            dr = new double[m][n];
            candidate = new double[n];
            candidateImage = new double[n];
            candidateResidual = new double[n];
            previousX = new double[n];
            previousR = new double[n];
            gram = new DMatrixRMaj(m, m);
            rhs = new DMatrixRMaj(m, 1);
            gamma = new DMatrixRMaj(m, 1);
            cholesky = LinearSolverFactory_DDRM.chol(m);
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("safeguardRejections", rejected);
        }
    }

    @Override
    public State init(FixedPointMap map, double[] x0) {
        State s = new State(x0, memory, detection.monitor(x0, 0));
        s.evaluate(map);
        return s;
    }

    @Override
    public State step(FixedPointMap map, State s) {
        int n = s.x.length;
        Vectors.copy(s.x, s.previousX);
        Vectors.copy(s.r, s.previousR);
        boolean accelerated = s.count > 0 && solveCoefficients(s);
        for (int i = 0; i < n; i++) {
            s.candidate[i] = s.x[i] - damping * s.r[i];
        }
        if (accelerated) {
            for (int j = 0; j < s.count; j++) {
                double g = s.gamma.data[j];
                double[] dxj = s.dx[j];
                double[] drj = s.dr[j];
                for (int i = 0; i < n; i++) {
                    s.candidate[i] -= g * (dxj[i] - damping * drj[i]);
                }
            }
            map.apply(s.candidate, s.candidateImage);
            Vectors.subtract(s.candidate, s.candidateImage, s.candidateResidual);
            double norm = Vectors.norm(s.candidateResidual);
            if (norm < s.residualNorm()) {
                Vectors.copy(s.candidate, s.x);
                Vectors.copy(s.candidateImage, s.tx);
                Vectors.copy(s.candidateResidual, s.r);
                s.residualNorm(norm);
            } else {
                // The accelerated point did not help: plain damped step, history forgotten.
                s.rejected++;
                s.count = 0;
                s.head = 0;
                for (int i = 0; i < n; i++) {
                    s.x[i] -= damping * s.r[i];
                }
                s.evaluate(map);
            }
        } else {
            Vectors.copy(s.candidate, s.x);
            s.evaluate(map);
        }
        s.stepNorm = Vectors.distance(s.x, s.previousX);
        push(s);
        s.watch();
        return s;
    }

    /** Stores (x_new − x_old, r_new − r_old) over the oldest pair once the ring is full (γ is order-free). */
    private void push(State s) {
        int slot;
        if (s.count < memory) {
            slot = s.count++;
        } else {
            slot = s.head;
            s.head = (s.head + 1) % memory;
        }
        Vectors.subtract(s.x, s.previousX, s.dx[slot]);
        Vectors.subtract(s.r, s.previousR, s.dr[slot]);
    }

    /** γ from the regularised normal equations; false when the differences vanish. */
    private boolean solveCoefficients(State s) {
        int c = s.count;
        double largest = 0;
        for (int i = 0; i < c; i++) {
            largest = Math.max(largest, Vectors.dot(s.dr[i], s.dr[i]));
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return false;
        }
        double lambda = Math.max(regularization * largest, Double.MIN_NORMAL);
        s.gram.reshape(c, c);
        s.rhs.reshape(c, 1);
        s.gamma.reshape(c, 1);
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                double v = Vectors.dot(s.dr[i], s.dr[j]);
                s.gram.unsafe_set(i, j, v);
                s.gram.unsafe_set(j, i, v);
            }
            s.gram.unsafe_set(i, i, s.gram.unsafe_get(i, i) + lambda);
            s.rhs.data[i] = Vectors.dot(s.dr[i], s.r);
        }
        if (!s.cholesky.setA(s.gram)) {
            return false;
        }
        s.cholesky.solve(s.rhs, s.gamma);
        for (int i = 0; i < c; i++) {
            if (!Double.isFinite(s.gamma.data[i])) {
                return false;
            }
        }
        return true;
    }
}
