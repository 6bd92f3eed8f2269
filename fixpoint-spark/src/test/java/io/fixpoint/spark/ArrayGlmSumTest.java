package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Counts;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-process model sum: derivatives, exact merging, standardisation, counting and bad input. */
class ArrayGlmSumTest {
    static final int D = 6;
    static final List<LabeledRow> ROWS = Synthetic.logistic(300, D, 3);

    static ArrayGlmSum sum(Loss loss, List<LabeledRow> rows, boolean standardized, int partitions, ParallelExecutor ex) {
        return ArrayGlmSum.of(rows, D, loss, 0.01, standardized, partitions, ex);
    }

    static double[] point(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[D + 1];
        for (int j = 0; j <= D; j++) {
            w[j] = r.nextDouble(-1, 1);
        }
        return w;
    }

    @Test
    void gradientAndHessianVectorMatchCentralDifferences() {
        List<LabeledRow> regression = ROWS.stream().map(r -> LabeledRow.dense(r.label() * 3 - 1 + r.values()[0], r.values())).toList();
        for (Loss loss : Loss.values()) {
            for (boolean standardized : new boolean[] {true, false}) {
                ArrayGlmSum f = sum(loss, loss == Loss.LOGISTIC ? ROWS : regression, standardized, 3, ParallelExecutor.sequential());
                double[] w = point(1);
                double[] v = point(2);
                double[] g = new double[D + 1];
                double[] hv = new double[D + 1];
                f.valueAndGradient(w, Batch.all(), g);
                f.hessianVector(w, Batch.all(), v, hv);
                double h = 1e-5;
                for (int j = 0; j <= D; j++) {
                    double[] p = w.clone();
                    double[] m = w.clone();
                    p[j] += h;
                    m[j] -= h;
                    double[] gp = new double[D + 1];
                    double[] gm = new double[D + 1];
                    double fd = (f.valueAndGradient(p, Batch.all(), gp) - f.valueAndGradient(m, Batch.all(), gm)) / (2 * h);
                    assertThat(g[j]).as("%s gradient %d", loss, j).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7));
                }
                double[] p = w.clone();
                double[] m = w.clone();
                for (int j = 0; j <= D; j++) {
                    p[j] += h * v[j];
                    m[j] -= h * v[j];
                }
                double[] gp = new double[D + 1];
                double[] gm = new double[D + 1];
                f.valueAndGradient(p, Batch.all(), gp);
                f.valueAndGradient(m, Batch.all(), gm);
                for (int j = 0; j <= D; j++) {
                    assertThat(hv[j]).as("%s Hv %d", loss, j).isCloseTo((gp[j] - gm[j]) / (2 * h), org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void theValueIsTheMeanLossPlusThePenaltyOnStandardisedCoefficients() {
        ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        double[] beta = point(5);
        double expected = 0;
        double[] std = f.standardization().std();
        for (LabeledRow r : ROWS) {
            double m = beta[D];
            for (int j = 0; j < D; j++) {
                m += beta[j] * r.values()[j];
            }
            expected += Math.log1p(Math.exp(m)) - r.label() * m;
        }
        expected /= ROWS.size();
        for (int j = 0; j < D; j++) {
            expected += 0.5 * 0.01 * beta[j] * std[j] * beta[j] * std[j];
        }
        double[] x = f.parameters(beta);
        assertThat(f.value(x, Batch.all())).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-13));
        assertThat(f.coefficients(x)).containsExactly(beta, org.assertj.core.data.Offset.offset(1e-13));
    }

    @Test
    void theThreadCountDoesNotChangeTheBits() {
        double[] w = point(7);
        double[] g1 = new double[D + 1];
        double[] g4 = new double[D + 1];
        try (ParallelExecutor four = ParallelExecutor.of(4)) {
            double f1 = sum(Loss.LOGISTIC, ROWS, true, 8, ParallelExecutor.sequential()).valueAndGradient(w, Batch.all(), g1);
            double f4 = sum(Loss.LOGISTIC, ROWS, true, 8, four).valueAndGradient(w, Batch.all(), g4);
            assertThat(f4).isEqualTo(f1);
            assertThat(g4).containsExactly(g1);
        }
    }

    /**
     * The loss is summed with Neumaier's compensation in each partition: over 2·10⁵ rows it is the correctly
     * rounded total to an ulp (a plain running sum is off by about a hundred), so that f stays accurate to
     * the few ulps a trust region's ratio of actual to predicted decrease is judged against.
     */
    @Test
    void theLossSumIsCompensated() {
        int n = 200_000;
        Kernel.Sums a = new Kernel.Sums(2);
        Kernel.Sums b = new Kernel.Sums(2);
        BigDecimal exact = BigDecimal.ZERO;
        double plain = 0;
        for (int i = 0; i < n; i++) {
            double x = 0.6 + 0.3 * Math.sin(i);
            (i < n / 2 ? a : b).addLoss(1, x);
            exact = exact.add(new BigDecimal(x));
            plain += x;
        }
        double[] out = new double[2];
        a.merge(b).roundInto(out);
        assertThat(Math.abs(out[1] - exact.doubleValue())).isLessThanOrEqualTo(Math.ulp(exact.doubleValue()));
        assertThat(Math.abs(plain - exact.doubleValue())).as("the plain sum's error, for scale").isGreaterThan(10 * Math.ulp(exact.doubleValue()));
    }

    @Test
    void exactSumsAreTheCorrectlyRoundedSumInAnyOrder() {
        SplittableRandom r = new SplittableRandom(11);
        double[] xs = new double[500];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-20, 20));
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (double x : xs) {
            exact = exact.add(new BigDecimal(x));
        }
        for (int stride : new int[] {1, 3, 7, 9, 11}) {
            ExactSums a = new ExactSums(1);
            ExactSums b = new ExactSums(1);
            for (int i = 0; i < xs.length; i++) {
                (r.nextBoolean() ? a : b).add(0, xs[(i * stride) % xs.length]);
            }
            a.addAll(b);
            assertThat(a.rounded(0)).isEqualTo(exact.doubleValue());
        }
        ExactSums s = new ExactSums(2);
        s.add(0, 1e308);
        s.add(0, 1e308);
        s.add(1, Double.NaN);
        assertThat(s.rounded(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.rounded(1)).isNaN();
    }

