package io.fixpoint.catalog;

import static io.fixpoint.solve.Need.GRADIENT;
import static io.fixpoint.solve.Need.HESSIAN;
import static io.fixpoint.solve.Need.HESSIAN_VECTOR;
import static io.fixpoint.solve.Need.JACOBIAN;

import io.fixpoint.bounded.Lbfgsb;
import io.fixpoint.bounded.ProjectedGradient;
import io.fixpoint.bounded.SpectralProjectedGradient;
import io.fixpoint.bounded.Tron;
import io.fixpoint.constrained.AugmentedLagrangian;
import io.fixpoint.constrained.Sqp;
import io.fixpoint.derivativefree.ModelTrustRegion;
import io.fixpoint.derivativefree.NelderMead;
import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.fixedpoint.Halpern;
import io.fixpoint.fixedpoint.KrasnoselskiiMann;
import io.fixpoint.fixedpoint.NewtonKrylov;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.leastsquares.Dogleg;
import io.fixpoint.leastsquares.GaussNewton;
import io.fixpoint.leastsquares.LevenbergMarquardt;
import io.fixpoint.leastsquares.TrustRegionReflective;
import io.fixpoint.lp.HalpernPdhg;
import io.fixpoint.lp.Pdhg;
import io.fixpoint.minimize.Bfgs;
import io.fixpoint.minimize.DampedNewton;
import io.fixpoint.minimize.GradientDescent;
import io.fixpoint.minimize.LazyNewton;
import io.fixpoint.minimize.Lbfgs;
import io.fixpoint.minimize.Nesterov;
import io.fixpoint.minimize.Owlqn;
import io.fixpoint.minimize.Newton;
import io.fixpoint.minimize.NonlinearCG;
import io.fixpoint.mdp.AnchoredValueIteration;
import io.fixpoint.mdp.AndersonValueIteration;
import io.fixpoint.mdp.GaussSeidelValueIteration;
import io.fixpoint.mdp.ModifiedPolicyIteration;
import io.fixpoint.mdp.PolicyIteration;
import io.fixpoint.mdp.ValueIteration;
import io.fixpoint.minimize.TrustRegionNewtonCg;
import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.L1Objective;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.Objective;
import io.fixpoint.problem.Problem;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.RankingSolver;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.root.Broyden;
import io.fixpoint.root.NewtonRoot;
import io.fixpoint.root.PowellHybrid;
import io.fixpoint.sequence.Deer;
import io.fixpoint.sequence.Elk;
import io.fixpoint.sequence.GaussSeidel;
import io.fixpoint.sequence.Jacobi;
import io.fixpoint.sequence.QuasiDeer;
import io.fixpoint.sequence.Sequential;
import io.fixpoint.solve.Need;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import io.fixpoint.train.GradientTransformation;
import io.fixpoint.train.Optimizer;
import io.fixpoint.train.Optimizers;
import io.fixpoint.transport.AndersonSinkhorn;
import io.fixpoint.transport.EpsilonScaling;
import io.fixpoint.transport.Greenkhorn;
import io.fixpoint.transport.Sinkhorn;
import io.fixpoint.transport.SinkhornLog;
import io.fixpoint.transport.SinkhornNewtonSparse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every solver Fixpoint has, one line each: its name, problem kind, family, needs, description and
 * default settings. The command line ({@code list}, {@code --method}, help texts), the bench and the
 * peer comparisons all read it, so a fact about a solver is stated here once.
 *
 * <p>Adding a solver is its own file plus one line below. A catalogue is immutable;
 * {@link #with(SolverSpec)} gives one with an extra solver (for tests and extensions).
 */
public final class Catalog {
    // families, as reports group them
    public static final String GRADIENT_METHODS = "gradient methods";
    public static final String CONJUGATE_GRADIENT = "nonlinear conjugate gradient";
    public static final String QUASI_NEWTON = "quasi-Newton (dense BFGS)";
    public static final String LIMITED_MEMORY = "limited-memory quasi-Newton";
    public static final String NEWTON = "Newton and Newton–CG";
    public static final String DERIVATIVE_FREE = "derivative-free";
    public static final String PRIMAL_DUAL = "primal–dual hybrid gradient";
    public static final String STOCHASTIC = "stochastic first-order";
    public static final String STOCHASTIC_CURVATURE = "stochastic with curvature estimates";
    public static final String PROJECTED = "projected gradient methods";
    public static final String NONLINEAR_PROGRAMMING = "nonlinear programming";
    public static final String SCORE_ITERATIONS = "Bradley–Terry score iterations";
    public static final String RANKING_MINIMIZERS = "Bradley–Terry by minimisation";

    /**
     * Minimisers: ‖∇f‖ ≤ min(1e-10·‖∇f(x₀)‖, 1e-5·max(1, |f|)): the test relative to the start, bounded
     * by SciPy's default gradient tolerance scaled to the problem at the current point (see
     * {@link Tolerances}); 20 000 iterations for first-order methods, 2 000 for second-order ones.
     */
    static final Settings MINIMIZATION = Settings.DEFAULT.withTolerances(Tolerances.relative(1e-10, 1e-5)).withMaxIterations(20_000);
    static final int SECOND_ORDER_ITERATIONS = 2_000;
    /**
     * Derivative-free minimisers: their certificate max(‖interpolated gradient‖₂, size of the sample
     * set) ≤ 1e-8, 20 000 iterations (a test relative to the start would trust the first sample set).
     */
    static final Settings DERIVATIVE_FREE_MINIMIZATION = Settings.tolerance(1e-8).withMaxIterations(20_000);
    /**
     * Bound-constrained minimisers: the minimisers' test on the projected-gradient norm
     * ‖P(x − ∇f) − x‖₂ (their optimality measure); the second-order budget for TRON.
     */
    static final Settings BOUNDED = MINIMIZATION;
    /** L1-regularised minimisers: the minimisers' test on the norm of the minimum-norm subgradient of f + Σ λⱼ|xⱼ|. */
    static final Settings L1 = MINIMIZATION;
    /**
     * General constraints: the largest KKT residual (stationarity, feasibility, complementarity; max-norms)
     * ≤ 1e-8, 1000 iterations.
     */
    static final Settings CONSTRAINED = Settings.tolerance(1e-8).withMaxIterations(1000);
    /** Least squares: the solvers' MINPACK tests decide convergence, so the driver's tolerance is off; 1000 iterations. */
    static final Settings LEAST_SQUARES = Settings.DEFAULT.withTolerances(Tolerances.of(0)).withMaxIterations(1000);
    /** Roots: ‖F‖ ≤ 1e-10, 1000 iterations. */
    static final Settings ROOTS = Settings.tolerance(1e-10).withMaxIterations(1000);
    /** Fixed points: ‖x − T(x)‖ ≤ 1e-12, 10 000 iterations. */
    static final Settings FIXED_POINTS = Settings.tolerance(1e-12).withMaxIterations(10_000);
    /**
     * Trajectories: largest residual ≤ 1e-12 and no stall rule, since a non-contracting recurrence
     * may progress only through its exact prefix for a long time; the exactness guarantee makes T
     * iterations enough, so the route caps the budget at T (see {@code Sequences}).
     */
    static final Settings SEQUENCES = Settings.tolerance(1e-12).withMaxIterations(Integer.MAX_VALUE).withoutStallRule();
    /**
     * Linear programs: relative KKT error ≤ 1e-8 (PDLP's criteria: the optimality measure of every LP
     * solver), 10⁶ iterations, no stall rule (the certified pair changes only every 64 iterations and its
     * KKT error is not monotone) and no trace (a long solve would keep millions of entries).
     */
    static final Settings LINEAR_PROGRAMS = Settings.tolerance(1e-8).withMaxIterations(1_000_000).withoutStallRule().withTrace(false);
    /** Transport: relative marginal error (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁)/Σa ≤ 1e-9, 100 000 iterations. */
    static final Settings TRANSPORT = Settings.tolerance(1e-9).withMaxIterations(100_000);
    /** Decision processes: Bellman residual ‖Tv − v‖∞ (its span under the average-reward criterion) ≤ 1e-8, 100 000 iterations. */
    static final Settings MDP = Settings.tolerance(1e-8).withMaxIterations(100_000);
    /** Ranking: ‖∇f‖ ≤ 1e-10 (f = −ℓ plus the centring term or the prior), recomputed at the reported scores; 10 000 iterations. */
    static final Settings RANKING = Settings.tolerance(1e-10).withMaxIterations(10_000);

    /**
     * Training: no tolerance (a minibatch gradient norm is an estimate, never a certificate), no stall
     * rule (minibatch losses are noisy), 1000 steps; a run ends on its budget of steps or time
     * ({@code train.Training} keeps these rules whatever budget it is given).
     */
    static final Settings TRAINING = Settings.DEFAULT.withTolerances(Tolerances.of(0)).withMaxIterations(1000).withoutStallRule();

    private static final Catalog BUILT_IN = new Catalog(List.of(
            minimizer("gradient-descent", GRADIENT_METHODS, "steepest descent, Barzilai–Borwein initial step, Armijo backtracking",
                    c -> new GradientDescent()),
            minimizer("nesterov", GRADIENT_METHODS, "Nesterov's accelerated gradient with adaptive restart", c -> new Nesterov()),
            minimizer("cg-pr", CONJUGATE_GRADIENT, "nonlinear conjugate gradient, Polak–Ribière+, strong Wolfe line search",
                    c -> NonlinearCG.polakRibiere()),
            minimizer("cg-hz", CONJUGATE_GRADIENT, "nonlinear conjugate gradient, Hager–Zhang", c -> NonlinearCG.hagerZhang()),
            minimizer("bfgs", QUASI_NEWTON, "BFGS with a dense inverse Hessian, Moré–Thuente line search", c -> new Bfgs()),
            minimizer("lbfgs", LIMITED_MEMORY, "L-BFGS (m = 10), two-loop recursion, Moré–Thuente line search", c -> new Lbfgs()),
            secondOrder("newton", Set.of(GRADIENT, HESSIAN), "Newton with a modified Cholesky factorisation and line search",
                    c -> new Newton()),
            secondOrder("damped-newton", Set.of(GRADIENT, HESSIAN), "damped Newton with the O(k⁻³) stepsize rule",
                    c -> new DampedNewton()),
            secondOrder("lazy-newton", Set.of(GRADIENT, HESSIAN), "Newton reusing one Hessian factorisation for m = n steps",
                    c -> new LazyNewton()),
            secondOrder("trust-newton-cg", Set.of(GRADIENT, HESSIAN_VECTOR), "trust-region Newton–CG (Steihaug), Hessian–vector products",
                    c -> new TrustRegionNewtonCg()),
            minimizer("lbfgsb", LIMITED_MEMORY, "L-BFGS-B (m = 10) with every bound infinite", c -> new Lbfgsb().unconstrained()),
            secondOrder("tron", Set.of(GRADIENT, HESSIAN_VECTOR), "TRON's projected Newton–CG with every bound infinite",
                    c -> new Tron().unconstrained()),
            minimizer("spg", GRADIENT_METHODS, "spectral projected gradient with every bound infinite",
                    c -> new SpectralProjectedGradient().unconstrained()),
            minimizer("projected-gradient", GRADIENT_METHODS, "projected gradient with every bound infinite",
                    c -> new ProjectedGradient().unconstrained()),
            derivativeFree("nelder-mead", "Nelder–Mead with Gao–Han adaptive coefficients (simplex-gradient certificate)",
                    c -> new NelderMead()),
            derivativeFree("model-trust-region", "quadratic-interpolation trust region (UOBYQA-style)", c -> new ModelTrustRegion()),

            bounded("lbfgsb", LIMITED_MEMORY, Set.of(GRADIENT),
                    "L-BFGS-B (m = 10): generalised Cauchy point, subspace minimisation, Moré–Thuente in the box", c -> new Lbfgsb()),
            bounded("tron", NEWTON, Set.of(GRADIENT, HESSIAN_VECTOR), "TRON: projected Newton–CG in a trust region, Hessian–vector products",
                    c -> new Tron()),
            bounded("spg", PROJECTED, Set.of(GRADIENT), "spectral projected gradient, non-monotone line search (Birgin–Martínez–Raydan)",
                    c -> new SpectralProjectedGradient()),
            bounded("projected-gradient", PROJECTED, Set.of(GRADIENT), "projected gradient with an Armijo search along the projection arc",
                    c -> new ProjectedGradient()),

            l1("owlqn", LIMITED_MEMORY, "OWL-QN (m = 10): L-BFGS on the orthant of the pseudo-gradient, projected backtracking (Andrew–Gao)",
                    c -> new Owlqn()),

            constrained("sqp", "line-search SQP: dual active-set QP, damped BFGS, ℓ1 merit, elastic mode and second-order correction",
                    c -> new Sqp()),
            constrained("augmented-lagrangian", "augmented Lagrangian (ALGENCAN-style, safeguarded multipliers), L-BFGS-B inside",
                    c -> new AugmentedLagrangian()),

            leastSquares("lm", "Levenberg–Marquardt as MINPACK's lmder (Moré's scaling)", c -> new LevenbergMarquardt()),
            leastSquares("lm-geodesic", "Levenberg–Marquardt with geodesic acceleration (Transtrum–Sethna)",
                    c -> new LevenbergMarquardt().withGeodesicAcceleration()),
            leastSquares("dogleg", "Powell's dogleg trust region", c -> new Dogleg()),
            leastSquares("gauss-newton", "Gauss–Newton with an Armijo line search", c -> new GaussNewton()),
            leastSquares("trf", "trust region reflective (Coleman–Li), simple bounds", c -> new TrustRegionReflective()),

            root("hybrid", "Powell's hybrid dogleg as MINPACK's hybrj, Broyden updates", c -> new PowellHybrid()),
            root("newton", "Newton with LU (least-squares fallback) and Armijo on ½‖F‖²", c -> new NewtonRoot()),
            root("broyden-good", "Broyden's good method on the inverse Jacobian", c -> Broyden.good()),
            root("broyden-bad", "Broyden's bad method on the inverse Jacobian", c -> Broyden.bad()),

            fixedPoint("picard", "x ← T(x)", c -> new Picard()),
            fixedPoint("km", "Krasnosel'skii–Mann averaging, α = ½", c -> new KrasnoselskiiMann()),
            fixedPoint("halpern", "Halpern anchoring, β_k = 1/(k+2)", c -> new Halpern()),
            fixedPoint("halpern-restart", "Halpern anchoring with restarts", c -> Halpern.restarted(0.5)),
            fixedPoint("anderson", "Anderson mixing (type II, m = 5), safeguarded", c -> new Anderson()),
            fixedPoint("newton-krylov", "Newton–Krylov (GMRES) on x − T(x) = 0", c -> new NewtonKrylov()),

            sequence("sequential", "the sequential loop, one step at a time", c -> new Sequential()),
            sequence("jacobi", "fixed-point iteration on the whole trajectory, in parallel", c -> new Jacobi(c.executor())),
            sequence("gauss-seidel", "block Gauss–Seidel over time (parameter block: 0 = one block per thread)",
                    c -> new GaussSeidel(c.executor(), (int) c.parameter("block", 0))),
            sequence("deer", "Newton on the trajectory with a parallel scan (DEER)", c -> new Deer(c.executor())),
            sequence("quasi-deer", "DEER with diagonal Jacobians", c -> new QuasiDeer(c.executor())),
            sequence("elk", "Levenberg–Marquardt-stabilised DEER (ELK)", c -> new Elk(c.executor())),

            linearProgram("r2hpdhg", "reflected restarted Halpern PDHG (r²HPDHG, Lu–Yang), PID-controlled primal weight",
                    c -> HalpernPdhg.reflected(c.executor())),
            linearProgram("halpern-pdhg", "restarted Halpern PDHG on the PDHG operator", c -> HalpernPdhg.plain(c.executor())),
            linearProgram("pdhg", "PDHG with PDLP's adaptive steps, averaging, KKT restarts and primal weight", c -> new Pdhg(c.executor())),

            transport("sinkhorn", "Sinkhorn's matrix scaling (Cuturi 2013); NON_FINITE where the kernel e^(−M/ε) underflows",
                    c -> new Sinkhorn()),
            transport("sinkhorn-log", "Sinkhorn on the log-potentials, stabilised log-sum-exp; any ε", c -> new SinkhornLog()),
            transport("sinkhorn-eps-scaling", "log-domain Sinkhorn, ε halved from max|M| in warm-started stages (Schmitzer 2019)",
                    c -> new EpsilonScaling()),
            transport("greenkhorn", "greedy row and column updates (Altschuler, Weed and Rigollet 2017)", c -> new Greenkhorn()),
            transport("sinkhorn-anderson", "Anderson mixing (m = 5) on the Sinkhorn map of the source potential", c -> new AndersonSinkhorn()),
            transport("sns", "Sinkhorn–Newton–Sparse: Sinkhorn, then Newton–CG on the dual with a sparsified Hessian (Tang et al. 2024)",
                    c -> new SinkhornNewtonSparse()),

            mdp("value-iteration", "value iteration v ← Tv (relative value iteration under the average-reward criterion)",
                    c -> new ValueIteration()),
            mdp("gauss-seidel", "Gauss–Seidel value iteration, in-place sweeps in state order (discounted)", c -> new GaussSeidelValueIteration()),
            mdp("anchored-vi", "anchored (Halpern) value iteration, O(1/k) Bellman error as γ → 1 (Lee and Ryu 2023; discounted)",
                    c -> new AnchoredValueIteration()),
            mdp("anderson-vi", "Anderson mixing (m = 5) on the Bellman map, safeguarded (discounted)", c -> new AndersonValueIteration()),
            mdp("policy-iteration", "policy iteration, each policy's values by an exact sparse LU solve", c -> new PolicyIteration()),
            mdp("modified-policy-iteration", "modified policy iteration, 10 sweeps of the policy's operator per improvement",
                    c -> new ModifiedPolicyIteration()),

            scoreIteration("zermelo", "Zermelo's iteration (Hunter's MM), cyclic sweeps",
                    c -> RankingSolver.plain("zermelo", RankingProblem::zermelo)),
            scoreIteration("newman", "Newman's iteration (2023, eq. 12; eq. 26 for MAP), cyclic sweeps",
                    c -> RankingSolver.plain("newman", RankingProblem::newman)),
            scoreIteration("zermelo-anderson", "Zermelo's iteration with Anderson mixing (m = 5)",
                    c -> RankingSolver.anderson("zermelo-anderson", RankingProblem::zermelo)),
            scoreIteration("newman-anderson", "Newman's iteration with Anderson mixing (m = 5)",
                    c -> RankingSolver.anderson("newman-anderson", RankingProblem::newman)),
            scoreIteration("zermelo-halpern", "Zermelo's iteration with restarted Halpern anchoring",
                    c -> RankingSolver.halpern("zermelo-halpern", RankingProblem::zermelo)),
            scoreIteration("newman-halpern", "Newman's iteration with restarted Halpern anchoring",
                    c -> RankingSolver.halpern("newman-halpern", RankingProblem::newman)),
            scoreIteration("ilsr", "iterative Luce spectral ranking (Maystre–Grossglauser); no home advantage or Davidson ties",
                    c -> RankingSolver.plain("ilsr", RankingProblem::ilsr)),
            rankingMinimizer("newton", Set.of(GRADIENT, HESSIAN_VECTOR), "trust-region Newton–CG (Steihaug) on the log-strengths",
                    c -> RankingSolver.minimizer("newton", new TrustRegionNewtonCg())),
            rankingMinimizer("lbfgs", Set.of(GRADIENT), "L-BFGS (m = 10) on the log-strengths", c -> RankingSolver.minimizer("lbfgs", new Lbfgs())),


            // learning rate, weight decay, recipe; batch and seed from the context (Optimizer.BATCH, Optimizer.SEED)
            optimizer("sgd", 0.1, 0, "SGD with heavy-ball momentum 0.9 (--momentum, --nesterov); L2 weight decay", Optimizers::sgd),
            optimizer("adam", 1e-3, 0, "Adam (Kingma and Ba 2015); L2 weight decay", Optimizers::adam),
            optimizer("adamw", 1e-3, 0.01, "Adam with decoupled weight decay (Loshchilov and Hutter 2019)", Optimizers::adamw),
            optimizer("nadam", 2e-3, 0, "Adam with Nesterov momentum (Dozat 2016)", Optimizers::nadam),
            optimizer("radam", 1e-3, 0, "rectified Adam (Liu et al. 2020)", Optimizers::radam),
            optimizer("adan", 1e-3, 0.02, "adaptive Nesterov momentum (Xie et al. 2022)", Optimizers::adan),
            optimizer("lion", 3e-4, 0, "evolved sign momentum, one state buffer (Chen et al. 2023)", Optimizers::lion),
            curvature("sophia", Set.of(GRADIENT, HESSIAN_VECTOR), 1e-3, 0,
                    "clipped diagonal-Hessian preconditioning, Hutchinson estimator (Liu et al. 2024)", Optimizers::sophia),
            curvature("sophia-g", Set.of(GRADIENT), 1e-3, 0,
                    "Sophia with the Gauss-Newton-Bartlett estimator (Liu et al. 2024; needs gradients at sampled labels)", Optimizers::sophiaG),
            curvature("adahessian", Set.of(GRADIENT, HESSIAN_VECTOR), 0.15, 0,
                    "Adam on Hutchinson Hessian-diagonal estimates (Yao et al. 2021)", Optimizers::adahessian),
            optimizer("schedule-free-sgd", 0.1, 0, "schedule-free SGD, evaluated at the averaged iterate (Defazio et al. 2024)",
                    Optimizers::scheduleFreeSgd),
            optimizer("schedule-free-adamw", 2.5e-3, 0, "schedule-free AdamW (Defazio et al. 2024)", Optimizers::scheduleFreeAdamw),
            optimizer("muon", 0.02, 0, "Newton-Schulz orthogonalised momentum on hidden matrices, AdamW at lr/20 on the rest (Jordan et al. 2024)",
                    Optimizers::muon),
            optimizer("shampoo", 0.1, 0, "Kronecker-factored preconditioning L^-1/4 G R^-1/4 (Gupta et al. 2018)", Optimizers::shampoo),
            optimizer("soap", 3e-3, 0.01, "Adam in Shampoo's eigenbasis (Vyas et al. 2025)", Optimizers::soap)));

    private static final Map<ProblemKind, String> DEFAULT_METHOD = new EnumMap<>(Map.ofEntries(Map.entry(ProblemKind.MINIMIZATION, "lbfgs"),
            Map.entry(ProblemKind.BOUNDED, "lbfgsb"), Map.entry(ProblemKind.L1, "owlqn"),
            Map.entry(ProblemKind.CONSTRAINED, "sqp"), Map.entry(ProblemKind.LEAST_SQUARES, "lm"),
            Map.entry(ProblemKind.ROOT, "hybrid"), Map.entry(ProblemKind.FIXED_POINT, "anderson"), Map.entry(ProblemKind.SEQUENCE, "deer"),
            Map.entry(ProblemKind.LINEAR_PROGRAM, "r2hpdhg"), Map.entry(ProblemKind.TRANSPORT, "sinkhorn-log"),
            Map.entry(ProblemKind.MDP, "policy-iteration"), Map.entry(ProblemKind.RANKING, "newton"),
            Map.entry(ProblemKind.TRAINING, "adamw")));

    private final List<SolverSpec<?>> specs;

    private Catalog(List<SolverSpec<?>> specs) {
        for (int i = 0; i < specs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (specs.get(i).kind() == specs.get(j).kind() && specs.get(i).name().equals(specs.get(j).name())) {
                    throw new IllegalArgumentException("two " + specs.get(i).kind().label() + " solvers are called '" + specs.get(i).name() + "'");
                }
            }
        }
        this.specs = List.copyOf(specs);
    }

    /** The solvers Fixpoint ships. */
    public static Catalog builtIn() {
        return BUILT_IN;
    }

    /** A catalogue of exactly these solvers (tests, and programs that bring their own). */
    public static Catalog of(List<SolverSpec<?>> specs) {
        return new Catalog(specs);
    }

    /** This catalogue with one more solver. */
    public Catalog with(SolverSpec<?> spec) {
        List<SolverSpec<?>> more = new ArrayList<>(specs);
        more.add(spec);
        return new Catalog(more);
    }

    /** Every solver, kinds in declaration order. */
    public List<SolverSpec<?>> all() {
        return specs;
    }

    /** The solvers of one kind, in catalogue order. */
    public List<SolverSpec<?>> of(ProblemKind kind) {
        return specs.stream().filter(s -> s.kind() == kind).toList();
    }

    public List<String> names(ProblemKind kind) {
        return of(kind).stream().map(SolverSpec::name).toList();
    }

    /** The method used when none is named. */
    public String defaultMethod(ProblemKind kind) {
        return DEFAULT_METHOD.getOrDefault(kind, names(kind).get(0));
    }

    /** The solver of {@code kind} called {@code name}, or an exception listing the known names. */
    public SolverSpec<?> spec(ProblemKind kind, String name) {
        for (SolverSpec<?> s : specs) {
            if (s.kind() == kind && s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown " + kind.label() + " method '" + name + "'; known methods: "
                + String.join(", ", names(kind)));
    }

    public SolverSpec<Objective> minimizer(String name) {
        return typed(ProblemKind.MINIMIZATION, name);
    }

    public SolverSpec<BoundedObjective> bounded(String name) {
        return typed(ProblemKind.BOUNDED, name);
    }

    public SolverSpec<L1Objective> l1(String name) {
        return typed(ProblemKind.L1, name);
    }

    public SolverSpec<ConstrainedProblem> constrained(String name) {
        return typed(ProblemKind.CONSTRAINED, name);
    }

    public SolverSpec<LeastSquaresProblem> leastSquares(String name) {
        return typed(ProblemKind.LEAST_SQUARES, name);
    }

    public SolverSpec<RootProblem> root(String name) {
        return typed(ProblemKind.ROOT, name);
    }

    public SolverSpec<FixedPointMap> fixedPoint(String name) {
        return typed(ProblemKind.FIXED_POINT, name);
    }

    public SolverSpec<Recurrence> sequence(String name) {
        return typed(ProblemKind.SEQUENCE, name);
    }

    public SolverSpec<LinearProgram> linearProgram(String name) {
        return typed(ProblemKind.LINEAR_PROGRAM, name);
    }

    public SolverSpec<TransportProblem> transport(String name) {
        return typed(ProblemKind.TRANSPORT, name);
    }

    public SolverSpec<MarkovDecisionProcess> mdp(String name) {
        return typed(ProblemKind.MDP, name);
    }

    public SolverSpec<RankingProblem> ranking(String name) {
        return typed(ProblemKind.RANKING, name);
    }

    public SolverSpec<FiniteSum> training(String name) {
        return typed(ProblemKind.TRAINING, name);
    }

    /** The optimiser called {@code name}: its recipe and default hyperparameters, for callers that set their own or a schedule. */
    public Optimizer optimizer(String name) {
        if (spec(ProblemKind.TRAINING, name).factory() instanceof Optimizer o) {
            return o;
        }
        throw new IllegalArgumentException("training method '" + name + "' is not built from an optimiser recipe");
    }

    /** Safe: every spec of a kind is built by that kind's factory below, over the kind's problem interface. */
    @SuppressWarnings("unchecked")
    private <P extends Problem<P>> SolverSpec<P> typed(ProblemKind kind, String name) {
        return (SolverSpec<P>) spec(kind, name);
    }

    // one factory per kind: the kind's defaults and what its solvers need

    /** A first-order minimiser (needs ∇f). */
    public static SolverSpec<Objective> minimizer(String name, String family, String description,
            Function<SolverContext, ? extends Solver<Objective, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.MINIMIZATION, family, Set.of(GRADIENT), description, MINIMIZATION, factory);
    }

    /** A minimiser that uses second derivatives: the Newton family, with the smaller iteration budget. */
    public static SolverSpec<Objective> secondOrder(String name, Set<Need> needs, String description,
            Function<SolverContext, ? extends Solver<Objective, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.MINIMIZATION, NEWTON, needs, description,
                MINIMIZATION.withMaxIterations(SECOND_ORDER_ITERATIONS), factory);
    }

    /** A minimiser that uses values of f only, compared within the derivative-free family. */
    public static SolverSpec<Objective> derivativeFree(String name, String description,
            Function<SolverContext, ? extends Solver<Objective, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.MINIMIZATION, DERIVATIVE_FREE, Set.of(), description, DERIVATIVE_FREE_MINIMIZATION, factory);
    }

    /** A minimiser subject to bounds; second-order ones get the second-order budget. */
    public static SolverSpec<BoundedObjective> bounded(String name, String family, Set<Need> needs, String description,
            Function<SolverContext, ? extends Solver<BoundedObjective, ?>> factory) {
        Settings defaults = Need.secondOrder(needs) ? BOUNDED.withMaxIterations(SECOND_ORDER_ITERATIONS) : BOUNDED;
        return new SolverSpec<>(name, ProblemKind.BOUNDED, family, needs, description, defaults, factory);
    }

    /** A minimiser of a smooth objective plus a weighted L1 norm (needs ∇f of the smooth part). */
    public static SolverSpec<L1Objective> l1(String name, String family, String description,
            Function<SolverContext, ? extends Solver<L1Objective, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.L1, family, Set.of(GRADIENT), description, L1, factory);
    }

    /** A solver for general constraints (gradients of f and the constraint Jacobian). */
    public static SolverSpec<ConstrainedProblem> constrained(String name, String description,
            Function<SolverContext, ? extends Solver<ConstrainedProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.CONSTRAINED, NONLINEAR_PROGRAMMING, Set.of(GRADIENT, JACOBIAN), description, CONSTRAINED,
                factory);
    }

    public static SolverSpec<LeastSquaresProblem> leastSquares(String name, String description,
            Function<SolverContext, ? extends Solver<LeastSquaresProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.LEAST_SQUARES, "nonlinear least squares", Set.of(JACOBIAN), description, LEAST_SQUARES,
                factory);
    }

    public static SolverSpec<RootProblem> root(String name, String description,
            Function<SolverContext, ? extends Solver<RootProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.ROOT, "root finding", Set.of(JACOBIAN), description, ROOTS, factory);
    }

    public static SolverSpec<FixedPointMap> fixedPoint(String name, String description,
            Function<SolverContext, ? extends Solver<FixedPointMap, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.FIXED_POINT, "fixed-point iteration", Set.of(), description, FIXED_POINTS, factory);
    }

    public static SolverSpec<Recurrence> sequence(String name, String description,
            Function<SolverContext, ? extends Solver<Recurrence, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.SEQUENCE, "parallel in time", Set.of(JACOBIAN), description, SEQUENCES, factory);
    }

    /** A first-order primal–dual solver of linear programs (products A·x and Aᵀ·y only). */
    public static SolverSpec<LinearProgram> linearProgram(String name, String description,
            Function<SolverContext, ? extends Solver<LinearProgram, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.LINEAR_PROGRAM, PRIMAL_DUAL, Set.of(), description, LINEAR_PROGRAMS, factory);
    }

    public static SolverSpec<TransportProblem> transport(String name, String description,
            Function<SolverContext, ? extends Solver<TransportProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.TRANSPORT, "entropic optimal transport", Set.of(), description, TRANSPORT, factory);
    }

    public static SolverSpec<MarkovDecisionProcess> mdp(String name, String description,
            Function<SolverContext, ? extends Solver<MarkovDecisionProcess, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.MDP, "Markov decision processes", Set.of(), description, MDP, factory);
    }

    /** A stochastic optimiser: the {@link io.fixpoint.train.MinibatchSolver} running its chain with default hyperparameters. */
    public static SolverSpec<FiniteSum> optimizer(String name, double learningRate, double weightDecay, String description,
            Function<Optimizers.Settings, GradientTransformation> recipe) {
        return training(name, STOCHASTIC, Set.of(GRADIENT), learningRate, weightDecay, description, recipe);
    }

    /** A stochastic optimiser that estimates curvature on each minibatch (Hessian–vector products or gradients at sampled labels). */
    public static SolverSpec<FiniteSum> curvature(String name, Set<Need> needs, double learningRate, double weightDecay, String description,
            Function<Optimizers.Settings, GradientTransformation> recipe) {
        return training(name, STOCHASTIC_CURVATURE, needs, learningRate, weightDecay, description, recipe);
    }

    private static SolverSpec<FiniteSum> training(String name, String family, Set<Need> needs, double learningRate, double weightDecay,
            String description, Function<Optimizers.Settings, GradientTransformation> recipe) {
        return new SolverSpec<>(name, ProblemKind.TRAINING, family, needs, description, TRAINING,
                new Optimizer(name, learningRate, weightDecay, recipe));
    }

    /** A score iteration for Bradley–Terry estimates (a map with ∇f as a by-product), certified by ‖∇f‖ at the reported scores. */
    public static SolverSpec<RankingProblem> scoreIteration(String name, String description,
            Function<SolverContext, ? extends Solver<RankingProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.RANKING, SCORE_ITERATIONS, Set.of(), description, RANKING, factory);
    }

    /** A minimiser of the Bradley–Terry objective f, certified the same way. */
    public static SolverSpec<RankingProblem> rankingMinimizer(String name, Set<Need> needs, String description,
            Function<SolverContext, ? extends Solver<RankingProblem, ?>> factory) {
        return new SolverSpec<>(name, ProblemKind.RANKING, RANKING_MINIMIZERS, needs, description, RANKING, factory);
    }
}
