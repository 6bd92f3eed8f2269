package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * SOAP, Shampoo with Adam in the preconditioner's eigenbasis (Vyas, Morwani, Zhao, Kwun, Shapira,
 * Brandfonbrener, Janson and Kakade, <i>SOAP: Improving and Stabilizing Shampoo using Adam</i>, ICLR
 * 2025, Algorithm 3), for a weight matrix G (r×c):
 * <pre>
 *   M = β₁ M + (1 − β₁) G                            (momentum, original basis)
 *   G' = Q_Lᵀ G Q_R,   M' = Q_Lᵀ M Q_R              (rotate into the eigenbasis)
 *   V = β₂ V + (1 − β₂) G'⊙G'                        (second moment, rotated basis)
 *   N' = (M'/(1 − β₁ᵗ)) / (√(V/(1 − β₂ᵗ)) + ε),   u = Q_L N' Q_Rᵀ
 *   L = β_s L + (1 − β_s) G Gᵀ,   R = β_s R + (1 − β_s) Gᵀ G
 *   every f steps: Q_L, Q_R ← eigenvectors of L, R, by decreasing eigenvalue
 * </pre>
 * The bases start as the identity (the first f steps are Adam) and are then the exact eigenvectors
 * from EJML (the paper refreshes them by one power iteration and a QR step); V keeps its entries
 * across a refresh, position i following the i-th largest eigenvalue. Vectors, and sides longer than
 * {@code maxDimension}, are not rotated, so vectors get plain Adam.
 */
public record Soap(double beta1, double beta2, double shampooBeta, double eps, int frequency, int maxDimension)
        implements GradientTransformation {

    public Soap {
        Hyper.beta("beta1", beta1);
        Hyper.beta("beta2", beta2);
        Hyper.beta("shampooBeta", shampooBeta);
        Hyper.positive("eps", eps);
        Hyper.atLeastOne("frequency", frequency);
        Hyper.atLeastOne("maxDimension", maxDimension);
    }

    /** β₁ 0.95, β₂ 0.95, β_s 0.95, ε 10⁻⁸, f 10, sides up to 1024. */
    public Soap() {
        this(0.95, 0.95, 0.95, 1e-8, 10, 1024);
    }

    @Override
    public State init(ParameterLayout layout, double[] params) {
        return new SoapState(layout, maxDimension);
    }

    @Override
    public void update(double[] u, State state, double[] params, StepOracle oracle) {
        SoapState st = (SoapState) state;
        long t = ++st.count;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        boolean refresh = t % frequency == 0;
        for (int k = 0; k < st.blocks.length; k++) {
            Block b = st.blocks[k];
            Tensor tensor = st.layout.tensor(k);
            int off = tensor.offset();
            int size = tensor.size();
            double[] g = b.g.data;
            double[] m = b.m.data;
            System.arraycopy(u, off, g, 0, size);
            for (int i = 0; i < size; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            }
            rotate(b, b.g, b.gRot, false);
            rotate(b, b.m, b.mRot, false);
            double[] gr = b.gRot.data;
            double[] mr = b.mRot.data;
            double[] v = b.v;
            for (int i = 0; i < size; i++) {
                v[i] = beta2 * v[i] + (1 - beta2) * gr[i] * gr[i];
                mr[i] = (mr[i] / bc1) / (Math.sqrt(v[i] / bc2) + eps);
            }
            rotate(b, b.mRot, b.out, true);
            System.arraycopy(b.out.data, 0, u, off, size);
            if (b.left != null) {
                CommonOps_DDRM.multTransB(b.g, b.g, b.outer);
                CommonOps_DDRM.add(shampooBeta, b.left, 1 - shampooBeta, b.outer, b.left);
                if (refresh) {
                    b.leftEigen.decompose(b.left);
                    b.qLeft.setTo(b.leftEigen.vectors);
                }
            }
            if (b.right != null) {
                CommonOps_DDRM.multTransA(b.g, b.g, b.outerRight);
                CommonOps_DDRM.add(shampooBeta, b.right, 1 - shampooBeta, b.outerRight, b.right);
                if (refresh) {
                    b.rightEigen.decompose(b.right);
                    b.qRight.setTo(b.rightEigen.vectors);
                }
            }
        }
    }

    /** out = Q_Lᵀ x Q_R (into the eigenbasis) or Q_L x Q_Rᵀ (back), skipping sides that are not rotated. */
    private static void rotate(Block b, DMatrixRMaj x, DMatrixRMaj out, boolean back) {
        DMatrixRMaj cur = x;
        if (b.qLeft != null) {
            if (back) {
                CommonOps_DDRM.mult(b.qLeft, cur, b.tmp);
            } else {
                CommonOps_DDRM.multTransA(b.qLeft, cur, b.tmp);
            }
            cur = b.tmp;
        }
        if (b.qRight != null) {
            if (back) {
                CommonOps_DDRM.multTransB(cur, b.qRight, out);
            } else {
                CommonOps_DDRM.mult(cur, b.qRight, out);
            }
        } else {
            out.setTo(cur);
        }
    }

    /** The state of one tensor: Adam's moments, the Kronecker factors and their eigenbases, workspaces. */
    static final class Block {
        final DMatrixRMaj g;
        final DMatrixRMaj m;
        final double[] v;
        final DMatrixRMaj gRot;
        final DMatrixRMaj mRot;
        final DMatrixRMaj out;
        final DMatrixRMaj tmp;
        final DMatrixRMaj left;
        final DMatrixRMaj right;
        final DMatrixRMaj outer;
        final DMatrixRMaj outerRight;
        final DMatrixRMaj qLeft;
        final DMatrixRMaj qRight;
        final SymmetricEigen leftEigen;
        final SymmetricEigen rightEigen;

        Block(Tensor t, int max) {
            int r = t.rows();
            int c = t.cols();
            g = new DMatrixRMaj(r, c);
            m = new DMatrixRMaj(r, c);
            v = new double[r * c];
            gRot = new DMatrixRMaj(r, c);
            mRot = new DMatrixRMaj(r, c);
            out = new DMatrixRMaj(r, c);
            tmp = new DMatrixRMaj(r, c);
            boolean rotateLeft = t.matrix() && r <= max;
            boolean rotateRight = t.matrix() && c <= max;
            left = rotateLeft ? new DMatrixRMaj(r, r) : null;
            outer = rotateLeft ? new DMatrixRMaj(r, r) : null;
            qLeft = rotateLeft ? CommonOps_DDRM.identity(r) : null;
            leftEigen = rotateLeft ? new SymmetricEigen(r) : null;
            right = rotateRight ? new DMatrixRMaj(c, c) : null;
            outerRight = rotateRight ? new DMatrixRMaj(c, c) : null;
            qRight = rotateRight ? CommonOps_DDRM.identity(c) : null;
            rightEigen = rotateRight ? new SymmetricEigen(c) : null;
        }
    }

    /** One block per tensor. */
    static final class SoapState implements GradientTransformation.State {
        final ParameterLayout layout;
        final Block[] blocks;
        long count;

        SoapState(ParameterLayout layout, int max) {
            this.layout = layout;
            blocks = new Block[layout.count()];
            for (int k = 0; k < layout.count(); k++) {
                blocks[k] = new Block(layout.tensor(k), max);
            }
        }

        @Override
        public double doublesPerParameter() {
            double extra = 0;
            for (Block b : blocks) {
                extra += 2.0 * b.v.length + (b.left == null ? 0 : 2.0 * b.left.getNumElements()) + (b.right == null ? 0 : 2.0 * b.right.getNumElements());
            }
            return extra / layout.size();
        }
    }
}
