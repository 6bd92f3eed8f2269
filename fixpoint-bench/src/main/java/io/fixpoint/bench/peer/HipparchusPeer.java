package io.fixpoint.bench.peer;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.Peer;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.MersenneTwister;

/**
 * Hipparchus as the JVM peer, in the same JVM and under the same timing protocol as Fixpoint:
 * nonlinear conjugate gradients (Polak–Ribière and Fletcher–Reeves, stopped by the same gradient-norm
 * target through a convergence checker) on every problem, and the derivative-free BOBYQA and CMA-ES
 * (fixed seed) on problems with 2 ≤ n ≤ {@value #DERIVATIVE_FREE_MAX_DIMENSION}. Evaluations are
 * counted by wrappers around the objective.
 */
public final class HipparchusPeer implements Peer {
    public static final List<String> METHODS = List.of("nlcg-pr", "nlcg-fr", "bobyqa", "cma-es");
    static final int DERIVATIVE_FREE_MAX_DIMENSION = 12;
    /** Function-evaluation budget per iteration allowed; Hipparchus counts values only. */
    private static final int EVALUATIONS_PER_ITERATION = 100;
    private static final long CMAES_SEED = 20_260_101L;

    private final List<String> methods;

    public HipparchusPeer() {
        this(METHODS);
    }

