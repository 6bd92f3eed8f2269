package io.fixpoint.solve;

import io.fixpoint.analysis.ConvergenceRate;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Counts;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Owns the iteration loop for every solver: tolerances, iteration / evaluation / time budgets,
 * detection of non-finite values and divergence, stagnation, cancellation, listeners and the trace.
 * Immutable and reusable; build one with {@link #builder()}.
 */
public final class Driver {
    /** Iterates beyond this norm are taken as divergence. */
    static final double DIVERGENCE_NORM = 1e150;
    /** A stall with the optimality measure this many times its start value is reported as divergence. */
    static final double DIVERGENCE_GROWTH = 1e6;

    private final Tolerances tolerances;
    private final int maxIterations;
    private final long maxEvaluations;
    private final Duration timeLimit;
    private final int stallIterations;
    private final boolean recordTrace;
    private final List<IterationListener> listeners;
    private final BooleanSupplier cancelled;

    private Driver(Builder b) {
        this.tolerances = b.tolerances;
        this.maxIterations = b.maxIterations;
        this.maxEvaluations = b.maxEvaluations;
        this.timeLimit = b.timeLimit;
        this.stallIterations = b.stallIterations;
        this.recordTrace = b.recordTrace;
        this.listeners = List.copyOf(b.listeners);
        this.cancelled = b.cancelled;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A driver with default tolerances and budgets. */
    public static Driver defaults() {
        return builder().build();
    }

    public Tolerances tolerances() {
        return tolerances;
    }

    /**
     * Runs {@code solver} on {@code problem} from {@code x0} until a stopping rule fires.
     *
     * @throws InvalidProblemException if {@code x0} has the wrong length or a non-finite entry
     */
    public <P extends Problem<P>, S extends IterationState> Solution solve(Solver<P, S> solver, P problem, double[] x0) {
        InvalidProblemException.checkDimension("start point", x0.length, problem.dimension());
        InvalidProblemException.checkFinite("start point", x0);
        return withWarnings(iterate(solver, problem, x0), problem.warnings());
    }

    private <P extends Problem<P>, S extends IterationState> Solution iterate(Solver<P, S> solver, P problem, double[] x0) {
        Counts counts = new Counts();
        P counted = problem.counted(counts);
        Trace trace = new Trace();
        long t0 = System.nanoTime();

        S state = solver.init(counted, x0.clone());
        double opt0 = state.optimality();
        record(trace, 0, state, counts, t0);
        if (!finite(state)) {
            return finish(solver, new Verdict(Status.NON_FINITE, "value or optimality measure is not finite at the start point (value "
                    + state.value() + ", optimality " + opt0 + ")"), false, x0.clone(), state, 0, counts, t0, trace);
        }
        double[] lastGood = state.x().clone();
        double lastGoodValue = state.value();
        double lastGoodOpt = opt0;
        double bestValue = state.value();
        double bestOpt = opt0;
        int sinceProgress = 0;

        for (int k = 1; ; k++) {
            Verdict end = null;
            double target = tolerances.target(opt0, state.value());
            if (state.optimality() <= target) {
                Verdict refuted = solver.confirm(counted, state);
                end = refuted != null ? refuted
                        : Verdict.converged(Solution.OPTIMALITY, "optimality " + fmt(state.optimality()) + " ≤ tolerance " + fmt(target));
            } else if (state.verdict() != null) {
                end = state.verdict();
            } else if (k > maxIterations) {
                end = new Verdict(Status.MAX_ITERATIONS, "reached the iteration limit " + maxIterations + "; optimality " + fmt(state.optimality()));
            } else if (counts.total() >= maxEvaluations) {
                end = new Verdict(Status.BUDGET_EXHAUSTED, "reached the evaluation limit " + maxEvaluations);
            } else if (timeLimit != null && System.nanoTime() - t0 > timeLimit.toNanos()) {
                end = new Verdict(Status.BUDGET_EXHAUSTED, "reached the time limit " + timeLimit.toMillis() / 1000.0 + " s");
            } else if (cancelled.getAsBoolean()) {
                end = new Verdict(Status.CANCELLED, "cancelled");
            }
            if (end != null) {
                return finish(solver, end, end.status() == Status.CONVERGED, state.x().clone(), state, k - 1, counts, t0, trace);
            }

            double previousValue = state.value();
            state = solver.step(counted, state);
            record(trace, k, state, counts, t0);

            if (!finite(state)) {
                return finishAt(solver, new Verdict(Status.NON_FINITE, "a value, gradient or iterate became non-finite at iteration " + k
                        + " (value " + state.value() + ", optimality " + state.optimality() + "); returning the last finite iterate"), false,
                        lastGood, lastGoodValue, lastGoodOpt, state, k, counts, t0, trace);
            }
            double xNorm = Vectors.norm(state.x());
            if (xNorm > DIVERGENCE_NORM) {
                return finish(solver, new Verdict(Status.DIVERGED, "iterates diverged (‖x‖ = " + fmt(xNorm) + ") at iteration " + k), false,
                        state.x().clone(), state, k, counts, t0, trace);
            }
            System.arraycopy(state.x(), 0, lastGood, 0, lastGood.length);
            lastGoodValue = state.value();
            lastGoodOpt = state.optimality();

            target = tolerances.target(opt0, state.value());
            if (state.optimality() > target && state.verdict() == null) {
                Verdict weak = weakCriterion(state, previousValue, xNorm, target);
                if (weak != null) {
                    return finish(solver, weak, false, state.x().clone(), state, k, counts, t0, trace);
                }
            }
            if (state.value() < bestValue || state.optimality() < bestOpt) {
                sinceProgress = 0;
                bestValue = Math.min(bestValue, state.value());
                bestOpt = Math.min(bestOpt, state.optimality());
            } else if (++sinceProgress >= stallIterations) {
                if (state.optimality() > DIVERGENCE_GROWTH * Math.max(opt0, Double.MIN_NORMAL)) {
                    return finish(solver, new Verdict(Status.DIVERGED, "optimality grew from " + fmt(opt0) + " to " + fmt(state.optimality())
                            + " without any improvement in " + stallIterations + " iterations"), false, state.x().clone(), state, k, counts, t0, trace);
                }
                return finish(solver, new Verdict(Status.STALLED, "no decrease of value or optimality in " + stallIterations
                        + " iterations; optimality " + fmt(state.optimality())), false, state.x().clone(), state, k, counts, t0, trace);
            }
        }
    }

    /** The step or value-change test, when set and fired: CONVERGED, but by a test weaker than the optimality measure's. */
    private Verdict weakCriterion(IterationState s, double previousValue, double xNorm, double target) {
        String above = "; optimality " + fmt(s.optimality()) + " is above its tolerance " + fmt(target) + " (not certified)";
        double step = s.stepNorm();
        if (tolerances.step() > 0 && step <= tolerances.step() * (1 + xNorm)) {
            return Verdict.converged(Solution.STEP, "step " + fmt(step) + " below the step tolerance" + above);
        }
        double change = Math.abs(previousValue - s.value());
        if (tolerances.valueChange() > 0 && change <= tolerances.valueChange() * Math.max(1, Math.abs(s.value()))) {
            return Verdict.converged(Solution.VALUE_CHANGE, "value change " + fmt(change) + " below the value-change tolerance" + above);
        }
        return null;
    }

    private void record(Trace trace, int k, IterationState s, Counts counts, long t0) {
        if (recordTrace) {
            trace.add(s.value(), s.optimality(), s.stepNorm(), counts.total(), (System.nanoTime() - t0) * 1e-9);
        }
        for (IterationListener l : listeners) {
            l.onIteration(k, s, counts);
        }
    }

    private static boolean finite(IterationState s) {
        return Double.isFinite(s.value()) && Double.isFinite(s.optimality()) && Vectors.allFinite(s.x());
    }

    private <P extends Problem<P>, S extends IterationState> Solution finish(Solver<P, S> solver, Verdict end, boolean certified,
            double[] x, S state, int iterations, Counts counts, long t0, Trace trace) {
        return finishAt(solver, end, certified, x, state.value(), state.optimality(), state, iterations, counts, t0, trace);
    }

    private <P extends Problem<P>, S extends IterationState> Solution finishAt(Solver<P, S> solver, Verdict end, boolean certified,
            double[] x, double value, double optimality, S state, int iterations, Counts counts, long t0, Trace trace) {
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Map<String, Object> details = state.details();
        Solution s = new Solution(solver.name(), end.status(), end.message(), x, value, optimality, iterations,
                new Evaluations(counts.snapshot()), seconds, trace, ConvergenceRate.estimate(trace.optimality()),
                details == null ? Map.of() : Map.copyOf(details), end.criterion(), certified);
        return withWarnings(s, state.warnings());
    }

    /** {@code s} with {@code warnings} appended to its message and listed under {@code details().get("warnings")}. */
    private static Solution withWarnings(Solution s, List<String> warnings) {
        if (warnings.isEmpty()) {
            return s;
        }
        List<String> all = new ArrayList<>();
        if (s.details().get("warnings") instanceof List<?> earlier) {
            earlier.forEach(w -> all.add(String.valueOf(w)));
        }
        all.addAll(warnings);
        Map<String, Object> details = new java.util.LinkedHashMap<>(s.details());
        details.put("warnings", List.copyOf(all));
        return new Solution(s.solver(), s.status(), s.message() + "; warning: " + String.join("; ", warnings), s.x(), s.value(),
                s.optimality(), s.iterations(), s.evaluations(), s.seconds(), s.trace(), s.rate(), Map.copyOf(details),
                s.criterion(), s.certified());
    }

    static String fmt(double v) {
        return String.format("%.3g", v);
    }

    /** Configures a {@link Driver}. */
    public static final class Builder {
        private Tolerances tolerances = Tolerances.DEFAULT;
        private int maxIterations = 10_000;
        private long maxEvaluations = Long.MAX_VALUE;
        private Duration timeLimit;
        private int stallIterations = 200;
        private boolean recordTrace = true;
        private final List<IterationListener> listeners = new ArrayList<>();
        private BooleanSupplier cancelled = () -> false;

        private Builder() {
        }

        public Builder tolerances(Tolerances t) {
            this.tolerances = t;
            return this;
        }

        /** Shorthand for an absolute tolerance on the optimality measure. */
        public Builder tolerance(double absolute) {
            this.tolerances = tolerances.withAbsolute(absolute);
            return this;
        }

        public Builder maxIterations(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxIterations must be ≥ 0, got " + n);
            }
            this.maxIterations = n;
            return this;
        }

        /** Limit on all evaluations together (values, gradients, Hessians, maps, ...). */
        public Builder maxEvaluations(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maxEvaluations must be > 0, got " + n);
            }
            this.maxEvaluations = n;
            return this;
        }

        public Builder timeLimit(Duration d) {
            this.timeLimit = d;
            return this;
        }

        /** Stop as STALLED when neither value nor optimality improves for this many iterations. */
        public Builder stallIterations(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("stallIterations must be > 0, got " + n);
            }
            this.stallIterations = n;
            return this;
        }

        public Builder recordTrace(boolean on) {
            this.recordTrace = on;
            return this;
        }

        public Builder listener(IterationListener l) {
            this.listeners.add(l);
            return this;
        }

        public Builder cancelWhen(BooleanSupplier c) {
            this.cancelled = c;
            return this;
        }

        public Driver build() {
            return new Driver(this);
        }
    }
}
