package io.fixpoint.train;

import static io.fixpoint.train.Transforms.addDecayedWeights;
import static io.fixpoint.train.Transforms.chain;
import static io.fixpoint.train.Transforms.notBias;
import static io.fixpoint.train.Transforms.scaleByLearningRate;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The optimisers by name, each a chain of transformations as Optax's {@code alias} builds them, with
 * its default hyperparameters. Weight decay follows each method's paper or reference implementation:
 * added to the gradient (L2) for sgd, adam, nadam and radam, as PyTorch does; decoupled for the
 * others, and there on every tensor but biases.
 */
public final class Optimizers {
    /** Every optimiser, as named on the command line. */
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw", "nadam", "radam", "adan", "lion", "sophia", "sophia-g",
            "adahessian", "schedule-free-sgd", "schedule-free-adamw", "muon", "shampoo", "soap");

    /** What {@link #create} needs beyond the name; {@link #defaults} fills in each optimiser's own. */
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

    private record Entry(double learningRate, double weightDecay, String description) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("sgd", new Entry(0.1, 0, "SGD with heavy-ball momentum 0.9 (--momentum, --nesterov); L2 weight decay"));
        ENTRIES.put("adam", new Entry(1e-3, 0, "Adam (Kingma and Ba 2015); L2 weight decay"));
        ENTRIES.put("adamw", new Entry(1e-3, 0.01, "Adam with decoupled weight decay (Loshchilov and Hutter 2019)"));
        ENTRIES.put("nadam", new Entry(2e-3, 0, "Adam with Nesterov momentum (Dozat 2016)"));
        ENTRIES.put("radam", new Entry(1e-3, 0, "rectified Adam (Liu et al. 2020)"));
        ENTRIES.put("adan", new Entry(1e-3, 0.02, "adaptive Nesterov momentum (Xie et al. 2022)"));
        ENTRIES.put("lion", new Entry(3e-4, 0, "evolved sign momentum, one state buffer (Chen et al. 2023)"));
        ENTRIES.put("sophia", new Entry(1e-3, 0, "clipped diagonal-Hessian preconditioning, Hutchinson estimator (Liu et al. 2024)"));
        ENTRIES.put("sophia-g", new Entry(1e-3, 0, "Sophia with the Gauss-Newton-Bartlett estimator (Liu et al. 2024)"));
        ENTRIES.put("adahessian", new Entry(0.15, 0, "Adam on Hutchinson Hessian-diagonal estimates (Yao et al. 2021)"));
        ENTRIES.put("schedule-free-sgd", new Entry(0.1, 0, "schedule-free SGD, evaluated at the averaged iterate (Defazio et al. 2024)"));
        ENTRIES.put("schedule-free-adamw", new Entry(2.5e-3, 0, "schedule-free AdamW (Defazio et al. 2024)"));
        ENTRIES.put("muon", new Entry(0.02, 0, "Newton-Schulz orthogonalised momentum on hidden matrices, AdamW at lr/20 on the rest (Jordan et al. 2024)"));
        ENTRIES.put("shampoo", new Entry(0.1, 0, "Kronecker-factored preconditioning L^-1/4 G R^-1/4 (Gupta et al. 2018)"));
        ENTRIES.put("soap", new Entry(3e-3, 0.01, "Adam in Shampoo's eigenbasis (Vyas et al. 2025)"));
    }

    /** Muon's AdamW part runs at this fraction of Muon's learning rate (Muon 0.02, AdamW 10⁻³ by default). */
    public static final double MUON_ADAM_FRACTION = 0.05;

    private Optimizers() {
    }

    /** The settings {@code name} uses by default: its learning rate (constant), its weight decay, momentum 0.9 without Nesterov, seed 0. */
    public static Settings defaults(String name) {
        Entry e = entry(name);
        return new Settings(Schedules.constant(e.learningRate), e.weightDecay, 0.9, false, 0);
    }

    public static double defaultLearningRate(String name) {
        return entry(name).learningRate;
    }

    public static double defaultWeightDecay(String name) {
        return entry(name).weightDecay;
    }

    /** One line on what {@code name} is. */
    public static String describe(String name) {
        return entry(name).description;
    }

    /** The optimiser {@code name} with {@code s}. */
    public static GradientTransformation create(String name, Settings s) {
        entry(name);
        Schedule lr = s.learningRate();
        Schedule wd = Schedules.constant(s.weightDecay());
        return switch (name) {
            case "sgd" -> chain(l2(s), Transforms.trace(s.momentum(), s.nesterov()), scaleByLearningRate(lr));
            case "adam" -> chain(l2(s), new Adam(), scaleByLearningRate(lr));
            case "adamw" -> adamw(lr, wd);
            case "nadam" -> chain(l2(s), new Nadam(), scaleByLearningRate(lr));
            case "radam" -> chain(l2(s), new Radam(), scaleByLearningRate(lr));
            case "adan" -> chain(new Adan(), scaleByLearningRate(lr), Transforms.masked(notBias(), Adan.proximalWeightDecay(lr, s.weightDecay())));
            case "lion" -> chain(new Lion(), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
            case "sophia" -> chain(new Sophia(Sophia.Estimator.HUTCHINSON, CounterRandom.derive(s.seed(), 1)), addDecayedWeights(wd, notBias()),
                    scaleByLearningRate(lr));
            case "sophia-g" -> chain(new Sophia(Sophia.Estimator.GAUSS_NEWTON_BARTLETT, CounterRandom.derive(s.seed(), 2)),
                    addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
            case "adahessian" -> chain(new AdaHessian(CounterRandom.derive(s.seed(), 3)), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
            case "schedule-free-sgd" -> decayedScheduleFree(ScheduleFree.sgd(lr, s.weightDecay()), ScheduleFree.sgd(lr, 0));
            case "schedule-free-adamw" -> decayedScheduleFree(ScheduleFree.adamw(lr, s.weightDecay()), ScheduleFree.adamw(lr, 0));
            case "muon" -> Transforms.partition(t -> t.matrix() && t.role() == Tensor.Role.HIDDEN ? "muon" : "adamw", Map.of(
                    "muon", chain(new Muon(), addDecayedWeights(wd, t -> true), scaleByLearningRate(lr)),
                    "adamw", adamw(c -> MUON_ADAM_FRACTION * lr.at(c), wd)));
            case "shampoo" -> chain(new Shampoo(), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
            case "soap" -> chain(new Soap(), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
            default -> throw new IllegalStateException("no recipe for " + name);
        };
    }

    private static GradientTransformation adamw(Schedule lr, Schedule wd) {
        return chain(new Adam(), addDecayedWeights(wd, notBias()), scaleByLearningRate(lr));
    }

    /** L2 regularisation as PyTorch's sgd, adam, nadam and radam apply it: λw added to the gradient of every tensor. */
    private static GradientTransformation l2(Settings s) {
        return addDecayedWeights(Schedules.constant(s.weightDecay()), t -> true);
    }

    private static GradientTransformation decayedScheduleFree(ScheduleFree decayed, ScheduleFree plain) {
        return Transforms.partition(t -> notBias().test(t) ? "decayed" : "plain", Map.of("decayed", decayed, "plain", plain));
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
        return e;
    }
}
