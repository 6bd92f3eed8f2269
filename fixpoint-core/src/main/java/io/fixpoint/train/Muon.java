package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Muon, momentum orthogonalised by Newton–Schulz (Jordan, Jin, Boza, You, Cesista, Newhouse and
 * Bernstein, <i>Muon: An optimizer for hidden layers in neural networks</i>, 2024; Bernstein and
 * Newhouse, <i>Old Optimizer, New Norm: An Anthology</i>, 2024), for weight matrices W (r×c):
 * <pre>
 *   M_t = β M_{t−1} + (1 − β) G_t
 *   U_t = (1 − β) G_t + β M_t          (Nesterov; U_t = M_t without)
 *   X₀ = U_t / (‖U_t‖_F + ε),  X_{k+1} = a X_k + (b A_k + c A_k²) X_k,  A_k = X_k X_kᵀ   (k &lt; 5)
 *   u_t = √max(1, r/c) · X₅
 * </pre>
 * with the quintic coefficients (a, b, c) = (3.4445, −4.7750, 2.0315), which push every singular value
 * of X towards [0.7, 1.2] in five steps, so u ≈ UVᵀ for U_t = UΣVᵀ: the steepest-descent direction
 * under the spectral norm. The iteration runs on the wide orientation (X Xᵀ is min(r,c)²). Only
 * matrices: give vectors and embeddings to another optimiser through a partition.
 */
public record Muon(double beta, boolean nesterov, int steps, double eps) implements GradientTransformation {
    static final double A = 3.4445;
    static final double B = -4.7750;
    static final double C = 2.0315;

    public Muon {
        Hyper.beta("beta", beta);
        Hyper.atLeastOne("steps", steps);
        Hyper.positive("eps", eps);
    }

    /** β 0.95, Nesterov, five steps, ε 10⁻⁷. */
    public Muon() {
        this(0.95, true, 5, 1e-7);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        for (Tensor t : layout.tensors()) {
            if (!t.matrix()) {
                throw new IllegalArgumentException("muon orthogonalises matrices; " + t.name() + " is a vector (partition it to another optimiser)");
            }
        }
        return new MuonState(layout);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        MuonState st = (MuonState) state;
        st.count++;
        ParameterLayout l = st.layout;
        for (int k = 0; k < l.count(); k++) {
            Tensor t = l.tensor(k);
            Work w = st.work[k];
            int off = t.offset();
            int base = l.localOffset(k);
            int size = t.size();
            boolean wide = t.rows() <= t.cols();
            double[] x = w.x.data;
            for (int i = 0; i < size; i++) {
                double g = u[off + i];
                double m = beta * st.m[base + i] + (1 - beta) * g;
                st.m[base + i] = m;
                double v = nesterov ? (1 - beta) * g + beta * m : m;
                // X is the wide orientation: W itself, or Wᵀ
                if (wide) {
                    x[i] = v;
                } else {
                    int r = i / t.cols();
                    int c = i % t.cols();
                    x[c * t.rows() + r] = v;
                }
            }
            orthogonalise(w);
            double scale = Math.sqrt(Math.max(1, (double) t.rows() / t.cols()));
            for (int i = 0; i < size; i++) {
                double v;
                if (wide) {
                    v = x[i];
                } else {
                    int r = i / t.cols();
                    int c = i % t.cols();
                    v = x[c * t.rows() + r];
                }
                u[off + i] = scale * v;
            }
        }
    }

    /** Five quintic Newton–Schulz steps on w.x, in place. */
    private void orthogonalise(Work w) {
        double norm = 0;
        for (double v : w.x.data) {
            norm += v * v;
        }
        CommonOps_DDRM.scale(1 / (Math.sqrt(norm) + eps), w.x);
        for (int k = 0; k < steps; k++) {
            CommonOps_DDRM.multTransB(w.x, w.x, w.a);
            CommonOps_DDRM.mult(w.a, w.a, w.b);
            CommonOps_DDRM.add(B, w.a, C, w.b, w.b);
            CommonOps_DDRM.mult(w.b, w.x, w.bx);
            CommonOps_DDRM.add(A, w.x, 1, w.bx, w.x);
        }
    }

    /** Workspaces of one matrix, in the wide orientation p×q, p ≤ q. */
    static final class Work {
        final DMatrixRMaj x;
        final DMatrixRMaj a;
        final DMatrixRMaj b;
        final DMatrixRMaj bx;

        Work(int p, int q) {
            x = new DMatrixRMaj(p, q);
            a = new DMatrixRMaj(p, p);
            b = new DMatrixRMaj(p, p);
            bx = new DMatrixRMaj(p, q);
        }
    }

    /** The momentum buffer and per-matrix workspaces. */
    static final class MuonState implements GradientTransformation.State {
        final ParameterLayout layout;
        final double[] m;
        final Work[] work;
        long count;

        MuonState(ParameterLayout layout) {
            this.layout = layout;
            m = new double[layout.size()];
            work = new Work[layout.count()];
            for (int k = 0; k < layout.count(); k++) {
                Tensor t = layout.tensor(k);
                work[k] = new Work(Math.min(t.rows(), t.cols()), Math.max(t.rows(), t.cols()));
            }
        }

        @Override
        public double doublesPerParameter() {
            return 1;
        }
    }
}
