package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.L1Objective;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * Orthant-wise limited-memory quasi-Newton, OWL-QN (Andrew and Gao 2007, "Scalable training of
 * L1-regularized log-linear models", Algorithm 1), for F(x) = f(x) + Σ λⱼ|xⱼ|. Within an orthant F is
 * smooth, so L-BFGS on f applies there; the method keeps each step in the orthant it starts from:
 * <ol>
 * <li>the pseudo-gradient ◇F, the minimum-norm subgradient ({@link L1Objective#pseudoGradient}), takes the
 * gradient's place: the direction is d = −H·◇F with H the L-BFGS inverse Hessian of f's curvature pairs
 * (the pairs use ∇f, not ◇F, as in the paper);</li>
 * <li>d is projected on the orthant of −◇F: a penalised coordinate whose dⱼ has the sign of ◇Fⱼ (or where
 * ◇Fⱼ = 0) does not move, which keeps d a descent direction of F;</li>
 * <li>backtracking on x(α) = π(x + αd; ξ), where π zeroes each penalised coordinate that leaves the orthant
 * ξ (ξⱼ = sign xⱼ, or sign(−◇Fⱼ) where xⱼ = 0), until F(x(α)) ≤ F(x) + c₁·◇Fᵀ(x(α) − x) (eq. 6); each
 * trial is one value-and-gradient evaluation of f, and α shrinks to the minimiser of the quadratic through
 * F(x), the slope ◇Fᵀd and the failed trial, kept in [0.1α, 0.5α] (as {@link io.fixpoint.search.Backtracking}
 * does). Once that decrease is below F's rounding error, a trial that leaves F within a few units of
 * rounding and reduces ‖◇F‖ is accepted instead, so the solve can reach tolerances near machine
 * precision.</li>
 * </ol>
 * Unpenalised coordinates (λⱼ = 0) move as in L-BFGS. The optimality measure is ‖◇F‖₂ at the iterate;
 * a search that cannot decrease F first clears the memory and, along −◇F itself, ends the solve
 * {@code STALLED}.
 *
 * @param memory         m, the number of curvature pairs kept
 * @param c1             sufficient-decrease constant in (0, 1)
 * @param maxTrials      trial steps of one search before it gives up
 * @param curvatureFloor ε in L-BFGS's skip test yᵀs > ε‖s‖‖y‖
 */
public record Owlqn(int memory, double c1, int maxTrials, double curvatureFloor) implements Solver<L1Objective, Owlqn.State> {
    /** A few units of rounding in F: the increase of F a search accepts when it reduces ‖◇F‖ instead. */
    private static final double ROUNDING = 4 * Math.ulp(1.0);

    public Owlqn {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
        }
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 must lie in (0, 1), got " + c1);
        }
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be ≥ 1, got " + maxTrials);
        }
        if (!(curvatureFloor >= 0 && curvatureFloor < 1)) {
            throw new IllegalArgumentException("curvatureFloor must lie in [0, 1), got " + curvatureFloor);
        }
    }

    /** m = 10, c₁ = 10⁻⁴, 60 trials, ε = 10⁻¹⁰ (L-BFGS's). */
    public Owlqn() {
        this(10, 1e-4, 60, 1e-10);
    }

    @Override
    public String name() {
        return "owlqn";
    }

    @Override
    public State init(L1Objective problem, double[] x0) {
        return new State(problem, x0, memory);
    }

    @Override
    public State step(L1Objective problem, State s) {
        Objective f = problem.objective();
        double[] lambda = s.lambda;
        double[] pg = s.pseudoGradient;
        double[] d = s.d;
        Lbfgs.direction(s, pg);
        double slope = 0;
        for (int j = 0; j < d.length; j++) {
            if (lambda[j] > 0 && d[j] * pg[j] >= 0) {
                d[j] = 0;
            }
            slope += pg[j] * d[j];
        }
        double alpha = s.stored == 0 ? s.firstStep() : 1;
        for (int trial = 0; slope < 0 && trial < maxTrials; trial++) {
            double decrease = 0; // ◇Fᵀ(x(α) − x)
            for (int j = 0; j < d.length; j++) {
                double xj = s.x[j];
                double t = xj + alpha * d[j];
                if (lambda[j] > 0) {
                    double orthant = xj != 0 ? Math.signum(xj) : -Math.signum(pg[j]);
                    if (t * orthant <= 0) {
                        t = 0;
                    }
                }
                s.xTrial[j] = t;
                decrease += pg[j] * (t - xj);
            }
            double fTrial = f.valueAndGradient(s.xTrial, s.gTrial) + L1Objective.penalty(lambda, s.xTrial);
            double pgTrial = L1Objective.pseudoGradient(lambda, s.xTrial, s.gTrial, s.pseudoGradientTrial);
            boolean armijo = fTrial <= s.value + c1 * decrease && decrease < 0;
            // Where the decrease c₁·◇Fᵀ(x(α) − x) is below the rounding error of F, Armijo's test can no longer
            // see progress; a trial within that rounding error that reduces ‖◇F‖ is then progress.
            boolean withinRounding = fTrial <= s.value + ROUNDING * Math.abs(s.value) && pgTrial < s.optimality;
            if (Double.isFinite(fTrial) && Double.isFinite(pgTrial) && (armijo || withinRounding)) {
                s.acceptTrial(fTrial, s.remember(curvatureFloor));
                return s;
            }
            double next = Double.isFinite(fTrial) ? -slope * alpha * alpha / (2 * (fTrial - s.value - slope * alpha)) : 0.1 * alpha;
            alpha = Math.max(0.1 * alpha, Math.min(0.5 * alpha, next));
        }
        s.lineSearchFailures++;
        if (s.stored > 0) {
            s.clear();
            s.noMove();
        } else {
            s.stepNorm = 0;
            s.verdict = new Verdict(Status.STALLED, slope < 0
                    ? "no decrease of f + Σλ|x| along the projected pseudo-gradient in " + maxTrials + " trial steps"
                    : "the projected pseudo-gradient is not a descent direction (slope " + slope + ")");
        }
        return s;
    }

    /** L-BFGS's state on f with the weights, F's value and its pseudo-gradient at the iterate. */
    public static final class State extends Lbfgs.State {
        final double[] lambda;
        double[] pseudoGradient;
        double[] pseudoGradientTrial;

        State(L1Objective problem, double[] x0, int memory) {
            super(problem.objective(), x0, memory);
            lambda = problem.weights();
            InvalidProblemException.checkDimension("L1 weights", lambda.length, x0.length);
            pseudoGradient = new double[x0.length];
            pseudoGradientTrial = new double[x0.length];
            value += L1Objective.penalty(lambda, x);
            optimality = L1Objective.pseudoGradient(lambda, x, g, pseudoGradient);
        }

        /** Makes the trial point the iterate, with the pseudo-gradient the search computed there. */
        @Override
        void acceptTrial(double fTrial, double stepLength) {
            super.acceptTrial(fTrial, stepLength);
            double[] t = pseudoGradient;
            pseudoGradient = pseudoGradientTrial;
            pseudoGradientTrial = t;
            optimality = Vectors.norm(pseudoGradient);
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            int zeros = 0;
            for (int j = 0; j < x.length; j++) {
                if (lambda[j] > 0 && x[j] == 0) {
                    zeros++;
                }
            }
            details.put("l1Penalty", L1Objective.penalty(lambda, x)).put("zeroPenalized", zeros);
        }
    }
}
