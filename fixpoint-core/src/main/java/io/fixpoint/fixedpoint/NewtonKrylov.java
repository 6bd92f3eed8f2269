package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * Newton's method on F(x) = x − T(x) for a smooth map: the step solves (I − J_T)·d = −F by GMRES,
 * with J_T·v exact when the map provides it and otherwise a forward-difference directional derivative
 * (T(x + h·v) − T(x))/h (one map evaluation per product), then backtracks on ‖F‖ until
 * ‖F(x + t·d)‖ ≤ (1 − 10⁻⁴·t)·‖F(x)‖. A failed backtrack ends the solve as STALLED: near a
 * singular I − J_T Newton cannot make progress and says so.
 *
 * <p>The GMRES tolerance follows Eisenstat and Walker's second choice, η_k = 0.9·(‖F_k‖/‖F_{k−1}‖)²
 * safeguarded by 0.9·η_{k−1}² and capped at 0.9, starting from 0.5 and never below {@code forcing}: loose
 * solves far from the solution (short, descent-preserving steps), tight ones near it.
 *
 * @param forcing   the smallest relative GMRES tolerance
 * @param krylovDim GMRES restart length
 */
public record NewtonKrylov(double forcing, int krylovDim) implements Solver<FixedPointMap, NewtonKrylov.State> {
    private static final int MAX_HALVINGS = 30;
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    public NewtonKrylov {
        if (!(forcing > 0 && forcing < 1)) {
            throw new IllegalArgumentException("forcing must lie in (0, 1), got " + forcing);
        }
        if (krylovDim < 1) {
            throw new IllegalArgumentException("krylovDim must be ≥ 1, got " + krylovDim);
        }
    }

    public NewtonKrylov() {
        this(1e-6, 40);
    }

    @Override
    public String name() {
        return "newton-krylov";
    }

    /** Newton direction, trial point and the GMRES workspace. */
    public static final class State extends FixedPointState {
        final double[] direction;
        final double[] rhs;
        final double[] trial;
        final double[] trialImage;
        final double[] trialResidual;
        final double[] probe;
        final double[] probeImage;
        final Gmres gmres;
        final Gmres.Operator operator;
        FixedPointMap map;
        long krylovIterations;
        double eta = 0.5;
        double previousNorm = Double.NaN;

        State(double[] x0, int krylovDim) {
            super(x0, null);
            int n = x0.length;
            direction = new double[n];
            rhs = new double[n];
            trial = new double[n];
            trialImage = new double[n];
            trialResidual = new double[n];
            probe = new double[n];
            probeImage = new double[n];
            gmres = new Gmres(n, krylovDim);
            operator = (v, out) -> jacobianVector(map, this, v, out);
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("krylovIterations", krylovIterations);
        }
    }

    @Override
    public State init(FixedPointMap map, double[] x0) {
        State s = new State(x0, krylovDim);
        s.evaluate(map);
        return s;
    }

    @Override
    public State step(FixedPointMap map, State s) {
        Vectors.negate(s.r, s.rhs);
        s.map = map;
        if (s.previousNorm == s.previousNorm) {
            double ratio = s.residualNorm() / s.previousNorm;
            double next = 0.9 * ratio * ratio;
            double safeguard = 0.9 * s.eta * s.eta;
            s.eta = Math.min(0.9, safeguard > 0.1 ? Math.max(next, safeguard) : next);
        }
        s.eta = Math.max(s.eta, forcing);
        s.previousNorm = s.residualNorm();
        s.gmres.solve(s.operator, s.rhs, s.direction, s.eta, 3);
        s.krylovIterations += s.gmres.lastIterations;
        double t = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, t *= 0.5) {
            Vectors.addScaled(s.x, t, s.direction, s.trial);
            map.apply(s.trial, s.trialImage);
            Vectors.subtract(s.trial, s.trialImage, s.trialResidual);
            double norm = Vectors.norm(s.trialResidual);
            if (Double.isFinite(norm) && norm <= (1 - 1e-4 * t) * s.residualNorm()) {
                s.stepNorm = t * Vectors.norm(s.direction);
                Vectors.copy(s.trial, s.x);
                Vectors.copy(s.trialImage, s.tx);
                Vectors.copy(s.trialResidual, s.r);
                s.residualNorm(norm);
                return s;
            }
        }
        s.stepNorm = 0;
        s.verdict = new Verdict(Status.STALLED, "no decrease of ‖x − T(x)‖ along the Newton direction (I − J_T may be singular)"
                + "; residual " + String.format("%.3g", s.residualNorm()));
        return s;
    }

    /** out ← (I − J_T(x))·v. */
    private static void jacobianVector(FixedPointMap map, State s, double[] v, double[] out) {
        if (map.hasJacobianVector()) {
            map.jacobianVector(s.x, v, out);
        } else {
            double vNorm = Vectors.norm(v);
            if (vNorm == 0) {
                java.util.Arrays.fill(out, 0);
                return;
            }
            double h = SQRT_EPS * Math.max(1, Vectors.norm(s.x)) / vNorm;
            Vectors.addScaled(s.x, h, v, s.probe);
            map.apply(s.probe, s.probeImage);
            for (int i = 0; i < out.length; i++) {
                out[i] = (s.probeImage[i] - s.tx[i]) / h;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i] - out[i];
        }
    }
}
