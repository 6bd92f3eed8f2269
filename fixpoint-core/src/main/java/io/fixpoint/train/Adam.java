package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * Adam's scaling (Kingma and Ba, <i>Adam: A Method for Stochastic Optimization</i>, ICLR 2015,
 * Algorithm 1), Optax's {@code scale_by_adam}:
 * <pre>
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t
 *   v_t = β₂ v_{t−1} + (1 − β₂) g_t²
 *   u_t = (m_t / (1 − β₁ᵗ)) / (√v_t / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Chained with {@code scaleByLearningRate} it is Adam; with decoupled weight decay between the two it
 * is AdamW (Loshchilov and Hutter, <i>Decoupled Weight Decay Regularization</i>, ICLR 2019):
 * u ← −η(u + λw).
 */
public record Adam(double beta1, double beta2, double eps) implements ScaledOutput {

    public Adam {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("eps", eps);
    }

    public Adam() {
        this(0.9, 0.999, 1e-8);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new Buffers(layout, 2);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle, double scale) {
        Buffers b = (Buffers) state;
        long t = ++b.count;
        // one division per element: the bias corrections as reciprocals
        double inverseBc1 = 1 / (1 - Math.pow(beta1, t));
        double inverseSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(beta2, t));
        double[] m = b.buffer[0];
        double[] v = b.buffer[1];
        double[] g = b.view.of(u, 0);
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            g[i] = scale * (mi * inverseBc1 / (Math.sqrt(vi) * inverseSqrtBc2 + eps));
        }
        b.view.back(g, u);
    }
}
