package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * Adan, adaptive Nesterov momentum (Xie et al., <i>Adan: Adaptive Nesterov Momentum Algorithm for
 * Faster Optimizing Deep Models</i>, 2022, Algorithm 1), with the paper's β's (β₁ = 0.02, β₂ = 0.08,
 * β₃ = 0.01, the weight of the newest term) and, as in the authors' code, moments started at zero with
 * bias correction and g₀ = g₁:
 * <pre>
 *   d_k = g_k − g_{k−1}
 *   m_k = (1 − β₁) m_{k−1} + β₁ g_k
 *   v_k = (1 − β₂) v_{k−1} + β₂ d_k
 *   n_k = (1 − β₃) n_{k−1} + β₃ (g_k + (1 − β₂) d_k)²
 *   u_k = (m̂_k + (1 − β₂) v̂_k) / (√n̂_k + ε),   x̂ = x / (1 − (1 − β)ᵏ)
 * </pre>
 * The paper's proximal weight decay θ_{k+1} = (θ_k − η u_k)/(1 + λη) is
 * {@link #proximalWeightDecay}, chained after {@code scaleByLearningRate}.
 */
public record Adan(double beta1, double beta2, double beta3, double eps) implements GradientTransformation {

    public Adan {
        Hyper.positive("beta1", beta1);
        Hyper.positive("beta2", beta2);
        Hyper.positive("beta3", beta3);
        Hyper.positive("eps", eps);
        if (beta1 > 1 || beta2 > 1 || beta3 > 1) {
            throw new IllegalArgumentException("Adan's betas weigh the newest term and must lie in (0, 1], got " + beta1 + ", " + beta2 + ", " + beta3);
        }
    }

    public Adan() {
        this(0.02, 0.08, 0.01, 1e-8);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new Buffers(layout, 4);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        Buffers b = (Buffers) state;
        long k = ++b.count;
        double bc1 = 1 - Math.pow(1 - beta1, k);
        double bc2 = 1 - Math.pow(1 - beta2, k);
        double sqrtBc3 = Math.sqrt(1 - Math.pow(1 - beta3, k));
        double[] m = b.buffer[0];
        double[] v = b.buffer[1];
        double[] n2 = b.buffer[2];
        double[] previous = b.buffer[3];
        double[] g = b.view.of(u, 0);
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            double d = k == 1 ? 0 : gi - previous[i];
            double mi = (1 - beta1) * m[i] + beta1 * gi;
            double vi = (1 - beta2) * v[i] + beta2 * d;
            double c = gi + (1 - beta2) * d;
            double ni = (1 - beta3) * n2[i] + beta3 * c * c;
            m[i] = mi;
            v[i] = vi;
            n2[i] = ni;
            previous[i] = gi;
            g[i] = (mi / bc1 + (1 - beta2) * (vi / bc2)) / (Math.sqrt(ni) / sqrtBc3 + eps);
        }
        b.view.back(g, u);
    }

    /**
     * Adan's proximal weight decay, after {@code scaleByLearningRate(η)}: the step −η·u becomes
     * (−η·u − λη·θ)/(1 + λη), so that θ + update = (θ − η·u)/(1 + λη).
     */
    public static GradientTransformation proximalWeightDecay(Schedule learningRate, double lambda) {
        Hyper.nonNegative("weight decay", lambda);
        return new ProximalDecay(learningRate, lambda);
    }

    private record ProximalDecay(Schedule learningRate, double lambda) implements GradientTransformation {
        @Override
        public State init(ParameterLayout layout, double[] params) {
            return new Transforms.Counter(layout);
        }

        @Override
        public void update(double[] u, State state, double[] params, StepOracle oracle) {
            Transforms.Counter c = (Transforms.Counter) state;
            double eta = learningRate.at(c.count++);
            double shrink = 1 / (1 + lambda * eta);
            ParameterLayout l = c.layout;
            for (int s = 0; s < l.segmentCount(); s++) {
                int from = l.segmentStart(s);
                int to = from + l.segmentLength(s);
                for (int i = from; i < to; i++) {
                    u[i] = (u[i] - lambda * eta * params[i]) * shrink;
                }
            }
        }
    }
}
