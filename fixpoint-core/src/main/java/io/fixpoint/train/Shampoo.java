package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Shampoo (Gupta, Koren and Singer, <i>Shampoo: Preconditioned Stochastic Tensor Optimization</i>,
 * ICML 2018, Algorithm 1) for a gradient G (r×c; a vector is an r×1 matrix):
 * <pre>
 *   L_t = L_{t−1} + G_t G_tᵀ,   R_t = R_{t−1} + G_tᵀ G_t,   L₀ = εI, R₀ = εI
 *   u_t = L_t^{−1/4} G_t R_t^{−1/4}
 * </pre>
 * A side longer than {@code maxDimension} is not preconditioned and the other side's root becomes
 * −1/2, as for an order-one tensor in the paper. The inverse roots come from EJML's symmetric
 * eigendecomposition, recomputed every {@code frequency} steps (and at the first) and reused between,
 * as practical Shampoo implementations do; the paper's textbook form is {@code frequency} = 1.
 */
public record Shampoo(double eps, int frequency, int maxDimension) implements GradientTransformation {

    public Shampoo {
        Hyper.positive("eps", eps);
        Hyper.atLeastOne("frequency", frequency);
        Hyper.atLeastOne("maxDimension", maxDimension);
    }

    /** ε 10⁻⁴, roots every 10 steps, sides up to 1024. */
    public Shampoo() {
        this(1e-4, 10, 1024);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new ShampooState(layout, this);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        ShampooState st = (ShampooState) state;
        long t = ++st.count;
        boolean refresh = (t - 1) % frequency == 0;
        for (int k = 0; k < st.factors.length; k++) {
            Factors f = st.factors[k];
            Tensor tensor = st.layout.tensor(k);
            System.arraycopy(u, tensor.offset(), f.g.data, 0, tensor.size());
            int sides = (f.left != null ? 1 : 0) + (f.right != null ? 1 : 0);
            if (f.left != null) {
                CommonOps_DDRM.multAddTransB(f.g, f.g, f.left);
            }
            if (f.right != null) {
                CommonOps_DDRM.multAddTransA(f.g, f.g, f.right);
            }
            if (refresh && f.left != null) {
                f.leftEigen.decompose(f.left);
                f.leftEigen.inversePower(0.5 / sides, eps, f.leftRoot);
            }
            if (refresh && f.right != null) {
                f.rightEigen.decompose(f.right);
                f.rightEigen.inversePower(0.5 / sides, eps, f.rightRoot);
            }
            if (f.left != null) {
                CommonOps_DDRM.mult(f.leftRoot, f.g, f.work);
                f.g.setTo(f.work);
            }
            if (f.right != null) {
                CommonOps_DDRM.mult(f.g, f.rightRoot, f.work);
                f.g.setTo(f.work);
            }
            System.arraycopy(f.g.data, 0, u, tensor.offset(), tensor.size());
        }
    }

    /** Preconditioners of one tensor: statistics, their inverse roots, and workspaces. */
    static final class Factors {
        final DMatrixRMaj g;
        final DMatrixRMaj work;
        final DMatrixRMaj left;
        final DMatrixRMaj right;
        final DMatrixRMaj leftRoot;
        final DMatrixRMaj rightRoot;
        final SymmetricEigen leftEigen;
        final SymmetricEigen rightEigen;

        Factors(int r, int c, double eps, int max) {
            g = new DMatrixRMaj(r, c);
            work = new DMatrixRMaj(r, c);
            left = r <= max ? identity(r, eps) : null;
            right = c <= max ? identity(c, eps) : null;
            leftRoot = left == null ? null : new DMatrixRMaj(r, r);
            rightRoot = right == null ? null : new DMatrixRMaj(c, c);
            leftEigen = left == null ? null : new SymmetricEigen(r);
            rightEigen = right == null ? null : new SymmetricEigen(c);
        }

        private static DMatrixRMaj identity(int n, double eps) {
            DMatrixRMaj m = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(eps, m);
            return m;
        }
    }

    /** One set of factors per tensor. */
    static final class ShampooState implements GradientTransformation.State {
        final ParameterLayout layout;
        final Factors[] factors;
        long count;

        ShampooState(ParameterLayout layout, Shampoo config) {
            this.layout = layout;
            factors = new Factors[layout.count()];
            for (int k = 0; k < layout.count(); k++) {
                Tensor t = layout.tensor(k);
                factors[k] = new Factors(t.rows(), t.cols(), config.eps(), config.maxDimension());
            }
        }

        @Override
        public double doublesPerParameter() {
            double extra = 0;
            for (Factors f : factors) {
                extra += 2.0 * (f.left == null ? 0 : f.left.getNumElements()) + 2.0 * (f.right == null ? 0 : f.right.getNumElements());
            }
            return extra / layout.size();
        }
    }
}
