package io.fixpoint.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class LanczosTest {

    /** BᵀB for a random B whose singular values are 1, 1 − gap, … (a cluster at the top, slow for the power method). */
    static DMatrixRMaj gram(SplittableRandom rnd, int m, int n, double gap) {
        DMatrixRMaj u = orthonormal(rnd, m);
        DMatrixRMaj v = orthonormal(rnd, n);
        DMatrixRMaj s = new DMatrixRMaj(m, n);
        for (int i = 0; i < Math.min(m, n); i++) {
            s.set(i, i, i == 0 ? 1 : (1 - gap) * Math.pow(0.97, i - 1));
        }
        DMatrixRMaj us = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(u, s, us);
        DMatrixRMaj b = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(us, v, b);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(b, b, g);
        return g;
    }

    static DMatrixRMaj orthonormal(SplittableRandom rnd, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rnd.nextGaussian();
        }
        var qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(a);
        return qr.getQ(null, false);
    }

    static double largest(DMatrixRMaj g) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(g.numRows, false, true);
        eig.decompose(g.copy());
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g.numRows; i++) {
            top = Math.max(top, eig.getEigenvalue(i).real);
        }
        return top;
    }

    @Test
    void boundsTheLargestEigenvalueFromAboveWithinTheToleranceInFewProducts() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (double gap : new double[] {1e-1, 1e-3, 1e-6}) {
            DMatrixRMaj g = gram(rnd, 300, 200, gap);
            double exact = largest(g);
            double[] start = rnd.doubles(200, -0.5, 0.5).toArray();
            Lanczos.Estimate e = Lanczos.largestEigenvalue((x, y) -> {
                DMatrixRMaj out = new DMatrixRMaj(200, 1);
                CommonOps_DDRM.mult(g, DMatrixRMaj.wrap(200, 1, x.clone()), out);
                System.arraycopy(out.data, 0, y, 0, 200);
            }, start, 1e-4, 1000);
            assertThat(e.upper()).as("gap " + gap).isGreaterThanOrEqualTo(exact * (1 - 1e-12)).isLessThanOrEqualTo(exact * (1 + 1e-4));
            assertThat(e.value()).isLessThanOrEqualTo(exact * (1 + 1e-12));
            // the power method needs ~ log(1e-4)/log(1 − gap) products when the gap is large enough to matter; Lanczos far fewer
            assertThat(e.products()).as("gap " + gap).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void anInvariantStartGivesTheExactEigenvalueAtOnce() {
        double[] d = {3, 1, 2};
        Lanczos.Estimate e = Lanczos.largestEigenvalue((x, y) -> {
            for (int i = 0; i < 3; i++) {
                y[i] = d[i] * x[i];
            }
        }, new double[] {1, 0, 0}, 1e-10, 10);
        assertThat(e.value()).isEqualTo(3);
        assertThat(e.residual()).isZero();
        assertThat(e.products()).isEqualTo(1);
        assertThatThrownBy(() -> Lanczos.largestEigenvalue((x, y) -> { }, new double[3], 1e-4, 10)).hasMessageContaining("non-zero start");
    }
}
