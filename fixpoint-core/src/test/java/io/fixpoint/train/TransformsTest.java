package io.fixpoint.train;

import static io.fixpoint.train.Transforms.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformsTest {
    /** w = (matrix 2×2 "hidden", vector 2 "bias"). */
    static final ParameterLayout LAYOUT = ParameterLayout.builder().matrix("hidden", 2, 2, Tensor.Role.HIDDEN)
            .vector("bias", 2, Tensor.Role.BIAS).build();
    static final StepOracle NONE = StepOracle.none();

    static double[] apply(GradientTransformation t, GradientTransformation.State s, double[] params, double... g) {
        double[] u = g.clone();
        t.update(u, s, params, NONE);
        return u;
    }

    @Test
    void layoutsMergeAdjacentTensorsIntoSegments() {
        assertThat(LAYOUT.segmentCount()).isEqualTo(1);
        assertThat(LAYOUT.size()).isEqualTo(6);
        ParameterLayout bias = LAYOUT.select(t -> t.role() == Tensor.Role.BIAS);
        assertThat(bias.segmentStart(0)).isEqualTo(4);
        assertThat(bias.segmentLocal(0)).isZero();
        assertThat(bias.dimension()).isEqualTo(6);
        assertThatThrownBy(() -> LAYOUT.find("nope")).hasMessageContaining("hidden, bias");
        assertThatThrownBy(() -> ParameterLayout.builder().vector("a", 1, Tensor.Role.BIAS).vector("a", 1, Tensor.Role.BIAS))
                .hasMessageContaining("twice");
    }

    @Test
    void chainAppliesInOrder() {
        GradientTransformation t = chain(Transforms.clipByGlobalNorm(1), Transforms.scale(3));
        double[] u = apply(t, t.init(LAYOUT, new double[6]), new double[6], 3, 4, 0, 0, 0, 0);
        assertThat(u[0]).isCloseTo(1.8, offset(1e-15));
        assertThat(u[1]).isCloseTo(2.4, offset(1e-15));
    }

    @Test
    void aScalerFollowedByTheLearningRateRunsAsOnePassWithTheSameBits() {
        for (GradientTransformation scaler : new GradientTransformation[] {new Adam(), new Nadam(), new Radam(), new Lion(), Transforms.trace(0.9, true)}) {
            GradientTransformation fused = chain(scaler, Transforms.scaleByLearningRate(c -> 0.01 * (c + 1)));
            // a no-op clip in between keeps the two passes apart
            GradientTransformation apart = chain(scaler, Transforms.clipByGlobalNorm(1e300), Transforms.scaleByLearningRate(c -> 0.01 * (c + 1)));
            double[] w = {1, -2, 3, 0.5, 0, 1};
            var fs = fused.init(LAYOUT, w);
            var as = apart.init(LAYOUT, w);
            for (int step = 0; step < 5; step++) {
                double[] g = {0.3 * step - 1, 2, -0.5, 1e-3, 7, -step};
                assertThat(apply(fused, fs, w, g)).as("%s", scaler).containsExactly(apply(apart, as, w, g));
            }
        }
    }

    @Test
    void clippingLeavesSmallUpdatesAlone() {
        GradientTransformation t = Transforms.clipByGlobalNorm(10);
        assertThat(apply(t, t.init(LAYOUT, new double[6]), new double[6], 1, 2, 3, 4, 5, 6)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void partitionGivesEachTensorItsTransformation() {
        GradientTransformation t = Transforms.partition(x -> x.matrix() ? "m" : "v", Map.of("m", Transforms.scale(2), "v", Transforms.scale(-1)));
        assertThat(apply(t, t.init(LAYOUT, new double[6]), new double[6], 1, 1, 1, 1, 1, 1)).containsExactly(2, 2, 2, 2, -1, -1);
        GradientTransformation missing = Transforms.partition(x -> x.name(), Map.of("hidden", Transforms.scale(2)));
        assertThatThrownBy(() -> missing.init(LAYOUT, new double[6])).hasMessageContaining("bias").hasMessageContaining("label");
    }

    @Test
    void maskedWeightDecaySparesBiases() {
        GradientTransformation t = Transforms.addDecayedWeights(Schedules.constant(0.5), Transforms.notBias());
        double[] w = {1, 2, 3, 4, 5, 6};
        assertThat(apply(t, t.init(LAYOUT, w), w, 0, 0, 0, 0, 0, 0)).containsExactly(0.5, 1, 1.5, 2, 0, 0);
    }

    @Test
    void momentumAndNesterovFollowPyTorch() {
        GradientTransformation heavy = Transforms.trace(0.5, false);
        GradientTransformation nesterov = Transforms.trace(0.5, true);
        var hs = heavy.init(LAYOUT, new double[6]);
        var ns = nesterov.init(LAYOUT, new double[6]);
        double[] g = {1, 1, 1, 1, 1, 1};
        assertThat(apply(heavy, hs, g, g)[0]).isEqualTo(1); // buffer starts at g
        assertThat(apply(heavy, hs, g, g)[0]).isEqualTo(1.5); // 1 + 0.5·1
        assertThat(apply(nesterov, ns, g, g)[0]).isEqualTo(1.5); // g + μ·buf, buf = g
        assertThat(apply(nesterov, ns, g, g)[0]).isEqualTo(1 + 0.5 * 1.5);
    }

    @Test
    void applyIfFiniteSkipsNonFiniteStepsWithoutTouchingTheInnerState() {
        GradientTransformation guarded = Transforms.applyIfFinite(new Adam(), 2);
        GradientTransformation plain = new Adam();
        var gs = guarded.init(LAYOUT, new double[6]);
        var ps = plain.init(LAYOUT, new double[6]);
        double[] w = new double[6];
        assertThat(apply(guarded, gs, w, Double.NaN, 1, 1, 1, 1, 1)).containsOnly(0.0);
        // the first finite step is Adam's first step: the skipped one left no trace in m, v or the count
        assertThat(apply(guarded, gs, w, 0.3, 1, 2, 3, 4, 5)).containsExactly(apply(plain, ps, w, 0.3, 1, 2, 3, 4, 5));
        assertThat(apply(guarded, gs, w, Double.NaN, 1, 1, 1, 1, 1)).containsOnly(0.0);
        assertThat(apply(guarded, gs, w, Double.NaN, 1, 1, 1, 1, 1)).containsOnly(0.0);
        // a third non-finite step in a row goes through, so a run that cannot recover ends NON_FINITE
        assertThat(apply(guarded, gs, w, Double.NaN, 1, 1, 1, 1, 1)[0]).isNaN();
    }

    @Test
    void multiStepsAppliesTheMeanEveryKSteps() {
        GradientTransformation acc = Transforms.multiSteps(new Adam(), 3);
        GradientTransformation plain = new Adam();
        var as = acc.init(LAYOUT, new double[6]);
        var ps = plain.init(LAYOUT, new double[6]);
        double[] w = new double[6];
        assertThat(apply(acc, as, w, 1, 2, 3, 4, 5, 6)).containsOnly(0.0);
        assertThat(apply(acc, as, w, 3, 2, 1, 0, -1, -2)).containsOnly(0.0);
        double[] u = apply(acc, as, w, 2, 2, 2, 2, 2, 2);
        double[] expected = apply(plain, ps, w, 2, 2, 2, 2, 2, 2);
        for (int i = 0; i < 6; i++) {
            assertThat(u[i]).isCloseTo(expected[i], offset(1e-15));
        }
        assertThat(as.doublesPerParameter()).isEqualTo(3);
    }

    @Test
    void injectedLearningRateTakesEffectFromTheNextUpdate() {
        InjectedHyperparameter lr = new InjectedHyperparameter("learning rate", 0.1);
        GradientTransformation t = Transforms.scaleByLearningRate(lr);
        var s = t.init(LAYOUT, new double[6]);
        assertThat(apply(t, s, new double[6], 1, 0, 0, 0, 0, 0)[0]).isEqualTo(-0.1);
        lr.set(0.01);
        assertThat(apply(t, s, new double[6], 1, 0, 0, 0, 0, 0)[0]).isEqualTo(-0.01);
        assertThatThrownBy(() -> lr.set(Double.NaN)).hasMessageContaining("learning rate");
    }

    @Test
    void statesReportTheirMemory() {
        assertThat(new Adam().init(LAYOUT, new double[6]).doublesPerParameter()).isEqualTo(2);
        assertThat(new Lion().init(LAYOUT, new double[6]).doublesPerParameter()).isEqualTo(1);
        GradientTransformation half = Transforms.partition(x -> x.matrix() ? "lion" : "adam", Map.of("lion", new Lion(), "adam", new Adam()));
        // 4 elements with one buffer, 2 with two
        assertThat(half.init(LAYOUT, new double[6]).doublesPerParameter()).isCloseTo(8.0 / 6, offset(1e-15));
    }

    @Test
    void scheduleFreeExposesItsEvaluationPointThroughChainsAndPartitions() {
        GradientTransformation t = Transforms.partition(x -> x.matrix() ? "sf" : "sgd",
                Map.of("sf", ScheduleFree.sgd(Schedules.constant(0.1), 0), "sgd", Transforms.scale(-0.1)));
        GradientTransformation outer = chain(Transforms.clipByGlobalNorm(100), t);
        assertThat(outer.hasEvaluationPoint()).isTrue();
        double[] w = {1, 1, 1, 1, 1, 1};
        var s = outer.init(LAYOUT, w);
        double[] u = apply(outer, s, w, 1, 1, 1, 1, 1, 1);
        for (int i = 0; i < 6; i++) {
            w[i] += u[i];
        }
        double[] x = new double[6];
        outer.evaluationPoint(s, w, x);
        // first step: z = 1 − 0.1, c = 1 so x = z; y = 0.1·z + 0.9·x = z as well
        assertThat(x[0]).isCloseTo(0.9, offset(1e-15));
        assertThat(w[0]).isCloseTo(0.9, offset(1e-15));
        // the SGD tensors have no evaluation point of their own: x is their parameters
        assertThat(x[4]).isEqualTo(w[4]);
        assertThatThrownBy(() -> chain(ScheduleFree.sgd(c -> 0.1, 0), ScheduleFree.adamw(c -> 0.1, 0))).hasMessageContaining("at most one");
    }

    @Test
    void muonRejectsVectorsAndOrthogonalises() {
        assertThatThrownBy(() -> new Muon().init(LAYOUT, new double[6])).hasMessageContaining("bias");
        ParameterLayout m = ParameterLayout.builder().matrix("w", 3, 5, Tensor.Role.HIDDEN).build();
        GradientTransformation muon = new Muon(0, false, 5, 1e-7);
        double[] g = {1, 2, 0, -1, 3, 0, 1, 1, 2, -2, 4, 0, 1, 0, 1};
        double[] u = g.clone();
        muon.update(u, muon.init(m, new double[15]), new double[15], NONE);
        // rows are nearly orthonormal: the quintic iteration puts singular values in about [0.7, 1.2]
        for (int r = 0; r < 3; r++) {
            double norm = 0;
            for (int c = 0; c < 5; c++) {
                norm += u[r * 5 + c] * u[r * 5 + c];
            }
            assertThat(Math.sqrt(norm)).isBetween(0.6, 1.3);
        }
    }
}
