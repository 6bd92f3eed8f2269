package io.fixpoint.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.parallel.ParallelExecutor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseMatrixTest {

    @Test
    void productsMatchTheDenseMatrixAndDoNotDependOnTheThreadCount() {
        SplittableRandom r = new SplittableRandom(7);
        int m = 300;
        int n = 500;
        int count = 70_000;
        int[] ri = new int[count];
        int[] ci = new int[count];
        double[] v = new double[count];
        double[][] dense = new double[m][n];
        int k = 0;
        for (int t = 0; t < count; t++) {
            int i = r.nextInt(m);
            int j = r.nextInt(n);
            if (dense[i][j] == 0) {
                dense[i][j] = r.nextDouble() - 0.5;
                ri[k] = i;
                ci[k] = j;
                v[k] = dense[i][j];
                k++;
            }
        }
        SparseMatrix a = SparseMatrix.fromTriplets(m, n, ri, ci, v, k);
        assertThat(a.nonZeros()).isEqualTo(k).isGreaterThan(50_000);
        double[] x = r.doubles(n).toArray();
        double[] y = r.doubles(m).toArray();
        double[] ax1 = new double[m];
        double[] aty1 = new double[n];
        a.multiply(x, ax1, ParallelExecutor.sequential());
        a.multiplyTransposed(y, aty1, ParallelExecutor.sequential());
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += dense[i][j] * x[j];
            }
            assertThat(ax1[i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-12));
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += dense[i][j] * y[i];
            }
            assertThat(aty1[j]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-12));
        }
        try (ParallelExecutor three = ParallelExecutor.of(3)) {
            double[] ax3 = new double[m];
            double[] aty3 = new double[n];
            a.multiply(x, ax3, three);
            a.multiplyTransposed(y, aty3, three);
            assertThat(ax3).isEqualTo(ax1);
            assertThat(aty3).isEqualTo(aty1);
        }
    }

    @Test
    void rejectsRepeatedPositionsAndIndicesOutOfRange() {
        assertThatThrownBy(() -> SparseMatrix.fromTriplets(2, 2, new int[] {0, 0}, new int[] {1, 1}, new double[] {1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1) is given twice");
        assertThatThrownBy(() -> SparseMatrix.fromTriplets(2, 2, new int[] {2}, new int[] {0}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside a 2 × 2 matrix");
        SparseMatrix zeros = SparseMatrix.fromTriplets(2, 2, new int[] {0}, new int[] {0}, new double[] {0}, 1);
        assertThat(zeros.nonZeros()).isZero();
    }
}
