package io.fixpoint.train;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * Stochastic training as a solver: one step is one minibatch update w ← w + u, u the optimiser's
 * transformation of ∇f_B(w). Minibatches come from {@link ShuffledBatches} (epochs of a seeded
 * permutation). The state holds the gradient of the <em>next</em> batch at the current parameters,
 * so {@link State#value()} is a minibatch loss at the current parameters and a loss that turns
 * non-finite is seen the moment it appears (the driver then returns the last finite parameters).
 *
 * <p>There is no optimality certificate: {@link State#optimality()} is the norm of a minibatch
 * gradient, an estimate that a run's stopping rule must not mistake for ‖∇f‖ — run with a zero
 * tolerance and a budget of steps, epochs or time ({@link Training} does). Should a minibatch gradient
 * vanish exactly, {@link #confirm} recomputes the full gradient and keeps CONVERGED only if it vanishes
 * too. Its trace is what the refined schedule is built from.
 *
 * @param name      the optimiser's name, for reports
 * @param optimizer the update rule
 * @param batchSize B
 * @param seed      seed of the minibatch order
 */
public record MinibatchSolver(String name, GradientTransformation optimizer, int batchSize, long seed)
        implements Solver<FiniteSum, MinibatchSolver.State> {

    public MinibatchSolver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(optimizer, "optimizer");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
    }

    @Override
    public State init(FiniteSum problem, double[] w0) {
        if (optimizer.needsHessianVector() && !problem.hasHessianVector()) {
            throw new IllegalArgumentException(name + " needs Hessian-vector products, which this problem does not provide");
        }
        if (optimizer.needsSampledGradient() && !problem.hasSampledGradient()) {
            throw new IllegalArgumentException(name + " needs gradients at labels sampled from the model, which this problem does not provide");
        }
        if (problem.layout().dimension() != problem.dimension()) {
            throw new IllegalArgumentException("the parameter layout covers " + problem.layout().dimension() + " entries but the problem has dimension "
                    + problem.dimension());
        }
        if (batchSize > problem.size()) {
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + problem.size() + " examples");
        }
        State s = new State(this, problem, w0);
        s.draw(problem);
        return s;
    }

    @Override
    public State step(FiniteSum problem, State s) {
        s.oracle.problem = problem;
        optimizer.update(s.g, s.optimizerState, s.w, s.oracle);
        s.stepNorm = apply(s.g, s.w);
        s.steps++;
        s.draw(problem);
        return s;
    }

    /** A vanished minibatch gradient is no certificate: CONVERGED stands only if the full gradient at x is zero too (one counted pass). */
    @Override
    public Verdict confirm(FiniteSum problem, State s) {
        double norm = Vectors.norm(fullGradient(problem, s));
        return norm == 0 ? null : new Verdict(Status.STALLED, "a minibatch gradient vanished, but the full gradient norm is " + norm);
    }

    private static double[] fullGradient(FiniteSum problem, State s) {
        problem.valueAndGradient(s.x(), Batch.all(), s.g);
        return s.g;
    }

    /** w ← w + u in one pass that also returns ‖u‖ (one pass over u instead of two). */
    static double apply(double[] u, double[] w) {
        double ss = 0;
        for (int i = 0; i < u.length; i++) {
            double ui = u[i];
            ss += ui * ui;
            w[i] += ui;
        }
        return Math.sqrt(ss);
    }

    /** Parameters, the pending gradient, the optimiser's state and the sampler. */
    public static final class State implements IterationState {
        final double[] w;
        final double[] g;
        final double[] evaluation;
        final GradientTransformation optimizer;
        final GradientTransformation.State optimizerState;
        final ShuffledBatches batches;
        final Batch batch;
        final BatchOracle oracle;
        double loss;
        double gradientNorm;
        double stepNorm = Double.NaN;
        long steps;

        State(MinibatchSolver config, FiniteSum problem, double[] w0) {
            int n = problem.dimension();
            w = w0;
            g = new double[n];
            optimizer = config.optimizer;
            optimizerState = optimizer.init(problem.layout(), w);
            evaluation = optimizer.hasEvaluationPoint() ? w0.clone() : null;
            batches = new ShuffledBatches(problem.size(), config.batchSize, config.seed);
            batch = Batch.withCapacity(config.batchSize);
            oracle = new BatchOracle(batch);
        }

        void draw(FiniteSum problem) {
            batches.next(batch);
            loss = problem.valueAndGradient(w, batch, g);
            gradientNorm = Vectors.norm(g);
            if (evaluation != null) {
                optimizer.evaluationPoint(optimizerState, w, evaluation);
            }
        }

        /** The parameters to use the model at: the current ones, or the optimiser's evaluation point (Schedule-Free's x). */
        @Override
        public double[] x() {
            return evaluation != null ? evaluation : w;
        }

        /** The parameters the next gradient was taken at (Schedule-Free's y; otherwise {@link #x()}). */
        public double[] parameters() {
            return w;
        }

        /** The loss of the next minibatch at {@link #parameters()}. */
        @Override
        public double value() {
            return loss;
        }

        /** The norm of the next minibatch's gradient at {@link #parameters()}: an estimate, not a certificate. */
        @Override
        public double optimality() {
            return gradientNorm;
        }

        @Override
        public double stepNorm() {
            return stepNorm;
        }

        /** Updates applied so far. */
        public long steps() {
            return steps;
        }

        public int stepsPerEpoch() {
            return batches.stepsPerEpoch();
        }

        /** Doubles of optimiser state per parameter. */
        public double stateDoublesPerParameter() {
            return optimizerState.doublesPerParameter();
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("epochs", (double) steps / batches.stepsPerEpoch(), "optimizerStatePerParameter", optimizerState.doublesPerParameter());
        }
    }

    /** Curvature on the current minibatch, through the counted problem. */
    static final class BatchOracle implements StepOracle {
        final Batch batch;
        FiniteSum problem;

        BatchOracle(Batch batch) {
            this.batch = batch;
        }

        @Override
        public int batchSize() {
            return batch.size();
        }

        @Override
        public void hessianVector(double[] w, double[] v, double[] hv) {
            problem.hessianVector(w, batch, v, hv);
        }

        @Override
        public void sampledGradient(double[] w, long seed, double[] g) {
            problem.sampledGradient(w, batch, seed, g);
        }
    }
}
