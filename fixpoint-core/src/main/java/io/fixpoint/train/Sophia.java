package io.fixpoint.train;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.ParameterLayout;

/**
 * Sophia, second-order clipped stochastic optimisation (Liu, Li, Hall, Liang and Ma, <i>Sophia: A
 * Scalable Stochastic Second-order Optimizer for Language Model Pre-training</i>, ICLR 2024,
 * Algorithm 3):
 * <pre>
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t
 *   if t mod k = 1:  h_t = β₂ h_{t−k} + (1 − β₂) ĥ_t   else h_t = h_{t−1}
 *   u_t = clip(m_t / max(γ·h_t, ε), 1)                     (clip to [−1, 1] element-wise)
 * </pre>
 * with the diagonal-Hessian estimate ĥ from Hutchinson's estimator u⊙(∇²L·u) (Algorithm 1; the probe
 * u has Rademacher entries, which satisfy E[uuᵀ] = I as the paper's Gaussian does) — Sophia-H — or
 * the Gauss–Newton–Bartlett estimator B·ĝ⊙ĝ, ĝ the minibatch gradient at labels sampled from the
 * model (Algorithm 2) — Sophia-G. The estimate is taken at the current parameters on the step's
 * minibatch. Probe entries and sampled labels come from {@link CounterRandom} with a seed derived from
 * {@code seed} and t. Decoupled weight decay θ ← θ − ηλθ is a chained {@code addDecayedWeights}.
 */
public record Sophia(Estimator estimator, double beta1, double beta2, double gamma, double eps, int interval, long seed)
        implements GradientTransformation {

    /** How the Hessian diagonal is estimated. */
    public enum Estimator {
        /** Hutchinson: u ⊙ (∇²L u), one Hessian–vector product (Sophia-H). */
        HUTCHINSON,
        /** Gauss–Newton–Bartlett: B·ĝ⊙ĝ at sampled labels, one extra gradient (Sophia-G). */
        GAUSS_NEWTON_BARTLETT
    }

    public Sophia {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("gamma", gamma);
        Hyper.positive("eps", eps);
        Hyper.atLeastOne("interval", interval);
    }

    /** The defaults: β₁ 0.96, β₂ 0.99, ε 10⁻¹², k 10; γ 0.01 for Hutchinson and 0.05 for GNB. */
    public Sophia(Estimator estimator, long seed) {
        this(estimator, 0.96, 0.99, estimator == Estimator.HUTCHINSON ? 0.01 : 0.05, 1e-12, 10, seed);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new SophiaState(layout);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        SophiaState st = (SophiaState) state;
        long t = ++st.count;
        ParameterLayout l = st.layout;
        if ((t - 1) % interval == 0) {
            estimate(st, params, oracle, CounterRandom.derive(seed, t));
        }
        double[] m = st.m;
        double[] h = st.h;
        for (int s = 0; s < l.segmentCount(); s++) {
            int g0 = l.segmentStart(s);
            int l0 = l.segmentLocal(s);
            int n = l.segmentLength(s);
            for (int i = 0; i < n; i++) {
                double mi = beta1 * m[l0 + i] + (1 - beta1) * u[g0 + i];
                m[l0 + i] = mi;
                double ratio = mi / Math.max(gamma * h[l0 + i], eps);
                u[g0 + i] = Math.max(-1, Math.min(1, ratio));
            }
        }
    }

    /** h ← β₂h + (1 − β₂)ĥ over the owned elements. */
    private void estimate(SophiaState st, double[] params, StepOracle oracle, long probeSeed) {
        ParameterLayout l = st.layout;
        double[] a = st.work;
        double[] b = st.product;
        if (estimator == Estimator.HUTCHINSON) {
            Hutchinson.sample(l, params, oracle, probeSeed, a, b);
        } else {
            oracle.sampledGradient(params, probeSeed, b);
        }
        double batch = estimator == Estimator.HUTCHINSON ? 0 : oracle.batchSize();
        for (int s = 0; s < l.segmentCount(); s++) {
            int g0 = l.segmentStart(s);
            int l0 = l.segmentLocal(s);
            int n = l.segmentLength(s);
            for (int i = 0; i < n; i++) {
                double hat = estimator == Estimator.HUTCHINSON ? a[g0 + i] * b[g0 + i] : batch * b[g0 + i] * b[g0 + i];
                st.h[l0 + i] = beta2 * st.h[l0 + i] + (1 - beta2) * hat;
            }
        }
    }

    @Override
    public boolean needsHessianVector() {
        return estimator == Estimator.HUTCHINSON;
    }

    @Override
    public boolean needsSampledGradient() {
        return estimator == Estimator.GAUSS_NEWTON_BARTLETT;
    }

    /** Momentum and Hessian-diagonal EMA over the owned elements; full-length probe and product vectors. */
    static final class SophiaState implements GradientTransformation.State {
        final ParameterLayout layout;
        final double[] m;
        final double[] h;
        final double[] work;
        final double[] product;
        long count;

        SophiaState(ParameterLayout layout) {
            this.layout = layout;
            m = new double[layout.size()];
            h = new double[layout.size()];
            work = new double[layout.dimension()];
            product = new double[layout.dimension()];
        }

        @Override
        public double doublesPerParameter() {
            return 2;
        }
    }
}
