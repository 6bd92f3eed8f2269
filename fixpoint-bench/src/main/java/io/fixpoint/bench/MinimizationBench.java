package io.fixpoint.bench;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.minimize.Minimizers;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Tolerances;
import io.fixpoint.solve.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs minimisers on test problems through {@link Driver} with the same settings for every method,
 * and judges each outcome the same way, whatever the method says of itself.
 *
 * <p>Stopping: absolute gradient tolerance 0 and relative tolerance {@value #RELATIVE_TOLERANCE}
 * (‖∇f‖ ≤ 1e-10·‖∇f(x₀)‖), at most {@value #FIRST_ORDER_ITERATIONS} iterations for first-order
 * methods and {@value #SECOND_ORDER_ITERATIONS} for the methods in {@link #SECOND_ORDER}, and a
 * time limit per solve (10 s by default).
 *
 * <p>Judging: a solve counts as solved when f(x) reaches the published minimum to
 * {@value #KNOWN_MINIMUM_RTOL} relative ({@link TestProblem#reached}), or when
 * ‖∇f(x)‖/‖∇f(x₀)‖ ≤ {@value #SOLVED_RELATIVE_GRADIENT}; both are recomputed at the returned
 * point, uncounted. A method that throws while starting (one that needs a Hessian the problem
 * lacks) is reported {@link BenchResult#NOT_APPLICABLE}; one that throws later, {@link BenchResult#ERROR}.
 *
 * <p>Solves run one after another on the calling thread, in the order given, so a run is
 * reproducible. Immutable: build one with {@link #builder()}.
 */
public final class MinimizationBench {
    public static final double RELATIVE_TOLERANCE = 1e-10;
    public static final int FIRST_ORDER_ITERATIONS = 20_000;
    public static final int SECOND_ORDER_ITERATIONS = 2_000;
    public static final double KNOWN_MINIMUM_RTOL = 1e-8;
    public static final double SOLVED_RELATIVE_GRADIENT = 1e-6;
    /** Methods that use second derivatives and get the smaller iteration budget. */
    public static final Set<String> SECOND_ORDER = Set.of("newton", "damped-newton", "lazy-newton", "trust-newton-cg", "tron");

    /** Called after each solve of {@link #run(List, List, Listener)}. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} solves of {@code total} have finished, the latest being {@code result}. */
        void onResult(int done, int total, BenchResult result);
    }

    private final Tolerances tolerances;
    private final Integer maxIterations;
    private final Duration timeLimit;
    private final Function<String, Solver<Objective, ? extends IterationState>> methods;

    private MinimizationBench(Builder b) {
        this.tolerances = b.tolerances;
        this.maxIterations = b.maxIterations;
        this.timeLimit = b.timeLimit;
        this.methods = b.methods;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The standard settings described above. */
    public static MinimizationBench standard() {
        return builder().build();
    }

    /** The iteration budget of {@code method}. */
    public int iterationLimit(String method) {
        if (maxIterations != null) {
            return maxIterations;
        }
        return SECOND_ORDER.contains(method) ? SECOND_ORDER_ITERATIONS : FIRST_ORDER_ITERATIONS;
    }

    /** Every method on every problem, problems in the outer loop; {@code listener} hears each result. */
    public List<BenchResult> run(List<TestProblem> problems, List<String> methodNames, Listener listener) {
        methodNames.forEach(methods::apply); // unknown names fail here, before any solve
        int total = problems.size() * methodNames.size();
        List<BenchResult> results = new ArrayList<>(total);
        for (TestProblem p : problems) {
            for (String m : methodNames) {
                BenchResult r = run(p, m, p.start());
                results.add(r);
                listener.onResult(results.size(), total, r);
            }
        }
        return results;
    }

    /** One method on one problem from its standard start. */
    public BenchResult run(TestProblem problem, String method) {
        return run(problem, method, problem.start());
    }

    /**
     * One method on one problem from {@code start}.
     *
     * @throws IllegalArgumentException for an unknown method, or a start of the wrong length or with non-finite entries
     */
    public BenchResult run(TestProblem problem, String method, double[] start) {
        Solver<Objective, ? extends IterationState> solver = methods.apply(method);
        Objective f = problem.objective();
        InvalidProblemException.checkDimension("start point", start.length, f.dimension());
        InvalidProblemException.checkFinite("start point", start);
        boolean[] started = new boolean[1]; // set once init has returned, to tell "cannot start" from "failed"
        Driver driver = Driver.builder()
                .tolerances(tolerances)
                .maxIterations(iterationLimit(method))
                .timeLimit(timeLimit)
                .listener((k, state, counts) -> started[0] = true)
                .build();
        Solution s;
        try {
            s = driver.solve(solver, f, start);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            String status = started[0] ? BenchResult.ERROR : BenchResult.NOT_APPLICABLE;
            return new BenchResult(problem.name(), f.dimension(), method, status, why, false, false, 0,
                    new Evaluations(Map.of()), Double.NaN, Double.NaN, Double.NaN, 0, RateEstimate.UNKNOWN, start.clone(), new Trace());
        }
        return judge(problem, method, start, s);
    }

    /** The uniform verdict on a solution of {@code problem} started from {@code start}. */
    static BenchResult judge(TestProblem problem, String method, double[] start, Solution s) {
        Objective f = problem.objective();
        int n = f.dimension();
        double[] g = new double[n];
        f.gradient(start, g);
        double g0 = Vectors.norm(g);
        double value = f.valueAndGradient(s.x(), g);
        double gNorm = Vectors.norm(g);
        double relative = g0 > 0 ? gNorm / g0 : (gNorm == 0 ? 0 : Double.POSITIVE_INFINITY);
        boolean reached = Double.isFinite(value) && problem.reached(value, KNOWN_MINIMUM_RTOL);
        boolean solved = reached || (Double.isFinite(value) && relative <= SOLVED_RELATIVE_GRADIENT);
        return new BenchResult(problem.name(), n, method, s.status().name(), s.message(), solved, reached, s.iterations(),
                s.evaluations(), value, gNorm, relative, s.seconds(), s.rate(), s.x(), s.trace());
    }

    /** Configures a {@link MinimizationBench}; the defaults are the standard settings. */
    public static final class Builder {
        private Tolerances tolerances = new Tolerances(0, RELATIVE_TOLERANCE, 0, 0);
        private Integer maxIterations;
        private Duration timeLimit = Duration.ofSeconds(10);
        private Function<String, Solver<Objective, ? extends IterationState>> methods = Minimizers::byName;

        private Builder() {
        }

        public Builder tolerances(Tolerances t) {
            this.tolerances = t;
            return this;
        }

        /** One iteration budget for every method, replacing the first-/second-order defaults. */
        public Builder maxIterations(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maximum iterations must be ≥ 0, got " + n);
            }
            this.maxIterations = n;
            return this;
        }

        public Builder timeLimit(Duration d) {
            this.timeLimit = d;
            return this;
        }

        /** Where method names are looked up; {@link Minimizers#byName} by default. */
        public Builder methods(Function<String, Solver<Objective, ? extends IterationState>> lookup) {
            this.methods = lookup;
            return this;
        }

        public MinimizationBench build() {
            return new MinimizationBench(this);
        }
    }
}