    @Test
    void indexBatchesAverageTheirRowsAndCountExamples() {
        ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        double[] w = point(3);
        Counts counts = new Counts();
        FiniteSum counted = f.counted(counts);
        double[] g = new double[D + 1];
        double[] gTwice = new double[D + 1];
        double once = counted.valueAndGradient(w, Batch.of(4, 9), g);
        double twice = counted.valueAndGradient(w, Batch.of(4, 9, 4, 9), gTwice);
        assertThat(twice).isCloseTo(once, org.assertj.core.data.Offset.offset(1e-15));
        counted.value(w, Batch.all());
        assertThat(counts.get(Evaluation.EXAMPLE)).isEqualTo(6 + ROWS.size());
        assertThat(f.passes()).isEqualTo(2);
        assertThatThrownBy(() -> f.value(w, Batch.of(300))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void bothMinimisersReachTheSameModel() {
        ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        Solution lbfgs = GlmFit.fit(f, "lbfgs", 1e-10, 500);
        Solution newton = GlmFit.fit(f, "trust-newton-cg", 1e-10, 100);
        assertThat(lbfgs.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.status()).isEqualTo(Status.CONVERGED);
        assertThat(newton.value()).isCloseTo(lbfgs.value(), org.assertj.core.data.Offset.offset(1e-14));
        assertThat((double[]) newton.details().get("coefficients"))
                .containsExactly((double[]) lbfgs.details().get("coefficients"), org.assertj.core.data.Offset.offset(1e-7));
        assertThat((long) newton.details().get("passes")).isEqualTo(newton.evaluations().get(Evaluation.EXAMPLE) / ROWS.size());
        assertThat(newton.details()).containsEntry("setupPasses", 1L).containsEntry("broadcastBytes", 0L);
    }

    /**
     * The assembled Hessian, for every loss, standardised or not, dense rows and sparse: its products equal
     * the Hessian–vector pass's, it is symmetric, its columns match central differences of the gradient, and
     * the value and gradient of the same pass are those of the gradient's own pass, bit for bit.
     */
    @Test
    void theDenseHessianIsTheHessianOfThePass() {
        List<LabeledRow> regression = ROWS.stream().map(r -> LabeledRow.dense(r.label() * 3 - 1 + r.values()[0], r.values())).toList();
        List<LabeledRow> sparse = ROWS.stream().map(ArrayGlmSumTest::sparsified).toList();
        int p = D + 1;
        for (Loss loss : Loss.values()) {
            for (boolean standardized : new boolean[] {true, false}) {
                for (List<LabeledRow> rows : List.of(loss == Loss.LOGISTIC ? ROWS : regression, sparse)) {
                    ArrayGlmSum f = sum(loss, rows, standardized, 7, ParallelExecutor.sequential()); // 42 or 43 rows a partition: blocks of 4 and a rest
                    f.withDenseHessian();
                    assertThat(f.hasHessian()).isTrue();
                    double[] w = point(1);
                    double[] h = new double[p * p];
                    double[] g = new double[p];
                    double[] g0 = new double[p];
                    long before = f.passes();
                    double value = f.valueGradientAndHessian(w, Batch.all(), g, h);
                    assertThat(f.passes()).isEqualTo(before + 1);
                    assertThat(value).isEqualTo(f.valueAndGradient(w, Batch.all(), g0));
                    assertThat(g).containsExactly(g0);
                    for (long seed = 2; seed < 5; seed++) {
                        double[] v = point(seed);
                        double[] hv = new double[p];
                        f.hessianVector(w, Batch.all(), v, hv);
                        for (int i = 0; i < p; i++) {
                            double t = 0;
                            for (int j = 0; j < p; j++) {
                                t += h[i * p + j] * v[j];
                            }
                            assertThat(t).as("%s (H·v)_%d", loss, i).isCloseTo(hv[i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(hv[i]))));
                        }
                    }
                    double step = 1e-5;
                    for (int j = 0; j < p; j++) {
                        double[] plus = w.clone();
                        double[] minus = w.clone();
                        plus[j] += step;
                        minus[j] -= step;
                        double[] gp = new double[p];
                        double[] gm = new double[p];
                        f.valueAndGradient(plus, Batch.all(), gp);
                        f.valueAndGradient(minus, Batch.all(), gm);
                        for (int i = 0; i < p; i++) {
                            assertThat(h[i * p + j]).as("%s H[%d][%d]", loss, i, j).isEqualTo(h[j * p + i])
                                    .isCloseTo((gp[i] - gm[i]) / (2 * step), org.assertj.core.data.Offset.offset(1e-6));
                        }
                    }
                }
            }
        }
    }

    /** The row with its zero features left out, and one feature zeroed first, as a sparse row. */
    private static LabeledRow sparsified(LabeledRow r) {
        double[] x = r.values();
        int[] idx = java.util.stream.IntStream.range(0, x.length).filter(j -> j != (int) (Math.abs(x[0] * 7)) % D).toArray();
        return LabeledRow.sparse(r.label(), idx, java.util.Arrays.stream(idx).mapToDouble(j -> x[j]).toArray());
    }

    /**
     * Trust-region Newton–CG on a sum with its dense Hessian makes one pass per trial point (the start's
     * included) and no Hessian–vector pass, and reaches the model the products reach.
     */
    @Test
    void newtonWithTheDenseHessianMakesOnePassPerTrialPoint() {
        ArrayGlmSum products = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        ArrayGlmSum dense = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        dense.withDenseHessian();
        Solution a = GlmFit.fit(products, "trust-newton-cg", 1e-10, 100);
        Solution b = GlmFit.fit(dense, "trust-newton-cg", 1e-10, 100);
        assertThat(b.status()).isEqualTo(Status.CONVERGED);
        assertThat(b.value()).isCloseTo(a.value(), org.assertj.core.data.Offset.offset(1e-14));
        assertThat((double[]) b.details().get("coefficients"))
                .containsExactly((double[]) a.details().get("coefficients"), org.assertj.core.data.Offset.offset(1e-8));
        long trials = b.iterations() + ((Number) b.details().get("rejectedSteps")).longValue();
        assertThat((long) b.details().get("passes")).isEqualTo(trials + 1).isLessThan((long) a.details().get("passes"));
        assertThat(b.evaluations().get(Evaluation.HESSIAN)).isEqualTo(trials + 1);
        assertThat(b.evaluations().get(Evaluation.HESSIAN_VECTOR)).isZero();
        assertThat(b.details()).containsEntry("products", "hessian");
    }

    @Test
    void theDenseHessianIsRefusedWhereItIsNotAssembled() {
        ArrayGlmSum multinomial = ArrayGlmSum.multinomial(Synthetic.multinomial(60, 3, 3, 1), 3, 3, 0.01, true, 1, ParallelExecutor.sequential());
        assertThatThrownBy(multinomial::withDenseHessian).hasMessageContaining("one margin");
        ArrayGlmSum wide = ArrayGlmSum.of(Synthetic.rows(1, 1000, 5, 0, 50), 1000, Loss.LOGISTIC, 0.01, true, 1, ParallelExecutor.sequential());
        assertThatThrownBy(wide::withDenseHessian).hasMessageContaining("at most 1000 parameters; this model has 1001");
        ArrayGlmSum plain = sum(Loss.LOGISTIC, ROWS, true, 1, ParallelExecutor.sequential());
        assertThat(plain.hasHessian()).isFalse();
        assertThatThrownBy(() -> plain.hessian(point(1), Batch.all(), new double[(D + 1) * (D + 1)])).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The L1 weights penalise what MLlib penalises: the standardised coefficients wⱼ = βⱼσⱼ, or the original
     * βⱼ (weight λ₁/σⱼ); never the intercept. OWL-QN with λ₁ = 0 reaches L-BFGS's model, and a smooth method
     * is refused an L1 penalty.
     */
    @Test
    void theL1PenaltyIsOnTheCoefficientsMllibPenalises() {
        double[] beta = point(5);
        for (boolean standardized : new boolean[] {true, false}) {
            ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, standardized, 2, ParallelExecutor.sequential());
            double[] weights = f.l1Weights(0.1);
            assertThat(weights[D]).isZero();
            double expected = 0;
            for (int j = 0; j < D; j++) {
                expected += 0.1 * Math.abs(standardized ? beta[j] * f.standardization().std()[j] : beta[j]);
            }
            assertThat(io.fixpoint.problem.L1Objective.penalty(weights, f.parameters(beta)))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15 * expected));
        }
        ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, true, 2, ParallelExecutor.sequential());
        Solution lbfgs = GlmFit.fit(f, "lbfgs", 1e-10, 500);
        Solution owlqn = GlmFit.fit(f, 0, "owlqn", 1e-10, 500);
        assertThat(owlqn.status()).isEqualTo(Status.CONVERGED);
        assertThat(owlqn.value()).isCloseTo(lbfgs.value(), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(owlqn.details()).containsEntry("l1", 0.0).containsEntry("zeroCoefficients", 0L);
        assertThatThrownBy(() -> GlmFit.fit(f, 0.1, "lbfgs", 1e-6, 10))
                .hasMessage("method lbfgs minimises smooth objectives; an L1 penalty needs owlqn");
        assertThatThrownBy(() -> GlmFit.fit(f, -0.1, "owlqn", 1e-6, 10)).hasMessage("L1 penalty must be finite and ≥ 0, got -0.1");
        assertThatThrownBy(() -> GlmFit.checkMethod("owl", 0)).hasMessageContaining("unknown method 'owl'; L1 methods: owlqn; minimisers: ");
    }

    @Test
    void badInputIsNamed() {
        ParallelExecutor seq = ParallelExecutor.sequential();
        assertThatThrownBy(() -> sum(Loss.LOGISTIC, List.of(LabeledRow.dense(1, new double[D - 1])), true, 1, seq))
                .hasMessage("row 0: dense row has 5 features, the model 6");
        assertThatThrownBy(() -> sum(Loss.LOGISTIC, List.of(ROWS.get(0), LabeledRow.sparse(0, new int[] {2, 1}, new double[] {1, 1})), true,
                1, seq)).hasMessage("row 1: feature indices not increasing (2 then 1)");
        assertThatThrownBy(() -> sum(Loss.SQUARED, List.of(LabeledRow.sparse(0, new int[] {6}, new double[] {1})), true, 1, seq))
                .hasMessage("row 0: feature index 6 outside [0, 6)");
        assertThatThrownBy(() -> sum(Loss.SQUARED, List.of(LabeledRow.dense(Double.NaN, new double[D])), true, 1, seq))
                .hasMessage("row 0: label NaN is not finite");
        assertThatThrownBy(() -> sum(Loss.LOGISTIC, ROWS, true, 301, seq)).hasMessageContaining("partitions must lie in [1, 300]");
        List<LabeledRow> ones = ROWS.stream().map(r -> LabeledRow.dense(1, r.values())).toList();
        assertThatThrownBy(() -> sum(Loss.LOGISTIC, ones, true, 1, seq))
                .hasMessage("every label is 1: the model's unpenalised intercept has no finite optimum");
        assertThat(sum(Loss.SQUARED, ones, true, 1, seq).dimension()).isEqualTo(D + 1); // a constant response is fine for squared loss
        assertThatThrownBy(() -> ArrayGlmSum.of(ROWS, D, Loss.LOGISTIC, -1, true, 1, seq)).hasMessageContaining("L2 penalty");
        ArrayGlmSum f = sum(Loss.LOGISTIC, ROWS, true, 1, seq);
        assertThatThrownBy(() -> f.value(new double[D], Batch.all())).hasMessageContaining("the point has length 6, the model 7");
        assertThatThrownBy(() -> Loss.byName("hinge")).hasMessageContaining("known losses: logistic, squared, huber");
    }
}
