package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;

/**
 * Damped Newton with the stepsize schedule and backtracking of S. Hanzely, D. Kamzolov,
 * D. Pasechnyuk, A. Gasnikov, P. Richtárik and M. Takáč, "Damped Newton Method with Near-Optimal
 * Global O(k⁻³) Convergence Rate" (arXiv:2405.18926):
 *
 * <pre>
 *   x_{k+1} = x_k − α_k [∇²f(x_k)]⁻¹ ∇f(x_k),
 *   α_k = (−1 + √(1 + 2 L_k G_k)) / (L_k G_k),   G_k = ‖∇f(x_k)‖*_{x_k} = √(∇f(x_k)ᵀ [∇²f(x_k)]⁻¹ ∇f(x_k)).
 * </pre>
 *
 * α_k is computed as 2 / (1 + √(1 + 2 L_k G_k)), the same number without cancellation; it lies in
 * (0, 1] and tends to 1 (the pure Newton step, hence local quadratic convergence) as L_k G_k → 0. It
 * is the minimiser along the Newton direction of the model f(x) + ⟨∇f, h⟩ + ½‖h‖²_x + (L/6)‖h‖³_x,
 * which bounds f from above when f is L-semi-strongly self-concordant. The unknown L is estimated by
 * AdaN-style backtracking: each iteration starts from L_{k−1}/2 and doubles L until the trial point
 * satisfies the bound the analysis rests on, f(x⁺) ≤ f(x) − αG² + ½α²G² + (L/6)α³G³ (up to rounding).
 *
 * <p>The guarantees are for convex f. When the Hessian is indefinite or singular the local norm is
 * that of ∇²f + τI with the modified-Cholesky shift τ of {@link Newton}, which keeps the direction a
 * descent direction and the backtracking test meaningful.
 */
public final class DampedNewton implements Solver<Objective, DampedNewton.State> {
    /** Doublings of L per iteration before the solve is declared stalled. */
    static final int MAX_BACKTRACKS = 100;
    /** Floor for the estimate, so that doubling can always recover. */
    static final double MIN_L = 1e-12;

    private final double initialL;

    public DampedNewton() {
        this(1);
    }

    /** @param initialL the first estimate of the semi-strong self-concordance constant L (> 0) */
    public DampedNewton(double initialL) {
        if (!(initialL > 0) || Double.isInfinite(initialL)) {
            throw new IllegalArgumentException("initialL must be finite and > 0, got " + initialL);
        }
        this.initialL = initialL;
    }

    @Override
    public String name() {
        return "damped-newton";
    }

    /** The schedule's stepsize for the product L·G, in (0, 1]. */
    static double stepsize(double lg) {
        return 2 / (1 + Math.sqrt(1 + 2 * lg));
    }

    @Override
    public State init(Objective f, double[] x0) {
        SecondOrder.requireHessian(name(), f);
        return new State(f, x0, initialL);
    }

    /** The gradient test holds: check the second-order condition there (see {@link SecondOrder#confirmMinimum}). */
    @Override
    public Verdict confirm(Objective f, State s) {
        return SecondOrder.confirmMinimum(f, s);
    }

    @Override
    public State step(Objective f, State s) {
        if (!s.factorHessian(f)) {
            return s;
        }
        s.system.solve(s.g, s.newton);                     // [∇²f]⁻¹∇f
        double g2 = Math.max(0, Vectors.dot(s.g, s.newton)); // G² in the local dual norm
        double bigG = Math.sqrt(g2);
        double tolerance = 16 * Math.ulp(s.value);
        double l = Math.max(MIN_L, s.l / 2);
        for (int trial = 0; trial < MAX_BACKTRACKS; trial++) {
            double alpha = stepsize(l * bigG);
            Vectors.addScaled(s.x, -alpha, s.newton, s.xTrial);
            double fNew = f.value(s.xTrial);
            double model = -alpha * g2 + 0.5 * alpha * alpha * g2 + l / 6 * alpha * alpha * alpha * g2 * bigG;
            if (Double.isFinite(fNew) && fNew - s.value <= model + tolerance) {
                f.gradient(s.xTrial, s.gTrial);
                s.accept(alpha, l, fNew, alpha * Vectors.norm(s.newton));
                return s;
            }
            l *= 2;
            s.backtracks++;
        }
        s.verdict = new Verdict(Status.STALLED, "no estimate of L up to " + String.format(Locale.ROOT, "%.3g", l) + " gave a decrease below the cubic model");
        return s;
    }

    /** Iterate, gradient, the estimate L and workspaces of a damped-Newton solve. */
    public static final class State extends NewtonState {
        final double[] newton;
        double l;
        double stepsize = Double.NaN;
        double minStepsize = Double.POSITIVE_INFINITY;
        int backtracks;

        State(Objective f, double[] x0, double l) {
            super(f, x0);
            newton = new double[x0.length];
            this.l = l;
        }

        void accept(double alpha, double acceptedL, double fNew, double norm) {
            stepsize = alpha;
            minStepsize = Math.min(minStepsize, alpha);
            l = acceptedL;
            acceptTrial(fNew, norm);
        }

        /** α_k of the last step, in (0, 1] (NaN before the first). */
        public double stepsize() {
            return stepsize;
        }

        /** The accepted estimate L_k of the last step. */
        public double smoothnessEstimate() {
            return l;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("lastStepsize", stepsize).put("minStepsize", minStepsize).put("smoothnessEstimate", l).put("backtracks", backtracks)
                    .put("shiftedSteps", shiftedSteps).put("maxShift", maxShift);
        }
    }
}
