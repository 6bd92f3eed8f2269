package io.fixpoint.train;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A training run: a {@link MinibatchSolver} under the {@link Driver}, with budgets in epochs, steps
 * and time, and a record per epoch — the mean minibatch loss over the epoch, and held-out loss and
 * accuracy at the evaluation point (evaluated outside the counted problem, so they cost no counted
 * evaluations). The driver runs with a zero tolerance and stall detection off: a run ends on its budget,
 * NON_FINITE (with the last finite parameters), DIVERGED or CANCELLED. Should a minibatch gradient
 * vanish exactly, CONVERGED is reported only if the full gradient, recomputed, is zero too.
 */
public final class Training {

    /** Metrics of a model on data it was not trained on. */
    @FunctionalInterface
    public interface Validation {
        /** Loss (without regulariser) and accuracy (NaN when the model has none) at parameters {@code w}. */
        Metrics evaluate(double[] w);
    }

    /** A held-out loss and accuracy. */
    public record Metrics(double loss, double accuracy) {
        public static final Metrics NONE = new Metrics(Double.NaN, Double.NaN);
    }

    /** One finished epoch. {@code seconds} is the wall time since the run began, held-out evaluation included. */
    public record Epoch(int epoch, long steps, double trainLoss, double heldOutLoss, double heldOutAccuracy, double seconds) {
    }

    /** Hears each epoch as it finishes. */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(Epoch e);
    }

    /** The solution and the epochs. */
    public record Result(Solution solution, List<Epoch> epochs, Metrics finalMetrics, int stepsPerEpoch) {
    }

    private final MinibatchSolver solver;
    private final Validation validation;
    private final long maxSteps;
    private final Duration timeLimit;
    private final List<EpochListener> listeners;
    private final List<IterationListener> iterationListeners;
    private final BooleanSupplier cancelled;

    private Training(Builder b) {
        this.solver = Objects.requireNonNull(b.solver, "solver");
        this.validation = b.validation;
        this.maxSteps = b.maxSteps;
        this.timeLimit = b.timeLimit;
        this.listeners = List.copyOf(b.listeners);
        this.iterationListeners = List.copyOf(b.iterationListeners);
        this.cancelled = b.cancelled;
    }

    public static Builder builder(MinibatchSolver solver) {
        return new Builder(solver);
    }

    /** Steps in one epoch of {@code problem} with this run's batch size. */
    public int stepsPerEpoch(FiniteSum problem) {
        return new ShuffledBatches(problem.size(), solver.batchSize(), 0).stepsPerEpoch();
    }

    /** Trains from {@code w0}. */
    public Result run(FiniteSum problem, double[] w0) {
        int perEpoch = stepsPerEpoch(problem);
        long steps = maxSteps;
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a run is limited to " + Integer.MAX_VALUE + " steps, got " + steps);
        }
        List<Epoch> epochs = new ArrayList<>();
        long t0 = System.nanoTime();
        double[] sum = new double[1];
        Driver.Builder d = Driver.builder().tolerances(new Tolerances(0, 0, 0, 0)).maxIterations((int) steps)
                .stallIterations(Integer.MAX_VALUE).cancelWhen(cancelled)
                .listener((k, state, counts) -> {
                    if (k > 0 && k % perEpoch == 0) {
                        Metrics m = validation == null ? Metrics.NONE : validation.evaluate(state.x());
                        Epoch e = new Epoch(k / perEpoch, k, sum[0] / perEpoch, m.loss(), m.accuracy(), (System.nanoTime() - t0) * 1e-9);
                        epochs.add(e);
                        listeners.forEach(l -> l.onEpoch(e));
                        sum[0] = 0;
                    }
                    sum[0] += state.value();
                });
        if (timeLimit != null) {
            d.timeLimit(timeLimit);
        }
        iterationListeners.forEach(d::listener);
        Solution s = d.build().solve(solver, problem, w0);
        if (s.status() == Status.CONVERGED) {
            s = verified(problem, s);
        } else if (s.status() == Status.MAX_ITERATIONS) {
            s = withStatus(s, Status.MAX_ITERATIONS, String.format(java.util.Locale.ROOT,
                    "trained for the whole budget of %d steps (%.3g epochs); the last minibatch gradient norm was %.3g (an estimate, not a certificate)",
                    s.iterations(), (double) s.iterations() / perEpoch, s.optimality()));
        }
        Metrics last = validation == null || !Vectors.allFinite(s.x()) ? Metrics.NONE : validation.evaluate(s.x());
        return new Result(s, List.copyOf(epochs), last, perEpoch);
    }

    /** Keeps CONVERGED only when the full gradient vanishes at the returned point (recomputed, not counted). */
    private static Solution verified(FiniteSum problem, Solution s) {
        double[] g = new double[problem.dimension()];
        problem.valueAndGradient(s.x(), Batch.all(), g);
        double norm = Vectors.norm(g);
        if (norm == 0) {
            return s;
        }
        return withStatus(s, Status.STALLED, "a minibatch gradient vanished, but the full gradient norm is " + norm);
    }

    private static Solution withStatus(Solution s, Status status, String message) {
        return new Solution(s.solver(), status, message, s.x(), s.value(), s.optimality(), s.iterations(), s.evaluations(), s.seconds(),
                s.trace(), s.rate(), s.details());
    }

    /** Configures a {@link Training}. */
    public static final class Builder {
        private final MinibatchSolver solver;
        private Validation validation;
        private long maxSteps = 1000;
        private Duration timeLimit;
        private final List<EpochListener> listeners = new ArrayList<>();
        private final List<IterationListener> iterationListeners = new ArrayList<>();
        private BooleanSupplier cancelled = () -> false;

        private Builder(MinibatchSolver solver) {
            this.solver = solver;
        }

        public Builder validation(Validation v) {
            this.validation = v;
            return this;
        }

        /** Budget in updates. */
        public Builder steps(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("steps must be ≥ 1, got " + n);
            }
            this.maxSteps = n;
            return this;
        }

        /** Budget in epochs of {@code problem}. */
        public Builder epochs(int n, FiniteSum problem) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be ≥ 1, got " + n);
            }
            int per = new ShuffledBatches(problem.size(), solver.batchSize(), 0).stepsPerEpoch();
            return steps((long) n * per);
        }

        public Builder timeLimit(Duration d) {
            this.timeLimit = d;
            return this;
        }

        public Builder onEpoch(EpochListener l) {
            listeners.add(l);
            return this;
        }

        public Builder onIteration(IterationListener l) {
            iterationListeners.add(l);
            return this;
        }

        public Builder cancelWhen(BooleanSupplier c) {
            this.cancelled = c;
            return this;
        }

        public Training build() {
            return new Training(this);
        }
    }
}
