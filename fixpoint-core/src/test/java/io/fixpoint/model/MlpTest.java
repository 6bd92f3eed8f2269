package io.fixpoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Counts;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FiniteSum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlpTest {
    private static final Dataset DATA = Synthetic.classification(150, 5, 3, 1);
    private static final Batch BATCH = Batch.of(3, 17, 17, 40, 41, 99, 120, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62,
            63, 64, 65, 66, 67, 68, 69, 70, 71);

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientAndHessianVectorMatchFiniteDifferences(Activation act) {
        Mlp f = Mlp.classifier(DATA, new int[] {6, 4}, act, 0.01);
        double[] w = f.initialParameters(3);
        Derivatives.checkGradient(f, w, BATCH, 1e-6);
        Derivatives.checkGradient(f, w, Batch.all(), 1e-6);
        if (act != Activation.RELU) {
            Derivatives.checkHessianVector(f, w, Synthetic.gaussian(f.dimension(), 1, 5), BATCH, 1e-5);
        }
    }

    @Test
    void reluHessianVectorIsTheGaussNewtonPartAwayFromKinks() {
        // ReLU's second derivative is zero; the product still matches differences of the gradient unless a kink is crossed
        Mlp f = Mlp.classifier(DATA, new int[] {6}, Activation.RELU, 0);
        double[] w = f.initialParameters(4);
        Derivatives.checkHessianVector(f, w, Synthetic.gaussian(f.dimension(), 1e-3, 6), BATCH, 1e-4);
    }

    @Test
    void logisticAndSoftmaxRegression() {
        Dataset two = Synthetic.classification(80, 4, 2, 2);
        Mlp logistic = Mlp.logistic(two, 0.1);
        double[] w = Synthetic.gaussian(logistic.dimension(), 0.5, 3);
        Derivatives.checkGradient(logistic, w, Batch.all(), 1e-6);
        Derivatives.checkHessianVector(logistic, w, Synthetic.gaussian(logistic.dimension(), 1, 4), Batch.all(), 1e-5);
        Mlp softmax = Mlp.softmax(DATA, 0.1);
        double[] u = Synthetic.gaussian(softmax.dimension(), 0.5, 5);
        Derivatives.checkGradient(softmax, u, BATCH, 1e-6);
        Derivatives.checkHessianVector(softmax, u, Synthetic.gaussian(softmax.dimension(), 1, 6), BATCH, 1e-5);
        assertThat(logistic.dimension()).isEqualTo(5);
        assertThat(softmax.layout().tensors()).extracting(t -> t.name() + " " + t.shape())
                .containsExactly("layer1.weight 3×5", "layer1.bias 3");
    }

    @Test
    void logisticLossAtZeroIsLogTwoAndAccuracyCounts() {
        Dataset two = Synthetic.classification(10, 2, 2, 2);
        Mlp f = Mlp.logistic(two, 0);
        assertThat(f.value(new double[3], Batch.all())).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-15));
        // w = 0 predicts class 0 (logit 0 is not > 0): half the labels are 0
        assertThat(f.metrics(new double[3]).accuracy()).isEqualTo(0.5);
    }

    @Test
    void sampledGradientIsTheGradientAtSampledLabels() {
        Mlp f = Mlp.softmax(DATA, 0);
        double[] w = Synthetic.gaussian(f.dimension(), 0.3, 7);
        double[] g1 = new double[f.dimension()];
        double[] g2 = new double[f.dimension()];
        f.sampledGradient(w, BATCH, 11, g1);
        f.sampledGradient(w, BATCH, 11, g2);
        assertThat(g1).containsExactly(g2);
        f.sampledGradient(w, BATCH, 12, g2);
        assertThat(g1).isNotEqualTo(g2);
        // averaged over many draws, the sampled gradient of a cross-entropy has mean zero (E_ŷ[∇ log p(ŷ)] = 0)
        double[] mean = new double[f.dimension()];
        int draws = 1500;
        for (int s = 0; s < draws; s++) {
            f.sampledGradient(w, BATCH, s, g2);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += g2[i] / draws;
            }
        }
        for (double m : mean) {
            assertThat(Math.abs(m)).isLessThan(0.03);
        }
    }

    @Test
    void countedViewCountsEvaluationsAndExamples() {
        Mlp f = Mlp.softmax(DATA, 0);
        Counts c = new Counts();
        FiniteSum counted = f.counted(c);
        double[] w = new double[f.dimension()];
        counted.valueAndGradient(w, BATCH, new double[f.dimension()]);
        counted.fullBatch().value(w);
        counted.hessianVector(w, BATCH, w, new double[f.dimension()]);
        assertThat(c.get(Evaluation.GRADIENT)).isEqualTo(1);
        assertThat(c.get(Evaluation.VALUE)).isEqualTo(2);
        assertThat(c.get(Evaluation.HESSIAN_VECTOR)).isEqualTo(1);
        assertThat(c.get(Evaluation.EXAMPLE)).isEqualTo(2L * BATCH.size() + DATA.rows());
        assertThat(c.total()).as("examples are not evaluations").isEqualTo(4);
    }

    @Test
    void badShapesAreRejected() {
        assertThatThrownBy(() -> Mlp.logistic(DATA, 0)).hasMessageContaining("3 classes");
        assertThatThrownBy(() -> Mlp.classifier(DATA, new int[] {0}, Activation.RELU, 0)).hasMessageContaining("≥ 1");
        assertThatThrownBy(() -> Mlp.softmax(DATA, -1)).hasMessageContaining("l2");
    }
}
