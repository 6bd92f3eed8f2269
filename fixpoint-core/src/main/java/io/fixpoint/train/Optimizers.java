package io.fixpoint.train;

import static io.fixpoint.train.Transforms.addDecayedWeights;
import static io.fixpoint.train.Transforms.chain;
import static io.fixpoint.train.Transforms.notBias;
import static io.fixpoint.train.Transforms.scaleByLearningRate;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * The optimisers, each a chain of transformations as Optax's {@code alias} builds them from
 * hyperparameters; the catalogue names them and states their defaults. Weight decay follows each
 * method's paper or reference implementation: added to the gradient (L2) for sgd, adam, nadam and
 * radam, as PyTorch does; decoupled for the others, and there on every tensor but biases.
 */
public final class Optimizers {

    /** The hyperparameters a recipe reads. */
    public record Settings(Schedule learningRate, double weightDecay, double momentum, boolean nesterov, long seed) {
        public Settings {
            Objects.requireNonNull(learningRate, "learningRate");
            Hyper.nonNegative("weight decay", weightDecay);
            Hyper.beta("momentum", momentum);
        }

        public Settings withLearningRate(Schedule s) {
            return new Settings(s, weightDecay, momentum, nesterov, seed);
        }
    }

    /** Muon's AdamW part runs at this fraction of Muon's learning rate (Muon 0.02, AdamW 10⁻³ by default). */
    public static final double MUON_ADAM_FRACTION = 0.05;

    private Optimizers() {
    }

    /** SGD with heavy-ball (or Nesterov) momentum; L2 weight decay. */
    public static GradientTransformation sgd(Settings s) {
        return chain(l2(s), Transforms.trace(s.momentum(), s.nesterov()), scaleByLearningRate(s.learningRate()));
    }

    public static GradientTransformation adam(Settings s) {
        return chain(l2(s), new Adam(), scaleByLearningRate(s.learningRate()));
    }

    public static GradientTransformation adamw(Settings s) {
        return adamw(s.learningRate(), decay(s));
    }

    public static GradientTransformation nadam(Settings s) {
        return chain(l2(s), new Nadam(), scaleByLearningRate(s.learningRate()));
    }

    public static GradientTransformation radam(Settings s) {
        return chain(l2(s), new Radam(), scaleByLearningRate(s.learningRate()));
    }

    /** Adan with its proximal (decoupled) weight decay on every tensor but biases. */
    public static GradientTransformation adan(Settings s) {
        Schedule lr = s.learningRate();
        return chain(new Adan(), scaleByLearningRate(lr), Transforms.masked(notBias(), Adan.proximalWeightDecay(lr, s.weightDecay())));
    }

    public static GradientTransformation lion(Settings s) {
        return decoupled(new Lion(), s);
    }

    /** Sophia with the Hutchinson estimator. */
    public static GradientTransformation sophia(Settings s) {
        return decoupled(new Sophia(Sophia.Estimator.HUTCHINSON, CounterRandom.derive(s.seed(), 1)), s);
    }

    /** Sophia with the Gauss–Newton–Bartlett estimator. */
    public static GradientTransformation sophiaG(Settings s) {
        return decoupled(new Sophia(Sophia.Estimator.GAUSS_NEWTON_BARTLETT, CounterRandom.derive(s.seed(), 2)), s);
    }

    public static GradientTransformation adahessian(Settings s) {
        return decoupled(new AdaHessian(CounterRandom.derive(s.seed(), 3)), s);
    }

    public static GradientTransformation scheduleFreeSgd(Settings s) {
        return decayedScheduleFree(ScheduleFree.sgd(s.learningRate(), s.weightDecay()), ScheduleFree.sgd(s.learningRate(), 0));
    }

    public static GradientTransformation scheduleFreeAdamw(Settings s) {
        return decayedScheduleFree(ScheduleFree.adamw(s.learningRate(), s.weightDecay()), ScheduleFree.adamw(s.learningRate(), 0));
    }

    /** Muon on hidden matrices, AdamW at {@link #MUON_ADAM_FRACTION} of the learning rate on the rest. */
    public static GradientTransformation muon(Settings s) {
        Schedule lr = s.learningRate();
        Schedule wd = decay(s);
        return Transforms.partition(t -> t.matrix() && t.role() == Tensor.Role.HIDDEN ? "muon" : "adamw", Map.of(
                "muon", chain(new Muon(), addDecayedWeights(wd, t -> true), scaleByLearningRate(lr)),
                "adamw", adamw(c -> MUON_ADAM_FRACTION * lr.at(c), wd)));
    }

    public static GradientTransformation shampoo(Settings s) {
        return decoupled(new Shampoo(), s);
    }

    public static GradientTransformation soap(Settings s) {
        return decoupled(new Soap(), s);
    }

    private static GradientTransformation adamw(Schedule lr, Schedule wd) {
        return chain(new Adam(), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
    }

    /** {@code scaler}, decoupled weight decay on every tensor but biases, then the learning rate. */
    private static GradientTransformation decoupled(GradientTransformation scaler, Settings s) {
        return chain(scaler, addDecayedWeights(decay(s), notBias()), scaleByLearningRate(s.learningRate()));
    }

    private static Schedule decay(Settings s) {
        return Schedules.constant(s.weightDecay());
    }

    /** L2 regularisation as PyTorch's sgd, adam, nadam and radam apply it: λw added to the gradient of every tensor. */
    private static GradientTransformation l2(Settings s) {
        return addDecayedWeights(decay(s), t -> true);
    }

    private static GradientTransformation decayedScheduleFree(ScheduleFree decayed, ScheduleFree plain) {
        return Transforms.partition(t -> notBias().test(t) ? "decayed" : "plain", Map.of("decayed", decayed, "plain", plain));
    }
}
