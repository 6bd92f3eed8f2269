package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.train.GradientTransformation.State;
import io.fixpoint.problem.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The small transformations optimisers are chained from, after Optax's {@code combine}, {@code
 * transforms} and {@code wrappers}: composition ({@link #chain}, {@link #partition}, {@link #masked}),
 * clipping, weight decay, learning-rate scaling, momentum, skipping non-finite updates and gradient
 * accumulation. Every one works in place on the tensors it owns and allocates only in {@code init}.
 */
public final class Transforms {
    private Transforms() {
    }

    /** Applies the transformations in order, each to the output of the one before (Optax {@code chain}). */
    public static GradientTransformation chain(GradientTransformation... parts) {
        return new Chain(List.of(parts));
    }

    /**
     * Gives each tensor to the transformation its label names (Optax {@code partition}); e.g. Muon for
     * hidden matrices and AdamW for the rest. Every tensor must get a label that {@code transforms} has.
     */
    public static GradientTransformation partition(Function<Tensor, String> label, Map<String, GradientTransformation> transforms) {
        return new Partition(label, new LinkedHashMap<>(transforms));
    }

    /** Applies {@code inner} to the tensors {@code mask} selects and leaves the others' updates as they are (Optax {@code masked}). */
    public static GradientTransformation masked(Predicate<Tensor> mask, GradientTransformation inner) {
        return new Masked(mask, inner);
    }

    /** A transformation around one inner transformation, delegating what it does not change. */
    interface Wrapper extends GradientTransformation {
        GradientTransformation inner();

        /** The inner transformation's state within this one's. */
        State innerState(State s);

        @Override
        default boolean hasEvaluationPoint() {
            return inner().hasEvaluationPoint();
        }

        @Override
        default void evaluationPoint(State state, double[] params, double[] out) {
            inner().evaluationPoint(innerState(state), params, out);
        }

        @Override
        default boolean needsHessianVector() {
            return inner().needsHessianVector();
        }

        @Override
        default boolean needsSampledGradient() {
            return inner().needsSampledGradient();
        }
    }

    /** The mask weight decay uses by default: every tensor but biases. */
    public static Predicate<Tensor> notBias() {
        return t -> t.role() != Tensor.Role.BIAS;
    }

    /** Scales the updates by max/‖u‖ when their global norm ‖u‖ over the owned tensors exceeds {@code max} (Optax {@code clip_by_global_norm}). */
    public static GradientTransformation clipByGlobalNorm(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("clipping norm must be finite and > 0, got " + max);
        }
        return new ClipByGlobalNorm(max);
    }

    /** u ← u + λ_c·w on the tensors {@code mask} selects: decoupled weight decay when it comes after the preconditioner, L2 regularisation when before. */
    public static GradientTransformation addDecayedWeights(Schedule decay, Predicate<Tensor> mask) {
        return masked(mask, new AddDecayedWeights(Objects.requireNonNull(decay, "decay")));
    }

    /** u ← −η_c·u: the last link of an optimiser, turning a direction into a descent step. */
    public static GradientTransformation scaleByLearningRate(Schedule learningRate) {
        return new ScaleByLearningRate(Objects.requireNonNull(learningRate, "learningRate"));
    }

    /** u ← s·u. */
    public static GradientTransformation scale(double s) {
        return new ScaleByLearningRate(c -> -s);
    }

    /**
     * Heavy-ball momentum (Polyak 1964) as PyTorch's SGD keeps it: t ← u + μt, then u ← t, or with
     * Nesterov's correction (Sutskever et al. 2013) u ← u + μt. The first step has t = u.
     */
    public static GradientTransformation trace(double momentum, boolean nesterov) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        return new Trace(momentum, nesterov);
    }

    /**
     * Skips steps whose incoming vector is not finite (Optax {@code apply_if_finite}): the update is
     * zero and {@code inner}'s state is left untouched. After {@code maxConsecutive} skips in a row the
     * update goes through anyway, so a run that cannot recover ends in the driver's NON_FINITE. The
     * test is on the incoming vector (Optax tests the outgoing one and restores the old state; here
     * states are updated in place, so the check comes first).
     */
    public static GradientTransformation applyIfFinite(GradientTransformation inner, int maxConsecutive) {
        if (maxConsecutive < 1) {
            throw new IllegalArgumentException("maxConsecutive must be ≥ 1, got " + maxConsecutive);
        }
        return new ApplyIfFinite(inner, maxConsecutive);
    }

    /**
     * Gradient accumulation (Optax {@code MultiSteps}): averages the incoming vectors of k steps and
     * hands the mean to {@code inner} on every k-th step; the other steps produce a zero update. The
     * inner state advances once per k steps.
     */
    public static GradientTransformation multiSteps(GradientTransformation inner, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("accumulation steps must be ≥ 1, got " + k);
        }
        return new MultiSteps(inner, k);
    }

    // ------------------------------------------------------------------------------------------

    private record Chain(List<GradientTransformation> parts) implements GradientTransformation {
        Chain {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a chain needs at least one transformation");
            }
            if (parts.stream().filter(GradientTransformation::hasEvaluationPoint).count() > 1) {
                throw new IllegalArgumentException("a chain can hold at most one transformation with an evaluation point");
            }
        }

        @Override
        public State init(ParameterLayout layout, double[] params) {
            State[] states = new State[parts.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = parts.get(i).init(layout, params);
            }
            return new States(states);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            State[] s = ((States) state).states;
            for (int i = 0; i < s.length; i++) {
                GradientTransformation part = parts.get(i);
                if (part instanceof ScaledOutput fusable && i + 1 < s.length && parts.get(i + 1) instanceof ScaleByLearningRate next) {
                    Counter c = (Counter) s[i + 1];
                    fusable.update(u, s[i], params, oracle, -next.learningRate().at(c.count++));
                    i++;
                } else {
                    part.update(u, s[i], params, oracle);
                }
            }
        }

        @Override
        public boolean hasEvaluationPoint() {
            return parts.stream().anyMatch(GradientTransformation::hasEvaluationPoint);
        }

        @Override
        public void evaluationPoint(State state, double[] params, double[] out) {
            State[] s = ((States) state).states;
            for (int i = 0; i < s.length; i++) {
                if (parts.get(i).hasEvaluationPoint()) {
                    parts.get(i).evaluationPoint(s[i], params, out);
                }
            }
        }

        @Override
        public boolean needsHessianVector() {
            return parts.stream().anyMatch(GradientTransformation::needsHessianVector);
        }

        @Override
        public boolean needsSampledGradient() {
            return parts.stream().anyMatch(GradientTransformation::needsSampledGradient);
        }
    }

    /** The states of a chain, one per part. */
    private record States(State[] states) implements GradientTransformation.State {
        @Override
        public double doublesPerParameter() {
            double d = 0;
            for (State s : states) {
                d += s.doublesPerParameter();
            }
            return d;
        }
    }

    private record Partition(Function<Tensor, String> label, Map<String, GradientTransformation> transforms)
            implements GradientTransformation {
        Partition {
            if (transforms.isEmpty()) {
                throw new IllegalArgumentException("a partition needs at least one transformation");
            }
        }

        @Override
        public State init(ParameterLayout layout, double[] params) {
            for (Tensor t : layout.tensors()) {
                String l = label.apply(t);
                if (!transforms.containsKey(l)) {
                    throw new IllegalArgumentException("tensor " + t.name() + " has label '" + l + "', which the partition lacks (labels: "
                            + String.join(", ", transforms.keySet()) + ")");
                }
            }
            List<String> labels = new ArrayList<>(transforms.keySet());
            State[] states = new State[labels.size()];
            ParameterLayout[] layouts = new ParameterLayout[labels.size()];
            for (int i = 0; i < states.length; i++) {
                String l = labels.get(i);
                layouts[i] = layout.select(t -> label.apply(t).equals(l));
                states[i] = layouts[i].count() == 0 ? null : transforms.get(l).init(layouts[i], params);
            }
            return new PartitionState(labels.stream().map(transforms::get).toArray(GradientTransformation[]::new), states, layouts);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            PartitionState p = (PartitionState) state;
            for (int i = 0; i < p.states.length; i++) {
                if (p.states[i] != null) {
                    p.parts[i].update(u, p.states[i], params, oracle);
                }
            }
        }

        @Override
        public boolean hasEvaluationPoint() {
            return transforms.values().stream().anyMatch(GradientTransformation::hasEvaluationPoint);
        }

        @Override
        public void evaluationPoint(State state, double[] params, double[] out) {
            PartitionState p = (PartitionState) state;
            for (int i = 0; i < p.states.length; i++) {
                if (p.states[i] == null) {
                    continue;
                }
                if (p.parts[i].hasEvaluationPoint()) {
                    p.parts[i].evaluationPoint(p.states[i], params, out);
                } else {
                    copyOwned(p.layouts[i], params, out);
                }
            }
        }

        @Override
        public boolean needsHessianVector() {
            return transforms.values().stream().anyMatch(GradientTransformation::needsHessianVector);
        }

        @Override
        public boolean needsSampledGradient() {
            return transforms.values().stream().anyMatch(GradientTransformation::needsSampledGradient);
        }
    }

    private record PartitionState(GradientTransformation[] parts, State[] states, ParameterLayout[] layouts)
            implements GradientTransformation.State {
        @Override
        public double doublesPerParameter() {
            double total = 0;
            int size = 0;
            for (int i = 0; i < states.length; i++) {
                if (states[i] != null) {
                    total += states[i].doublesPerParameter() * layouts[i].size();
                    size += layouts[i].size();
                }
            }
            return size == 0 ? 0 : total / size;
        }
    }

    /** Copies the owned tensors of {@code from} into {@code to}. */
    static void copyOwned(ParameterLayout layout, double[] from, double[] to) {
        for (int s = 0; s < layout.segmentCount(); s++) {
            System.arraycopy(from, layout.segmentStart(s), to, layout.segmentStart(s), layout.segmentLength(s));
        }
    }

    private record Masked(Predicate<Tensor> mask, GradientTransformation inner) implements Wrapper {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            ParameterLayout chosen = layout.select(mask);
            return new MaskedState(chosen.count() == 0 ? null : inner.init(chosen, params), layout, chosen);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            MaskedState m = (MaskedState) state;
            if (m.inner != null) {
                inner.update(u, m.inner, params, oracle);
            }
        }

        @Override
        public void evaluationPoint(State state, double[] params, double[] out) {
            MaskedState m = (MaskedState) state;
            copyOwned(m.all, params, out);
            if (m.inner != null) {
                inner.evaluationPoint(m.inner, params, out);
            }
        }

        @Override
        public State innerState(State s) {
            return ((MaskedState) s).inner;
        }
    }

    private record MaskedState(State inner, ParameterLayout all, ParameterLayout chosen) implements GradientTransformation.State {
        @Override
        public double doublesPerParameter() {
            return inner == null ? 0 : inner.doublesPerParameter() * chosen.size() / all.size();
        }
    }

    /** A state holding only the layout and an update count. */
    static final class Counter implements GradientTransformation.State {
        final ParameterLayout layout;
        long count;

        Counter(ParameterLayout layout) {
            this.layout = layout;
        }
    }

    private record ClipByGlobalNorm(double max) implements GradientTransformation {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new Counter(layout);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            ParameterLayout l = ((Counter) state).layout;
            double norm = Math.sqrt(Elementwise.sumOfSquares(l, u));
            if (norm > max) {
                Elementwise.scale(l, max / norm, u);
            }
        }
    }

    private record AddDecayedWeights(Schedule decay) implements GradientTransformation {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new Counter(layout);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            Counter c = (Counter) state;
            double lambda = decay.at(c.count++);
            if (lambda != 0) {
                Elementwise.axpy(c.layout, lambda, params, u);
            }
        }
    }

    private record ScaleByLearningRate(Schedule learningRate) implements GradientTransformation {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new Counter(layout);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            Counter c = (Counter) state;
            Elementwise.scale(c.layout, -learningRate.at(c.count++), u);
        }
    }

    private record Trace(double momentum, boolean nesterov) implements ScaledOutput {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new Buffers(layout, 1);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle, double scale) {
            Buffers b = (Buffers) state;
            double[] t = b.buffer[0];
            boolean first = b.count++ == 0;
            double[] g = b.view.of(u, 0);
            for (int i = 0; i < t.length; i++) {
                double gi = g[i];
                double ti = first ? gi : gi + momentum * t[i];
                t[i] = ti;
                g[i] = scale * (nesterov ? gi + momentum * ti : ti);
            }
            b.view.back(g, u);
        }
    }

    private record ApplyIfFinite(GradientTransformation inner, int maxConsecutive) implements Wrapper {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new SkipState(layout, inner.init(layout, params));
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            SkipState s = (SkipState) state;
            if (!Elementwise.allFinite(s.layout, u) && s.consecutive < maxConsecutive) {
                s.consecutive++;
                s.skipped++;
                Elementwise.fill(s.layout, 0, u);
                return;
            }
            s.consecutive = 0;
            inner.update(u, s.inner, params, oracle);
        }

        @Override
        public State innerState(State s) {
            return ((SkipState) s).inner;
        }
    }

    /** The state of {@link #applyIfFinite}: the inner state and the skips so far. */
    static final class SkipState implements GradientTransformation.State {
        final ParameterLayout layout;
        final State inner;
        int consecutive;
        long skipped;

        SkipState(ParameterLayout layout, State inner) {
            this.layout = layout;
            this.inner = inner;
        }

        @Override
        public double doublesPerParameter() {
            return inner.doublesPerParameter();
        }
    }

    private record MultiSteps(GradientTransformation inner, int k) implements Wrapper {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new AccumulationState(layout, inner.init(layout, params));
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            AccumulationState a = (AccumulationState) state;
            ParameterLayout l = a.layout;
            double[] acc = a.sum;
            boolean last = ++a.pending == k;
            double w = last ? 1.0 / k : 1;
            for (int s = 0; s < l.segmentCount(); s++) {
                int g0 = l.segmentStart(s);
                int l0 = l.segmentLocal(s);
                int n = l.segmentLength(s);
                for (int i = 0; i < n; i++) {
                    double total = acc[l0 + i] + u[g0 + i];
                    if (last) {
                        u[g0 + i] = total * w;
                        acc[l0 + i] = 0;
                    } else {
                        acc[l0 + i] = total;
                        u[g0 + i] = 0;
                    }
                }
            }
            if (last) {
                a.pending = 0;
                inner.update(u, a.inner, params, oracle);
            }
        }

        @Override
        public State innerState(State s) {
            return ((AccumulationState) s).inner;
        }
    }

    /** The state of {@link #multiSteps}: the running sum and the inner state. */
    static final class AccumulationState implements GradientTransformation.State {
        final ParameterLayout layout;
        final State inner;
        final double[] sum;
        int pending;

        AccumulationState(ParameterLayout layout, State inner) {
            this.layout = layout;
            this.inner = inner;
            this.sum = new double[layout.size()];
        }

        @Override
        public double doublesPerParameter() {
            return 1 + inner.doublesPerParameter();
        }
    }
}
