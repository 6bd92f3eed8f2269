package io.fixpoint.bench.fixedpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fixpoint.problem.RootProblem;
import io.fixpoint.root.PowellHybrid;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.problem.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedPointBenchTest {

    @Test
    void everyMapWithAKnownFixedPointIsSolvedByAndersonInFewerEvaluationsThanPicard() {
        Driver d = Driver.builder().tolerance(1e-10).maxIterations(20_000).build();
        for (FixedPointCase c : FixedPointMaps.withFixedPoints()) {
            Solution a = d.solve(new Anderson(), c.map(), c.start().clone());
            Solution p = d.solve(new Picard(), c.map(), c.start().clone());
            assertThat(a.status()).as(c.name()).isEqualTo(Status.CONVERGED);
            assertThat(p.status()).as(c.name()).isEqualTo(Status.CONVERGED);
            assertThat(a.evaluations().get(Evaluation.MAP)).as(c.name()).isLessThan(p.evaluations().get(Evaluation.MAP));
            if (c.fixedPoint() != null) {
                for (int i = 0; i < c.fixedPoint().length; i++) {
                    assertThat(a.x()[i]).as(c.name()).isCloseTo(c.fixedPoint()[i], org.assertj.core.api.Assertions.within(1e-9));
                }
            }
        }
    }

    @Test
    void mapsWithoutFixedPointsAreDetectedWithTheirDisplacement() {
        Driver d = Driver.builder().tolerance(1e-10).maxIterations(10_000).build();
        for (FixedPointCase c : FixedPointMaps.withoutFixedPoints()) {
            for (String solver : List.of("picard", "halpern")) {
                Solution s = d.solve(io.fixpoint.catalog.Catalog.builtIn().fixedPoint(solver).create(), c.map(), c.start().clone());
                assertThat(s.status()).as(c.name() + " " + s).isEqualTo(Status.NO_FIXED_POINT);
                double[] v = (double[]) s.details().get("displacement");
                assertThat(io.fixpoint.linalg.Vectors.distance(v, c.displacement())).as(c.name() + " " + solver).isLessThan(1e-3);
            }
        }
    }

    @Test
    void theAnchoredExtrapolatedEstimateImprovesFasterThanOneOverK() {
        DetectionRates.Row halpern = DetectionRates.measure(List.of(FixedPointMaps.disjointDiscs())).get(1);
        assertThat(halpern.method()).isEqualTo("halpern");
        double[] e = halpern.extrapolatedErrors();
        // k grows 4× per checkpoint: 1/k would shrink the error 4×, 1/k² 16×.
        assertThat(e[5] / e[3]).isLessThan(1.0 / 64);
        assertThat(halpern.residualErrors()[5] / halpern.residualErrors()[3]).isGreaterThan(1.0 / 32);
    }

    @Test
    void hybridSolvesAtLeastAsManyMghSystemsAsScipyHybr() throws Exception {
        Map<String, Integer> dims = new LinkedHashMap<>();
        RootSystems.mghSystems().forEach(c -> dims.put(c.name(), c.dimension()));
        ScipyFixedPoint peer;
        try {
            peer = ScipyFixedPoint.run(dims, Map.of(), 1, List.of("hybr"));
        } catch (ScipyFixedPoint.Unavailable e) {
            assumeThat(e.getMessage()).as("SciPy peer unavailable").isNull();
            return;
        }
        long scipySolved = peer.results().stream().filter(r -> r.fnorm() <= FixedPointBench.ROOT_SOLVED).count();
        long oursSolved = 0;
        Driver d = Driver.builder().tolerance(1e-10).maxIterations(2000).build();
        for (RootCase c : RootSystems.mghSystems()) {
            double[] f = new double[c.dimension()];
            c.problem().residuals(c.start(), f);
            ScipyFixedPoint.StartValue sv = peer.startValues().get("system:" + c.name());
            assertThat(sv.value()).as(c.name()).containsExactly(f, org.assertj.core.api.Assertions.within(1e-12 * (1 + io.fixpoint.linalg.Vectors.normInf(f))));
            Solution s = d.solve(new PowellHybrid(), c.problem(), c.start().clone());
            if (s.optimality() <= FixedPointBench.ROOT_SOLVED) {
                oursSolved++;
            }
        }
        assertThat(peer.results()).hasSize(RootSystems.mghSystems().size());
        assertThat(oursSolved).isGreaterThanOrEqualTo(scipySolved);
    }

    @Test
    void rootSuiteSystemsAreSquareWithAnalyticJacobians() {
        for (RootCase c : RootSystems.mghSystems()) {
            RootProblem p = c.problem();
            assertThat(p.hasJacobian()).isTrue();
            assertThat(c.start()).hasSize(p.dimension());
        }
    }
}
