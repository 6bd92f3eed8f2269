package io.fixpoint.train;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A training run: a {@link MinibatchSolver} under the {@link Driver} its {@link Settings} describe
 * (the catalogue's defaults for training, or those merged with a caller's budget), with budgets in
 * epochs, steps and time, and a record per epoch — the mean minibatch loss over the epoch, and held-out loss and
 * accuracy at the evaluation point (evaluated outside the counted problem, so they cost no counted
 * evaluations). Whatever the settings say, the driver runs with a zero tolerance and stall detection off: a run ends on its budget,
 * NON_FINITE (with the last finite parameters), DIVERGED or CANCELLED; a minibatch gradient that
 * vanishes exactly ends it CONVERGED only if the full gradient vanishes too ({@link MinibatchSolver#confirm}).
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
    private final Settings settings;
    private final List<EpochListener> listeners;
    private final List<IterationListener> iterationListeners;
    private final BooleanSupplier cancelled;

    private Training(Builder b) {
        this.solver = Objects.requireNonNull(b.solver, "solver");
        this.validation = b.validation;
        this.settings = b.settings.withTolerances(Tolerances.of(0)).withoutStallRule();
        this.listeners = List.copyOf(b.listeners);
        this.iterationListeners = List.copyOf(b.iterationListeners);
        this.cancelled = b.cancelled;
    }

    /** A run of {@code solver} under {@code settings} (their iteration budget is the budget of steps, their time limit the run's). */
    public static Builder builder(MinibatchSolver solver, Settings settings) {
        return new Builder(solver, settings);
    }

    /** Steps in one epoch of {@code problem} with this run's batch size. */
    public int stepsPerEpoch(FiniteSum problem) {
        return new ShuffledBatches(problem.size(), solver.batchSize(), 0).stepsPerEpoch();
    }

    /** Trains from {@code w0}. */
    public Result run(FiniteSum problem, double[] w0) {
        int perEpoch = stepsPerEpoch(problem);
        List<Epoch> epochs = new ArrayList<>();
        long t0 = System.nanoTime();
        double[] sum = new double[1];
        IterationListener epochEnds = (k, state, counts) -> {
            if (k > 0 && k % perEpoch == 0) {
                Metrics m = validation == null ? Metrics.NONE : validation.evaluate(state.x());
                Epoch e = new Epoch(k / perEpoch, k, sum[0] / perEpoch, m.loss(), m.accuracy(), (System.nanoTime() - t0) * 1e-9);
                epochs.add(e);
                listeners.forEach(l -> l.onEpoch(e));
                sum[0] = 0;
            }
            sum[0] += state.value();
        };
        List<IterationListener> all = new ArrayList<>(iterationListeners);
        all.add(0, epochEnds);
        Solution s = settings.driver(all, cancelled).solve(solver, problem, w0);
        if (s.status() == Status.MAX_ITERATIONS) {
            s = withMessage(s, String.format(java.util.Locale.ROOT,
                    "trained for the whole budget of %d steps (%.3g epochs); the last minibatch gradient norm was %.3g (an estimate, not a certificate)",
                    s.iterations(), (double) s.iterations() / perEpoch, s.optimality()));
        }
        Metrics last = validation == null || !Vectors.allFinite(s.x()) ? Metrics.NONE : validation.evaluate(s.x());
        return new Result(s, List.copyOf(epochs), last, perEpoch);
    }

    private static Solution withMessage(Solution s, String message) {
        return new Solution(s.solver(), s.status(), message, s.x(), s.value(), s.optimality(), s.iterations(), s.evaluations(), s.seconds(),
                s.trace(), s.rate(), s.details(), s.criterion(), s.certified());
    }

    /** Configures a {@link Training}. */
    public static final class Builder {
        private final MinibatchSolver solver;
        private Validation validation;
        private Settings settings;
        private final List<EpochListener> listeners = new ArrayList<>();
        private final List<IterationListener> iterationListeners = new ArrayList<>();
        private BooleanSupplier cancelled = () -> false;

        private Builder(MinibatchSolver solver, Settings settings) {
            this.solver = solver;
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder validation(Validation v) {
            this.validation = v;
            return this;
        }

        /** Budget in updates (replaces the settings' iteration budget). */
        public Builder steps(long n) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("steps must be in [1, " + Integer.MAX_VALUE + "], got " + n);
            }
            settings = settings.withMaxIterations((int) n);
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