    public HipparchusPeer(List<String> methods) {
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new IllegalArgumentException("unknown Hipparchus method '" + m + "'; known: " + String.join(", ", METHODS));
            }
        }
        this.methods = List.copyOf(methods);
    }

    @Override
    public String name() {
        return "hipparchus";
    }

    @Override
    public int plannedSolves(List<TestProblem> problems) {
        return problems.size() * methods.size();
    }

    static boolean applies(String method, int n) {
        return !method.equals("bobyqa") && !method.equals("cma-es") || n >= 2 && n <= DERIVATIVE_FREE_MAX_DIMENSION;
    }

    @Override
    public PeerOutcome run(List<TestProblem> problems, CompareSettings settings, Progress progress) {
        List<SolveRecord> records = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        if (settings.warmups() > 0) { // the JIT sees every method on every problem before anything is timed
            for (TestProblem p : problems) {
                double target = target(p, settings);
                methods.stream().filter(m -> applies(m, p.dimension())).forEach(m -> once(p, m, settings, target));
            }
        }
        for (TestProblem p : problems) {
            for (String m : methods) {
                progress.advance("hipparchus " + m + " " + p.name());
                if (!applies(m, p.dimension())) {
                    excluded.add(m + " on " + p.name() + ": derivative-free methods run for 2 ≤ n ≤ " + DERIVATIVE_FREE_MAX_DIMENSION + " only");
                    continue;
                }
                records.add(solve(p, m, settings));
            }
        }
        String version = "Hipparchus " + version();
        return new PeerOutcome(name(), version, null, List.of(), excluded,
                List.of("NLCG uses Hipparchus' default Brent line search (1e-8 tolerances); BOBYQA starts with radius "
                        + "0.1·max(1, ‖x₀‖∞) and stops at 1e-8; CMA-ES uses σ = 0.3·max(1, |x₀ᵢ|), default population, seed "
                        + CMAES_SEED),
                records);
    }

    private static String version() {
        String v = BOBYQAOptimizer.class.getPackage().getImplementationVersion();
        return v == null ? "3.1" : v;
    }

    /** One counted run: the optimiser's result plus what the wrappers saw. */
    private record Run(double[] x, String status, boolean claimed, long values, long gradients, int iterations, double[] history,
            String message) {
    }

    static SolveRecord solve(TestProblem p, String method, CompareSettings settings) {
        double target = target(p, settings);
        Timing.Timed<Run> t = Timing.measure(() -> once(p, method, settings, target), settings);
        Run r = t.result();
        return MinimizationBench.peerRecord("hipparchus", method, p, r.x, r.status, r.claimed, r.values, r.gradients, 0, r.iterations,
                t.seconds(), t.repeats(), r.history, r.message);
    }

    private static Run once(TestProblem p, String method, CompareSettings settings, double target) {
        Counted c = new Counted(p.objective());
        int n = p.dimension();
        double[] x0 = p.start().clone();
        MaxEval maxEval = new MaxEval((int) Math.min(Integer.MAX_VALUE, (long) settings.maxIterations() * EVALUATIONS_PER_ITERATION));
        MaxIter maxIter = new MaxIter(settings.maxIterations());
        try {
            PointValuePair best;
            int iterations;
            switch (method) {
                case "nlcg-pr", "nlcg-fr" -> {
                    c.history.add(Vectors.norm(g0(p)));
                    NonLinearConjugateGradientOptimizer o = new NonLinearConjugateGradientOptimizer(
                            method.equals("nlcg-pr") ? Formula.POLAK_RIBIERE : Formula.FLETCHER_REEVES,
                            (iteration, previous, current) -> c.gradientNormAt(current.getPoint()) <= target);
                    best = o.optimize(maxEval, maxIter, GoalType.MINIMIZE, new InitialGuess(x0), new ObjectiveFunction(c::value),
                            new ObjectiveFunctionGradient(c::gradient));
                    iterations = o.getIterations();
                }
                case "bobyqa" -> {
                    double radius = 0.1 * Math.max(1, Vectors.normInf(x0));
                    BOBYQAOptimizer o = new BOBYQAOptimizer(2 * n + 1, radius, 1e-8);
                    best = o.optimize(maxEval, GoalType.MINIMIZE, new InitialGuess(x0), new ObjectiveFunction(c::value),
                            SimpleBounds.unbounded(n));
                    iterations = o.getIterations();
                }
                case "cma-es" -> {
                    double[] sigma = new double[n];
                    for (int i = 0; i < n; i++) {
                        sigma[i] = 0.3 * Math.max(1, Math.abs(x0[i]));
                    }
                    CMAESOptimizer o = new CMAESOptimizer(settings.maxIterations(), 0, true, 0, 0, new MersenneTwister(CMAES_SEED), false, null);
                    best = o.optimize(maxEval, GoalType.MINIMIZE, new InitialGuess(x0), new ObjectiveFunction(c::value),
                            SimpleBounds.unbounded(n), new CMAESOptimizer.Sigma(sigma),
                            new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
                    iterations = o.getIterations();
                }
                default -> throw new IllegalArgumentException("unknown Hipparchus method " + method);
            }
            return new Run(best.getPoint(), "converged", true, c.values, c.gradients, iterations, c.history(), "");
        } catch (MathIllegalStateException e) {
            // budgets exhausted: keep the best point seen, as a user catching the exception would
            return new Run(c.bestX, "stopped", false, c.values, c.gradients, c.iterations(), c.history(), e.getMessage());
        } catch (RuntimeException e) {
            return new Run(c.bestX, "error", false, c.values, c.gradients, c.iterations(), c.history(), e.toString());
        }
    }

    private static double target(TestProblem p, CompareSettings settings) {
        return settings.gradientTarget(Vectors.norm(g0(p)));
    }

    private static double[] g0(TestProblem p) {
        double[] g = new double[p.dimension()];
        p.objective().gradient(p.start().clone(), g);
        return g;
    }

    /** Counting wrappers; also remember the last gradient so the convergence checker costs no evaluation. */
    private static final class Counted {
        private final Objective f;
        long values;
        long gradients;
        double[] bestX;
        double bestValue = Double.POSITIVE_INFINITY;
        private double[] lastX;
        private double[] lastG;
        private final DoubleList history = new DoubleList();

        Counted(Objective f) {
            this.f = f;
        }

        double value(double[] x) {
            values++;
            double v = f.value(x);
            if (v < bestValue) {
                bestValue = v;
                bestX = x.clone();
            }
            return v;
        }

        double[] gradient(double[] x) {
            gradients++;
            double[] g = new double[x.length];
            f.gradient(x, g);
            lastX = x.clone();
            lastG = g.clone(); // Hipparchus negates the array it is handed
            return g;
        }

        double gradientNormAt(double[] x) {
            double[] g = lastG;
            if (lastX == null || !Arrays.equals(lastX, x)) {
                g = new double[x.length];
                f.gradient(x, g); // not counted: the checker is ours, not Hipparchus'
            }
            double norm = Vectors.norm(g);
            history.add(norm);
            return norm;
        }

        double[] history() {
            return history.toArray();
        }

        /** Iterations seen by the convergence checker (none for the derivative-free methods). */
        int iterations() {
            return Math.max(0, history.size - 1);
        }
    }

    /** A growable list of doubles. */
    private static final class DoubleList {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            a[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
