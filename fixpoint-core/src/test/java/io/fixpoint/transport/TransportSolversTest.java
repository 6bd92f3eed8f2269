package io.fixpoint.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransportSolversTest {
    static final List<String> METHODS = Catalog.builtIn().names(ProblemKind.TRANSPORT);

    static Solution solve(String method, TransportProblem p, double tol) {
        return Driver.builder().tolerance(tol).maxIterations(200_000).build()
                .solve(Catalog.builtIn().transport(method).create(), p, new double[p.dimension()]);
    }

    static Stream<Arguments> convergedFixturesAndMethods() {
        return PotFixture.NAMES.stream().map(PotFixture::load).filter(PotFixture::converged)
                .flatMap(f -> METHODS.stream().map(m -> Arguments.of(f.name(), m)));
    }

    /** POT's plan and ⟨P, M⟩ (ot.sinkhorn / ot.sinkhorn2, log domain, converged to 1e-14) reproduced to 1e-10. */
    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("convergedFixturesAndMethods")
    void everyMethodReproducesPot(String fixture, String method) {
        PotFixture f = PotFixture.load(fixture);
        TransportProblem p = f.problem();
        Solution s = solve(method, p, 1e-13);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        double[] plan = p.plan(s.x());
        assertThat(plan).hasSize(f.n() * f.m());
        for (int k = 0; k < plan.length; k++) {
            assertThat(plan[k]).as("plan entry %d", k).isCloseTo(f.plan()[k], within(1e-10));
        }
        assertThat(p.transportCost(s.x())).isCloseTo(f.cost(), within(1e-10 * f.cost()));
    }

    /**
     * POT's log-domain Sinkhorn is still at 3·10⁻⁹ after 10⁶ iterations here — Sinkhorn's own rate is that slow
     * (ours too: not converged after 5000) — while SNS converges to 10⁻¹² and agrees with POT to POT's accuracy.
     */
    @Test
    void whereSinkhornCrawlsNewtonConverges() {
        PotFixture f = PotFixture.load("uniform-30x30-reg0.003");
        assertThat(f.converged()).isFalse();
        TransportProblem p = f.problem();
        Solution sinkhorn = Driver.builder().tolerance(1e-12).maxIterations(5000).build().solve(new SinkhornLog(), p, new double[p.dimension()]);
        assertThat(sinkhorn.status()).isEqualTo(Status.MAX_ITERATIONS);
        Solution s = solve("sns", p, 1e-12);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.iterations()).isLessThan(200);
        double[] plan = p.plan(s.x());
        for (int k = 0; k < plan.length; k++) {
            assertThat(plan[k]).isCloseTo(f.plan()[k], within(10 * f.potError()));
        }
    }

    /** The certificate is recomputed from the returned potentials, in one independent pass, and agrees. */
    @ParameterizedTest
    @MethodSource("methods")
    void reportedMarginalErrorIsTheErrorOfTheReturnedPlan(String method) {
        TransportProblem p = clouds(25, 30, 0.02, 11);
        Solution s = solve(method, p, 1e-9);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        double recomputed = p.marginalError(s.x());
        assertThat(s.optimality()).isCloseTo(recomputed, within(1e-13 + 1e-6 * recomputed));
        assertThat(recomputed).isLessThanOrEqualTo(1e-9 * (1 + 1e-6));
        assertThat(s.details()).containsKey("marginalError");
    }

    static Stream<String> methods() {
        return METHODS.stream();
    }

    @Test
    void scalingSinkhornBreaksDownHonestlyAtTinyRegularisationWhereTheLogDomainConverges() {
        // Two clouds a unit apart: every kernel entry e^(−M/ε) underflows at ε = 10⁻³.
        TransportProblem p = shifted(12, 1e-3);
        Solution scaling = solve("sinkhorn", p, 1e-9);
        assertThat(scaling.status()).isEqualTo(Status.NON_FINITE);
        assertThat(scaling.message()).contains("sinkhorn-log");
        assertThat(java.util.Arrays.stream(scaling.x()).allMatch(Double::isFinite)).isTrue();
        assertThat(scaling.optimality()).isFinite();
        // POT 0.8.2's ot.sinkhorn(method='sinkhorn_log', stopThr=1e-9) on the same clouds; its 'sinkhorn' returns an
        // all-zero plan here and its 'sinkhorn_stabilized' and 'greenkhorn' a non-finite one.
        double potLogCost = 1.000387149901635;
        for (String method : List.of("sinkhorn-log", "sinkhorn-eps-scaling", "sinkhorn-anderson", "sns", "greenkhorn")) {
            Solution s = solve(method, p, 1e-9);
            assertThat(s.status()).as(method + ": " + s).isEqualTo(Status.CONVERGED);
            assertThat(p.transportCost(s.x())).as(method).isCloseTo(potLogCost, within(1e-8));
        }
    }

    @Test
    void underflowedKernelEntriesThatCannotCarryMassAreAccepted() {
        // The far corners of the kernel underflow (M/ε up to 900) but the scalings stay moderate: the plan loses nothing.
        TransportProblem p = line(20, 1e-3);
        assertThat(p.kernelUnderflows()).isPositive();
        Solution scaling = solve("sinkhorn", p, 1e-10);
        Solution log = solve("sinkhorn-log", p, 1e-10);
        assertThat(scaling.status()).as(scaling.toString()).isEqualTo(Status.CONVERGED);
        assertThat(p.transportCost(scaling.x())).isCloseTo(p.transportCost(log.x()), within(1e-11));
    }

    @Test
    void logDomainSinkhornCostsTwoPassesPerIteration() {
        Solution s = solve("sinkhorn-log", clouds(10, 12, 0.1, 1), 1e-12);
        assertThat(s.evaluations().get(Evaluation.MATRIX_PASS)).isEqualTo(2L * (s.iterations() + 1));
        Solution scaling = solve("sinkhorn", clouds(10, 12, 0.1, 1), 1e-12);
        assertThat(scaling.iterations()).isEqualTo(s.iterations());
        assertThat(scaling.evaluations().get(Evaluation.MATRIX_PASS)).isEqualTo(2L * (s.iterations() + 1) + 1);
    }

    @Test
    void acceleratedMethodsNeedFarFewerIterationsAtSmallRegularisation() {
        TransportProblem p = clouds(60, 60, 2e-3, 5);
        Solution sinkhorn = solve("sinkhorn-log", p, 1e-9);
        Solution sns = solve("sns", p, 1e-9);
        Solution anderson = solve("sinkhorn-anderson", p, 1e-9);
        assertThat(sns.status()).isEqualTo(Status.CONVERGED);
        assertThat(sns.iterations()).as(sns + " vs " + sinkhorn).isLessThan(sinkhorn.iterations() / 10);
        assertThat((int) sns.details().get("newtonIterations")).isPositive();
        assertThat(anderson.evaluations().get(Evaluation.MATRIX_PASS)).isLessThan(sinkhorn.evaluations().get(Evaluation.MATRIX_PASS) / 2);
    }

    /** Sinkhorn's iteration as a map serves the fixed-point solvers; their fixed point is the same plan. */
    @ParameterizedTest
    @ValueSource(strings = {"picard", "halpern-restart", "anderson"})
    void theSinkhornMapServesEveryFixedPointSolver(String name) {
        TransportProblem p = clouds(15, 20, 0.05, 4);
        SinkhornMap map = SinkhornMap.of(p);
        Solution fixed = Driver.builder().tolerance(1e-13).maxIterations(20_000).build()
                .solve(io.fixpoint.catalog.Catalog.builtIn().fixedPoint(name).create(), map, new double[15]);
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(Status.CONVERGED);
        double[] x = map.dual(fixed.x());
        assertThat(p.marginalError(x)).isLessThan(1e-10);
        Solution sinkhorn = solve("sinkhorn-log", p, 1e-13);
        assertThat(p.transportCost(x)).isCloseTo(p.transportCost(sinkhorn.x()), within(1e-12));
    }

    @Test
    void epsilonScalingEndsAtTheTargetRegularisation() {
        Solution s = solve("sinkhorn-eps-scaling", line(20, 1e-3), 1e-9);
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat((double) s.details().get("finalRegularization")).isEqualTo(1e-3);
        assertThat((int) s.details().get("stages")).isGreaterThan(5);
    }

    @Test
    void zeroWeightsAreLeftOutAndGetEmptyRowsAndColumns() {
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0, 0.5}, new double[] {0, 1},
                new double[][] {{1, 2}, {3, 4}, {5, 6}}, 0.5);
        assertThat(p.dimension()).isEqualTo(3);
        Solution s = solve("sinkhorn-log", p, 1e-12);
        double[] plan = p.plan(s.x());
        assertThat(plan).containsExactly(new double[] {0, 0.5, 0, 0, 0, 0.5}, within(1e-12));
        assertThat(p.transportCost(s.x())).isCloseTo(0.5 * 2 + 0.5 * 6, within(1e-11));
    }

    @Test
    void theSameStartGivesTheSameBits() {
        for (String method : METHODS) {
            Solution a = solve(method, clouds(15, 18, 0.05, 9), 1e-10);
            Solution b = solve(method, clouds(15, 18, 0.05, 9), 1e-10);
            assertThat(a.x()).as(method).containsExactly(b.x());
        }
    }

    @Test
    void badInputIsRejectedWithTheOffendingThingNamed() {
        double[][] cost = {{0, 1}, {1, 0}};
        assertThatThrownBy(() -> TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.6}, cost, 0.1))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("mass");
        assertThatThrownBy(() -> TransportProblem.of(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}, cost, 0.1))
                .hasMessageContaining("a[1]").hasMessageContaining("negative");
        assertThatThrownBy(() -> TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new double[][] {{0, Double.NaN}, {1, 0}}, 0.1))
                .hasMessageContaining("M[0][1]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, cost, 0))
                .hasMessageContaining("regularization");
        assertThatThrownBy(() -> TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new double[][] {{0, 1}}, 0.1))
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> TransportProblem.ofPoints(new double[][] {{0, 0}, {1}}, new double[] {0.5, 0.5},
                new double[][] {{0, 0}}, new double[] {1}, 0.1)).hasMessageContaining("source point 1 has 1 coordinates");
        assertThatThrownBy(() -> Catalog.builtIn().transport("simplex")).hasMessageContaining("unknown transport method 'simplex'")
                .hasMessageContaining("sinkhorn-log");
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new EpsilonScaling(1, 1e-3, 10)).hasMessageContaining("decay");
        assertThatThrownBy(() -> new SinkhornNewtonSparse(-1, 1e-6, 50)).hasMessageContaining("sinkhornIterations");
        assertThatThrownBy(() -> new SinkhornNewtonSparse(5, 1, 50)).hasMessageContaining("droppedMass");
        assertThatThrownBy(() -> new SinkhornNewtonSparse(5, 1e-6, 0)).hasMessageContaining("entriesPerRow");
        assertThatThrownBy(() -> new AndersonSinkhorn(null)).hasMessageContaining("anderson");
    }

    /** Uniform clouds of n and m points in the unit square. */
    static TransportProblem clouds(int n, int m, double eps, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[m][2];
        for (double[] p : x) {
            p[0] = r.nextDouble();
            p[1] = r.nextDouble();
        }
        for (double[] p : y) {
            p[0] = r.nextDouble();
            p[1] = r.nextDouble();
        }
        return TransportProblem.ofPoints(x, uniform(n), y, uniform(m), eps);
    }

    /** n evenly spaced points on [0, 1) and the same shifted by half a spacing. */
    static TransportProblem line(int n, double eps) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = (double) i / n;
            y[i][0] = (i + 0.5) / n;
        }
        return TransportProblem.ofPoints(x, uniform(n), y, uniform(n), eps);
    }

    /** n points on [0, 0.1] and the same points shifted by 1. */
    static TransportProblem shifted(int n, double eps) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 0.1 * i / n;
            y[i][0] = 1 + 0.1 * ((i * 7) % n) / n;
        }
        return TransportProblem.ofPoints(x, uniform(n), y, uniform(n), eps);
    }

    static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }
}
