package io.fixpoint.train;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.ParameterLayout;

/**
 * AdaHessian (Yao, Gholami, Shen, Mustafa, Keutzer and Mahoney, <i>ADAHESSIAN: An Adaptive Second
 * Order Optimizer for Machine Learning</i>, AAAI 2021, Algorithm 1): Adam with the squared gradient
 * replaced by the square of Hutchinson's Hessian-diagonal estimate D_t = z ⊙ (∇²L z), z Rademacher,
 * one Hessian–vector product per step on the step's minibatch (dense tensors need no spatial averaging):
 * <pre>
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t
 *   v_t = β₂ v_{t−1} + (1 − β₂) D_t ⊙ D_t
 *   u_t = (m_t/(1 − β₁ᵗ)) / ((√(v_t/(1 − β₂ᵗ)))ᵏ + ε)
 * </pre>
 * with Hessian power k (1 by default). Probe entries come from {@link CounterRandom}, seeded from
 * {@code seed} and t. Decoupled weight decay is a chained {@code addDecayedWeights}.
 */
public record AdaHessian(double beta1, double beta2, double eps, double hessianPower, long seed) implements GradientTransformation {

    public AdaHessian {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.positive("eps", eps);
        if (!(hessianPower > 0 && hessianPower <= 1)) {
            throw new IllegalArgumentException("hessianPower must lie in (0, 1], got " + hessianPower);
        }
    }

    /** The paper's defaults: β₁ 0.9, β₂ 0.999, ε 10⁻⁴, k = 1. */
    public AdaHessian(long seed) {
        this(0.9, 0.999, 1e-4, 1, seed);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new AdaHessianState(layout);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        AdaHessianState st = (AdaHessianState) state;
        long t = ++st.count;
        Hutchinson.sample(st.layout, params, oracle, CounterRandom.derive(seed, t), st.probe, st.product);
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        ParameterLayout l = st.layout;
        for (int s = 0; s < l.segmentCount(); s++) {
            int g0 = l.segmentStart(s);
            int l0 = l.segmentLocal(s);
            int n = l.segmentLength(s);
            for (int i = 0; i < n; i++) {
                double d = st.probe[g0 + i] * st.product[g0 + i];
                double mi = beta1 * st.m[l0 + i] + (1 - beta1) * u[g0 + i];
                double vi = beta2 * st.v[l0 + i] + (1 - beta2) * d * d;
                st.m[l0 + i] = mi;
                st.v[l0 + i] = vi;
                double root = Math.sqrt(vi / bc2);
                u[g0 + i] = (mi / bc1) / ((hessianPower == 1 ? root : Math.pow(root, hessianPower)) + eps);
            }
        }
    }

    @Override
    public boolean needsHessianVector() {
        return true;
    }

    /** Moments over the owned elements; full-length probe and product vectors. */
    static final class AdaHessianState implements GradientTransformation.State {
        final ParameterLayout layout;
        final double[] m;
        final double[] v;
        final double[] probe;
        final double[] product;
        long count;

        AdaHessianState(ParameterLayout layout) {
            this.layout = layout;
            m = new double[layout.size()];
            v = new double[layout.size()];
            probe = new double[layout.dimension()];
            product = new double[layout.dimension()];
        }

        @Override
        public double doublesPerParameter() {
            return 2;
        }
    }
}
