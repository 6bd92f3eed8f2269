package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;
import java.util.Objects;

/**
 * Schedule-Free SGD and AdamW (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky, <i>The Road Less
 * Scheduled</i>, NeurIPS 2024, Algorithm 1). Three sequences: gradients are taken at y, the base step
 * moves z, and x — the point to evaluate the model at — averages the z's:
 * <pre>
 *   y_t = (1 − β₁) z_t + β₁ x_t                 (the parameters the gradient g_t is taken at)
 *   d_t = g_t                                    (SGD)
 *   v_t = β₂ v_{t−1} + (1 − β₂) g_t²,  d_t = g_t / (√v_t + ε),  γ_t ← γ_t √(1 − β₂ᵗ)   (AdamW)
 *   z_{t+1} = z_t − γ_t d_t − γ_t λ y_t
 *   c_{t+1} = γ_t² / Σ_{i≤t} γ_i²
 *   x_{t+1} = (1 − c_{t+1}) x_t + c_{t+1} z_{t+1}
 * </pre>
 * γ_t is the learning-rate schedule (a constant after warm-up; no decay is needed). The update moves
 * the parameters from y_t to y_{t+1}; {@link #evaluationPoint} gives x. x and z are kept explicitly
 * (the paper's memory-saving form recomputes x from y and z). This is a whole optimiser, learning rate
 * and weight decay included; it replaces momentum, so β₁ here is the interpolation weight.
 */
public record ScheduleFree(boolean adam, Schedule learningRate, double beta1, double beta2, double eps, double weightDecay)
        implements GradientTransformation {

    public ScheduleFree {
        Objects.requireNonNull(learningRate, "learningRate");
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("eps", eps);
        Hyper.nonNegative("weightDecay", weightDecay);
    }

    /** Schedule-Free SGD with β₁ = 0.9. */
    public static ScheduleFree sgd(Schedule learningRate, double weightDecay) {
        return new ScheduleFree(false, learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** Schedule-Free AdamW with β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. */
    public static ScheduleFree adamw(Schedule learningRate, double weightDecay) {
        return new ScheduleFree(true, learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        ScheduleFreeState s = new ScheduleFreeState(layout, adam);
        Elementwise.gather(layout, params, s.z);
        Elementwise.gather(layout, params, s.x);
        return s;
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        ScheduleFreeState st = (ScheduleFreeState) state;
        long t = ++st.count;
        double gamma = learningRate.at(t - 1);
        if (adam) {
            gamma *= Math.sqrt(1 - Math.pow(beta2, t));
        }
        st.weightSum += gamma * gamma;
        double c = st.weightSum > 0 ? gamma * gamma / st.weightSum : 0;
        double[] g = st.view.of(u, 0);
        double[] y = st.view.of(params, 1);
        double[] zs = st.z;
        double[] xs = st.x;
        for (int i = 0; i < zs.length; i++) {
            double gi = g[i];
            double d = gi;
            if (adam) {
                double vi = beta2 * st.v[i] + (1 - beta2) * gi * gi;
                st.v[i] = vi;
                d = gi / (Math.sqrt(vi) + eps);
            }
            double z = zs[i] - gamma * d - gamma * weightDecay * y[i];
            double x = (1 - c) * xs[i] + c * z;
            zs[i] = z;
            xs[i] = x;
            g[i] = (1 - beta1) * z + beta1 * x - y[i];
        }
        st.view.back(g, u);
    }

    @Override
    public boolean hasEvaluationPoint() {
        return true;
    }

    @Override
    public void evaluationPoint(State state, double[] params, double[] out) {
        ScheduleFreeState st = (ScheduleFreeState) state;
        ParameterLayout l = st.layout;
        for (int s = 0; s < l.segmentCount(); s++) {
            System.arraycopy(st.x, l.segmentLocal(s), out, l.segmentStart(s), l.segmentLength(s));
        }
    }

    /** z, x and (AdamW) v over the owned elements, and Σγ². */
    static final class ScheduleFreeState implements GradientTransformation.State {
        final ParameterLayout layout;
        final double[] z;
        final double[] x;
        final double[] v;
        final OwnedView view;
        long count;
        double weightSum;

        ScheduleFreeState(ParameterLayout layout, boolean adam) {
            this.layout = layout;
            this.view = new OwnedView(layout, 2);
            z = new double[layout.size()];
            x = new double[layout.size()];
            v = adam ? new double[layout.size()] : null;
        }

        @Override
        public double doublesPerParameter() {
            return v == null ? 2 : 3;
        }
    }
}
