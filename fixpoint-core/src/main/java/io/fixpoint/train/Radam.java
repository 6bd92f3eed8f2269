package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * Rectified Adam (Liu et al., <i>On the Variance of the Adaptive Learning Rate and Beyond</i>, ICLR
 * 2020, Algorithm 2): Adam's moments, with the adaptive step used only once the variance of the
 * adaptive learning rate is tractable and then rectified:
 * <pre>
 *   ρ_∞ = 2/(1 − β₂) − 1,   ρ_t = ρ_∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
 *   ρ_t &gt; 5:  r_t = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)),
 *             u_t = r_t · (m_t/(1 − β₁ᵗ)) · √(1 − β₂ᵗ)/(√v_t + ε)
 *   otherwise  u_t = m_t/(1 − β₁ᵗ)   (momentum SGD)
 * </pre>
 */
public record Radam(double beta1, double beta2, double eps) implements ScaledOutput {

    public Radam {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("eps", eps);
    }

    public Radam() {
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
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rho = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
        boolean adaptive = rho > 5;
        double rect = adaptive ? Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)) : 0;
        double sqrtBc2 = Math.sqrt(bc2);
        double[] m = b.buffer[0];
        double[] v = b.buffer[1];
        double[] g = b.view.of(u, 0);
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double mHat = mi / bc1;
            g[i] = scale * (adaptive ? mHat * (sqrtBc2 / (Math.sqrt(vi) + eps)) * rect : mHat);
        }
        b.view.back(g, u);
    }
}
