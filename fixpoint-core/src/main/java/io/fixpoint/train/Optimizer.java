package io.fixpoint.train;

import io.fixpoint.solve.SolverContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * One optimiser as the catalogue lists it: its recipe (a chain of transformations, from
 * {@link Optimizers}) and its default hyperparameters. As a factory it builds the
 * {@link MinibatchSolver} with those defaults, reading from the context the parameters
 * {@value #BATCH} (default {@value #DEFAULT_BATCH}) and {@value #SEED} (default 0); callers that set
 * other hyperparameters or a schedule build the chain with {@link #create}.
 *
 * @param name         the name on the command line
 * @param learningRate the default (constant) learning rate
 * @param weightDecay  the default weight decay
 * @param recipe       builds the chain from hyperparameters
 */
public record Optimizer(String name, double learningRate, double weightDecay, Function<Optimizers.Settings, GradientTransformation> recipe)
        implements Function<SolverContext, MinibatchSolver> {

    /** The context parameter holding the minibatch size. */
    public static final String BATCH = "batch";
    /** The context parameter holding the seed of the minibatch order and of the estimators' draws. */
    public static final String SEED = "seed";
    public static final int DEFAULT_BATCH = 32;

    public Optimizer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recipe, "recipe");
        Hyper.positive("learning rate", learningRate);
        Hyper.nonNegative("weight decay", weightDecay);
    }

    /** Its default hyperparameters: the learning rate (constant), the weight decay, momentum 0.9 without Nesterov, seed {@code seed}. */
    public Optimizers.Settings defaults(long seed) {
        return new Optimizers.Settings(Schedules.constant(learningRate), weightDecay, 0.9, false, seed);
    }

    /** The chain with hyperparameters {@code s}. */
    public GradientTransformation create(Optimizers.Settings s) {
        return recipe.apply(s);
    }

    /** The solver with the default hyperparameters, minibatches of {@code batchSize}, seeded by {@code seed}. */
    public MinibatchSolver solver(int batchSize, long seed) {
        return new MinibatchSolver(name, create(defaults(seed)), batchSize, seed);
    }

    /** The solver with the default hyperparameters, batch size and seed from {@code c}. */
    @Override
    public MinibatchSolver apply(SolverContext c) {
        return solver((int) c.parameter(BATCH, DEFAULT_BATCH), (long) c.parameter(SEED, 0));
    }
}
