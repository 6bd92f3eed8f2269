package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * NAdam, Adam with Nesterov momentum and Dozat's momentum schedule (Dozat, <i>Incorporating Nesterov
 * Momentum into Adam</i>, ICLR 2016 workshop; the form of PyTorch's {@code NAdam}):
 * <pre>
 *   μ_t = β₁(1 − ½·0.96^{tψ}),  Π_t = μ₁⋯μ_t
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t,   v_t = β₂ v_{t−1} + (1 − β₂) g_t²
 *   d_t = √(v_t / (1 − β₂ᵗ)) + ε
 *   u_t = ((1 − μ_t)/(1 − Π_t)) g_t/d_t + (μ_{t+1}/(1 − Π_t μ_{t+1})) m_t/d_t
 * </pre>
 * with ψ the momentum decay (4·10⁻³).
 */
public record Nadam(double beta1, double beta2, double eps, double momentumDecay) implements ScaledOutput {

    public Nadam {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("eps", eps);
        Hyper.nonNegative("momentumDecay", momentumDecay);
    }

    public Nadam() {
        this(0.9, 0.999, 1e-8, 4e-3);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new NadamState(layout);
    }

    private double mu(long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle, double scale) {
        NadamState b = (NadamState) state;
        long t = ++b.count;
        double mu = mu(t);
        double muNext = mu(t + 1);
        b.product *= mu;
        double bc2 = 1 - Math.pow(beta2, t);
        double cg = (1 - mu) / (1 - b.product);
        double cm = muNext / (1 - b.product * muNext);
        double[] m = b.m;
        double[] v = b.v;
        double[] g = b.view.of(u, 0);
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double d = Math.sqrt(vi / bc2) + eps;
            g[i] = scale * (cg * (gi / d) + cm * (mi / d));
        }
        b.view.back(g, u);
    }

    /** Adam's two buffers and the running product Π_t of the momentum schedule. */
    static final class NadamState implements GradientTransformation.State {
        final ParameterLayout layout;
        final double[] m;
        final double[] v;
        final OwnedView view;
        long count;
        double product = 1;

        NadamState(ParameterLayout layout) {
            this.layout = layout;
            this.view = new OwnedView(layout, 1);
            this.m = new double[layout.size()];
            this.v = new double[layout.size()];
        }

        @Override
        public double doublesPerParameter() {
            return 2;
        }
    }
}
