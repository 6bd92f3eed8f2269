package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * Lion, EvoLved Sign Momentum (Chen et al., <i>Symbolic Discovery of Optimization Algorithms</i>,
 * NeurIPS 2023, Program 1), found by program search; one state buffer:
 * <pre>
 *   u_t = sign(β₁ m_{t−1} + (1 − β₁) g_t)
 *   m_t = β₂ m_{t−1} + (1 − β₂) g_t
 * </pre>
 * with sign(0) = 0. The paper's decoupled weight decay, θ ← θ − η(u + λθ), is a chained
 * {@code addDecayedWeights} before {@code scaleByLearningRate}.
 */
public record Lion(double beta1, double beta2) implements ScaledOutput {

    public Lion {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
    }

    public Lion() {
        this(0.9, 0.99);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new Buffers(layout, 1);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle, double scale) {
        Buffers b = (Buffers) state;
        b.count++;
        double[] m = b.buffer[0];
        double[] g = b.view.of(u, 0);
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            double mi = m[i];
            g[i] = scale * Math.signum(beta1 * mi + (1 - beta1) * gi);
            m[i] = beta2 * mi + (1 - beta2) * gi;
        }
        b.view.back(g, u);
    }
}
