package io.fixpoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Batch;
import org.junit.jupiter.api.Test;

class MatrixFactorizationTest {

    @Test
    void derivativesMatchFiniteDifferences() {
        Dataset data = Synthetic.classification(12, 5, 2, 3);
        MatrixFactorization.Split s = MatrixFactorization.of(data, 3, 0.05, 0.2, 1);
        MatrixFactorization f = s.train();
        double[] w = f.initialParameters(4);
        Derivatives.checkGradient(f, w, Batch.of(0, 5, 5, 9, 20, 33), 1e-7);
        Derivatives.checkGradient(f, w, Batch.all(), 1e-7);
        Derivatives.checkHessianVector(f, w, Synthetic.gaussian(f.dimension(), 1, 2), Batch.all(), 1e-6);
        assertThat(f.size() + s.heldOut().size()).isEqualTo(60);
    }

    @Test
    void sampledGradientHasMeanZero() {
        MatrixFactorization f = MatrixFactorization.of(3, 2, 1, new int[] {0, 1, 2}, new int[] {0, 1, 0}, new double[] {1, 2, 3}, 0);
        double[] w = {0.5, -0.2, 0.3, 0.7, 0.1};
        double[] g = new double[5];
        double[] mean = new double[5];
        int draws = 20000;
        for (int k = 0; k < draws; k++) {
            f.sampledGradient(w, Batch.all(), k, g);
            for (int i = 0; i < 5; i++) {
                mean[i] += g[i] / draws;
            }
        }
        for (double m : mean) {
            assertThat(Math.abs(m)).isLessThan(0.02);
        }
    }
}
