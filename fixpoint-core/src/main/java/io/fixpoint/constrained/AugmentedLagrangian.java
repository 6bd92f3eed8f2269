package io.fixpoint.constrained;

import io.fixpoint.bounded.BoundedSolver;
import io.fixpoint.bounded.Lbfgsb;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * The safeguarded augmented-Lagrangian method of ALGENCAN (Andreani, Birgin, Martínez and Schuverdt,
 * SIAM J. Optim. 18(4), 2007; Birgin and Martínez, <i>Practical Augmented Lagrangian Methods for
 * Constrained Optimization</i>, SIAM, 2014, Algorithm 4.1). Outer iteration k minimises, within the
 * bounds, the Powell–Hestenes–Rockafellar function
 *
 * <pre>
 *   L(x) = f(x) + ρ/2·[Σ (gᵢ(x) + λ̄ᵢ/ρ)² + Σ max(0, hⱼ(x) + μ̄ⱼ/ρ)²]
 * </pre>
 *
 * to the tolerance εₖ on its projected gradient with any {@link BoundedSolver} (L-BFGS-B by
 * default), then sets λ = λ̄ + ρg(x), μ = max(0, μ̄ + ρh(x)) and safeguards them into
 * [−10²⁰, 10²⁰] and [0, 10²⁰] for the next subproblem. The penalty ρ grows ×{@code gamma} whenever
 * the infeasibility-complementarity measure V = max(‖g‖∞, maxⱼ |min(−hⱼ, μ̄ⱼ/ρ)|) has not fallen
 * below {@code tau} times its previous value. ρ₀ = 10·max(1, |f(x₀)|)/max(1, ½‖v(x₀)‖²) clipped to
 * [10⁻⁸, 10⁸], ε₀ = 0.1 and εₖ₊₁ = max(10⁻¹², 0.1·εₖ).
 *
 * <p>One {@link #step} is one iteration of the inner solver, or, when the subproblem is solved (its
 * projected gradient ≤ εₖ), has stopped by its own verdict or has run {@code innerIterations}
 * iterations, the multiplier and penalty update. The reported point is always the last outer
 * iterate, whose KKT residuals (with the multipliers λ, μ above) are evaluated afresh there and are
 * the certificate. When V stops falling, ρ exceeds 10⁸ and the outer iterate is a stationary point of
 * ½‖v‖² over the bounds (relative projected gradient ≤ 10⁻⁶), or ρ exceeds 10²⁰, the solve ends:
 * {@link Status#LOCALLY_INFEASIBLE} in the first case, STALLED in the second.
 *
 * @param inner           the bound-constrained solver of the subproblems
 * @param innerIterations iterations an outer iteration gives its subproblem at most
 * @param tau             required decrease factor of V per outer iteration, 0 &lt; τ &lt; 1
 * @param gamma           penalty growth factor, &gt; 1
 */
public record AugmentedLagrangian(BoundedSolver<?> inner, int innerIterations, double tau, double gamma)
        implements Solver<ConstrainedProblem, AugmentedLagrangian.State> {
    static final double MULTIPLIER_BOUND = 1e20;
    static final double PENALTY_LIMIT = 1e20;
    static final double INFEASIBLE_PENALTY = 1e8;
    /** The relative stationarity of ½‖v‖² reported as local infeasibility. */
    static final double INFEASIBLE_RELATIVE = 1e-6;

    public AugmentedLagrangian {
        Objects.requireNonNull(inner, "inner");
        if (innerIterations < 1) {
            throw new IllegalArgumentException("innerIterations must be ≥ 1, got " + innerIterations);
        }
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("tau must lie in (0, 1), got " + tau);
        }
        if (!(gamma > 1) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 1, got " + gamma);
        }
    }

    /** L-BFGS-B inside, 200 inner iterations per subproblem, τ = 0.5, γ = 10 (ALGENCAN's defaults for τ and γ). */
    public AugmentedLagrangian() {
        this(new Lbfgsb(), 200, 0.5, 10);
    }

    @Override
    public String name() {
        return "augmented-lagrangian";
    }

    @Override
    public State init(ConstrainedProblem problem, double[] x0) {
        State s = new State(problem, x0);
        s.certify();
        double v = 0;
        for (int i = 0; i < s.m; i++) {
            double vi = s.p > i ? s.c[i] : Math.max(s.c[i], 0);
            v += vi * vi;
        }
        s.rho = Math.min(1e8, Math.max(1e-8, 10 * Math.max(1, Math.abs(s.f)) / Math.max(1, 0.5 * v)));
        s.epsilon = 0.1;
        s.measure = s.infeasibility();
        s.subproblem = Subproblem.start(inner, s.lagrangian, s.bounds, s.x.clone());
        return s;
    }

    @Override
    public State step(ConstrainedProblem problem, State s) {
        Subproblem<?> sub = s.subproblem;
        sub.step();
        s.innerTotal++;
        if (sub.iterations < innerIterations && sub.state.verdict() == null && !(sub.state.optimality() <= s.epsilon)) {
            s.stepNorm = 0; // the reported point moves only at outer iterations
            return s;
        }
        outer(problem, s, sub.state.x());
        return s;
    }

    /** The multiplier and penalty update at the subproblem's solution {@code x}, and the certificate there. */
    private void outer(ConstrainedProblem problem, State s, double[] x) {
        s.outer++;
        s.stepNorm = io.fixpoint.linalg.Vectors.distance(s.x, x);
        System.arraycopy(x, 0, s.x, 0, s.n);
        s.f = problem.objective().valueAndGradient(s.x, s.g);
        problem.constraints(s.x, s.c);
        problem.constraintJacobian(s.x, s.jac);
        double previous = s.measure;
        s.measure = s.infeasibility(); // V at x with the multipliers and ρ the subproblem used
        for (int i = 0; i < s.m; i++) {
            double y = s.shift[i] + s.rho * s.c[i];
            s.y[i] = i < s.p ? y : Math.max(0, y);
            s.shift[i] = Math.max(i < s.p ? -MULTIPLIER_BOUND : 0, Math.min(MULTIPLIER_BOUND, s.y[i]));
        }
        s.certify();
        if (s.measure > tau * previous) {
            s.rho *= gamma;
            if (s.rho >= INFEASIBLE_PENALTY && s.looksInfeasible(INFEASIBLE_RELATIVE, s.work)) {
                s.declareInfeasible(INFEASIBLE_RELATIVE);
                return;
            }
            if (s.rho > PENALTY_LIMIT) {
                s.verdict = new Verdict(Status.STALLED, String.format("the penalty parameter exceeded %.0e while the infeasibility "
                        + "measure stayed at %.3g", PENALTY_LIMIT, s.measure));
                return;
            }
        }
        s.epsilon = Math.max(1e-12, 0.1 * s.epsilon);
        s.subproblem = Subproblem.start(inner, s.lagrangian, s.bounds, s.x.clone());
    }

    /** A bound-constrained solver running on the current subproblem, with its own state. */
    private static final class Subproblem<S extends IterationState> {
        final BoundedSolver<S> solver;
        final Objective objective;
        S state;
        int iterations;

        private Subproblem(BoundedSolver<S> solver, Objective objective, io.fixpoint.problem.Bounds bounds, double[] x0) {
            this.solver = solver;
            this.objective = objective;
            this.state = solver.init(objective, bounds, x0);
        }

        static <S extends IterationState> Subproblem<S> start(BoundedSolver<S> solver, Objective objective, io.fixpoint.problem.Bounds bounds,
                double[] x0) {
            return new Subproblem<>(solver, objective, bounds, x0);
        }

        void step() {
            state = solver.step(objective, state);
            iterations++;
        }
    }

    /** The outer iterate, the multipliers, the penalty and the subproblem in progress. */
    public static final class State extends ConstrainedState {
        /** λ̄ and μ̄: the safeguarded multipliers the current subproblem uses. */
        final double[] shift;
        final double[] work;
        final PhrFunction lagrangian;
        Subproblem<?> subproblem;
        double rho;
        double epsilon;
        /** V of the last outer iterate. */
        double measure;
        int outer;
        int innerTotal;

        State(ConstrainedProblem problem, double[] x0) {
            super(problem, x0);
            shift = new double[m];
            work = new double[n];
            lagrangian = new PhrFunction(problem, this);
        }

        /** V = max(‖g‖∞, maxⱼ |min(−hⱼ, μ̄ⱼ/ρ)|) at the current point, with the current μ̄ and ρ. */
        double infeasibility() {
            double v = 0;
            for (int i = 0; i < m; i++) {
                v = Math.max(v, i < p ? Math.abs(c[i]) : Math.abs(Math.min(-c[i], shift[i] / rho)));
            }
            return v;
        }

        @Override
        public Map<String, Object> details() {
            return details(Map.of("penalty", rho, "outerIterations", outer, "innerIterations", innerTotal, "innerSolver",
                    subproblem.solver.name()));
        }
    }

    /**
     * The Powell–Hestenes–Rockafellar augmented Lagrangian of the problem at the state's λ̄, μ̄ and ρ,
     * as an objective for the inner solver; its evaluations are the problem's, counted there.
     */
    static final class PhrFunction implements Objective {
        private final ConstrainedProblem problem;
        private final State s;
        private final double[] c;
        private final double[] jac;

        PhrFunction(ConstrainedProblem problem, State s) {
            this.problem = problem;
            this.s = s;
            this.c = new double[s.m];
            this.jac = new double[s.m * s.n];
        }

        @Override
        public int dimension() {
            return s.n;
        }

        @Override
        public double value(double[] x) {
            double f = problem.objective().value(x);
            problem.constraints(x, c);
            return f + penalty();
        }

        @Override
        public void gradient(double[] x, double[] g) {
            valueAndGradient(x, g);
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double f = problem.objective().valueAndGradient(x, g);
            problem.constraints(x, c);
            problem.constraintJacobian(x, jac);
            int n = s.n;
            for (int i = 0; i < s.m; i++) {
                double y = s.shift[i] + s.rho * c[i];
                if (i >= s.p) {
                    y = Math.max(0, y);
                }
                if (y != 0) {
                    for (int j = 0; j < n; j++) {
                        g[j] += y * jac[i * n + j];
                    }
                }
            }
            return f + penalty();
        }

        /** ρ/2·[Σ (gᵢ + λ̄ᵢ/ρ)² + Σ max(0, hⱼ + μ̄ⱼ/ρ)²] − Σ λ̄²/(2ρ) (the constant keeps L = f at a feasible point with h inactive). */
        private double penalty() {
            double sum = 0;
            for (int i = 0; i < s.m; i++) {
                double t = c[i] + s.shift[i] / s.rho;
                if (i >= s.p) {
                    t = Math.max(0, t);
                }
                sum += t * t - (s.shift[i] / s.rho) * (s.shift[i] / s.rho);
            }
            return 0.5 * s.rho * sum;
        }
    }
}
