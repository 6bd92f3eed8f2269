package io.fixpoint.bench.suite.mgh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue against the paper: names, sizes, starts, and the published minima. */
class MghTest {

    /** Name, n and m of the 35 problems, in the paper's order, at the sizes used here. */
    private static final Object[][] SIZES = {
        {"rosenbrock", 2, 2}, {"freudenstein-roth", 2, 2}, {"powell-badly-scaled", 2, 2},
        {"brown-badly-scaled", 2, 3}, {"beale", 2, 3}, {"jennrich-sampson", 2, 10}, {"helical-valley", 3, 3},
        {"bard", 3, 15}, {"gaussian", 3, 15}, {"meyer", 3, 16}, {"gulf", 3, 99}, {"box-3d", 3, 10},
        {"powell-singular", 4, 4}, {"wood", 4, 6}, {"kowalik-osborne", 4, 11}, {"brown-dennis", 4, 20},
        {"osborne-1", 5, 33}, {"biggs-exp6", 6, 13}, {"osborne-2", 11, 65}, {"watson", 6, 31},
        {"extended-rosenbrock", 10, 10}, {"extended-powell", 12, 12}, {"penalty-1", 10, 11},
        {"penalty-2", 10, 20}, {"variably-dimensioned", 10, 12}, {"trigonometric", 10, 10},
        {"brown-almost-linear", 10, 10}, {"discrete-boundary-value", 10, 10},
        {"discrete-integral-equation", 10, 10}, {"broyden-tridiagonal", 10, 10}, {"broyden-banded", 10, 10},
        {"linear-full-rank", 10, 20}, {"linear-rank-1", 10, 20}, {"linear-rank-1-zero", 10, 20},
        {"chebyquad", 8, 8}};

    /** The paper's six-digit minima, which it truncates rather than rounds. */
    private static final Map<String, Double> PUBLISHED = Map.ofEntries(
        Map.entry("jennrich-sampson", 124.362), Map.entry("bard", 8.21487e-3), Map.entry("gaussian", 1.12793e-8),
        Map.entry("meyer", 87.9458), Map.entry("kowalik-osborne", 3.07505e-4), Map.entry("brown-dennis", 85822.2),
        Map.entry("osborne-1", 5.46489e-5), Map.entry("osborne-2", 4.01377e-2), Map.entry("watson", 2.28767e-3),
        Map.entry("penalty-1", 7.08765e-5), Map.entry("penalty-2", 2.93660e-4), Map.entry("chebyquad", 3.51687e-3));

    static Stream<Mgh.Entry> entries() {
        return Mgh.problems().stream();
    }

    @Test
    void theThirtyFiveProblemsInThePapersOrderWithTheirSizes() {
        List<Mgh.Entry> entries = Mgh.problems();
        assertThat(entries).hasSize(SIZES.length);
        for (int k = 0; k < SIZES.length; k++) {
            Mgh.Entry e = entries.get(k);
            assertThat(e.number()).isEqualTo(k + 1);
            assertThat(e.name()).isEqualTo(SIZES[k][0]);
            assertThat(e.function().n()).as(e.name()).isEqualTo(SIZES[k][1]);
            assertThat(e.function().m()).as(e.name()).isEqualTo(SIZES[k][2]);
            assertThat(e.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(e.reference()).contains("ACM TOMS 7(1)").contains("(" + (k + 1) + ")");
        }
        assertThat(entries.stream().map(Mgh.Entry::name).distinct()).hasSize(entries.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void startAndMinimiserHaveTheProblemsDimension(Mgh.Entry e) {
        SumOfSquares f = e.function();
        double[] x0 = f.start();
        assertThat(x0).hasSize(f.n());
        double first = x0[0];
        x0[0] = Double.NaN;
        assertThat(f.start()[0]).as("start() hands out a copy").isEqualTo(first);
        assertThat(f.asObjective().dimension()).isEqualTo(f.n());
        assertThat(e.minimizer()).as("every problem here records a minimiser").hasSize(f.n());
    }

    /** f(x0) from the paper's formulas by hand, or as tabulated with the problems (six digits). */
    @Test
    void valuesAtTheStandardStarts() {
        Map<String, Double> f0 = new HashMap<>();
        Mgh.problems().forEach(e -> f0.put(e.name(), e.function().value(e.function().start())));
        // by hand
        assertThat(f0.get("rosenbrock")).isCloseTo(24.2, within(1e-12));
        assertThat(f0.get("freudenstein-roth")).isCloseTo(400.5, within(1e-12));
        assertThat(f0.get("brown-badly-scaled")).isCloseTo(999998000001.0 + 0.999996000004 + 1, within(1e-3));
        assertThat(f0.get("beale")).isCloseTo(14.203125, within(1e-12));
        assertThat(f0.get("helical-valley")).isCloseTo(2500, within(1e-9));
        assertThat(f0.get("powell-singular")).isCloseTo(215, within(1e-12));
        assertThat(f0.get("wood")).isCloseTo(19192, within(1e-9));
        assertThat(f0.get("watson")).isCloseTo(30, within(1e-12));
        assertThat(f0.get("extended-rosenbrock")).isCloseTo(5 * 24.2, within(1e-9));
        assertThat(f0.get("extended-powell")).isCloseTo(3 * 215, within(1e-9));
        assertThat(f0.get("linear-full-rank")).isCloseTo(10 * 1 + 10 * 4, within(1e-12)); // r_i = −1, then −2
        // tabulated, six digits
        Map<String, Double> published = Map.of(
            "bard", 41.6817, "gaussian", 3.88811e-6, "meyer", 1.69361e9, "jennrich-sampson", 4171.31,
            "kowalik-osborne", 5.31317e-3, "brown-dennis", 7.92669e6, "osborne-1", 0.879026,
            "osborne-2", 2.09342, "biggs-exp6", 0.779070, "chebyquad", 3.86177e-2);
        published.forEach((name, v) -> assertThat(f0.get(name)).as(name).isCloseTo(v, within(5e-6 * v)));
        assertThat(new Penalty1(4).value(new Penalty1(4).start())).isCloseTo(885.063, within(1e-3));
        assertThat(new Penalty2(4).value(new Penalty2(4).start())).isCloseTo(2.34001, within(1e-5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theMinimiserAttainsTheKnownMinimumAndIsStationary(Mgh.Entry e) {
        assertAttains(e.function(), e.minimizer(), e.knownMinimum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void refinedMinimaAgreeWithThePublishedDigits(Mgh.Entry e) {
        Double published = PUBLISHED.get(e.name());
        if (published == null) {
            assertThat(e.reference()).doesNotContain("refined");
            return;
        }
        assertThat(e.reference()).contains("refined");
        assertTruncatesTo(e.knownMinimum(), published);
    }

    /** The other sizes the paper gives minima for: the same checks, on data kept here. */
    static Stream<Arguments> otherSizes() {
        return Stream.of(
            Arguments.of(new Penalty1(4), 2.2499775008999372e-5, 2.24997e-5, filled(4, 0.25000749958753787)),
            Arguments.of(new Penalty2(4), 9.3762930073554427e-6, 9.37629e-6, new double[] {
                0.1999993333503804, 0.19131670099277245, 0.48010148533262316, 0.51884540439020059}),
            Arguments.of(new Watson(9), 1.3997601380985783e-6, 1.39976e-6, new double[] {
                -1.5307036521388838e-5, 0.99978970393194836, 0.014763963693556913, 0.14634232829936763,
                1.0008211030046702, -2.6177311405189014, 4.1044031644786966, -3.1436122785563347,
                1.052626408010139}),
            Arguments.of(new BiggsExp6(), 5.65565e-3, 5.65565e-3, null));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("otherSizes")
    void otherPublishedMinima(SumOfSquares f, double refined, double published, double[] xStar) {
        assertTruncatesTo(refined, published);
        if (xStar != null) {
            assertAttains(f, xStar, refined);
        }
    }

    @Test
    void linearProblemsHaveTheirClosedFormMinima() {
        // f* = m − n, m(m − 1)/(2(2m + 1)) and (m² + 3m − 6)/(2(2m − 3)) for m = 20, n = 10
        Map<String, Double> fStar = new HashMap<>();
        Mgh.problems().forEach(e -> fStar.put(e.name(), e.knownMinimum()));
        assertThat(fStar.get("linear-full-rank")).isEqualTo(10.0);
        assertThat(fStar.get("linear-rank-1")).isCloseTo(380.0 / 82, within(1e-15));
        assertThat(fStar.get("linear-rank-1-zero")).isCloseTo(454.0 / 74, within(1e-15));
    }

    @Test
    void equationSystemsAreSquareAndHaveRoots() {
        Map<String, double[]> roots = new HashMap<>();
        Mgh.problems().forEach(e -> {
            if (e.knownMinimum() == 0) {
                roots.put(e.function().toString(), e.minimizer());
            }
        });
        // Chebyshev's quadrature nodes on [0, 1] for n = 9, computed in 40-digit arithmetic.
        roots.put("chebyquad (n=9, m=9)", new double[] {
            0.044205346135782763, 0.19949067230988096, 0.23561910847106, 0.41604690789259803, 0.5,
            0.58395309210740197, 0.76438089152894, 0.80050932769011904, 0.95579465386421724});
        List<SumOfSquares> systems = Mgh.equationSystems();
        assertThat(systems).extracting(SumOfSquares::name).contains(
            "rosenbrock", "powell-singular", "helical-valley", "powell-badly-scaled", "trigonometric",
            "broyden-tridiagonal", "broyden-banded", "discrete-boundary-value", "discrete-integral-equation",
            "brown-almost-linear", "extended-rosenbrock", "extended-powell", "chebyquad");
        for (SumOfSquares f : systems) {
            assertThat(f.m()).as(f.name()).isEqualTo(f.n());
            double[] root = roots.get(f.toString());
            assertThat(root).as("a root of %s", f).isNotNull();
            double[] r = new double[f.m()];
            f.residuals(root, r);
            for (double v : r) {
                assertThat(Math.abs(v)).as(f.name()).isLessThan(1e-13);
            }
        }
    }

    @Test
    void sizesTheFormulasDoNotAllowAreRejected() {
        assertThatThrownBy(() -> new ExtendedRosenbrock(3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("even");
        assertThatThrownBy(() -> new ExtendedPowell(6)).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> new LinearFullRank(10, 5)).hasMessageContaining("n=10, m=5");
        assertThatThrownBy(() -> new Gulf(101)).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> new Watson(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chebyquad(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helicalValleyAngleFollowsThePapersBranches() {
        assertThat(HelicalValley.theta(1, 1)).isCloseTo(0.125, within(1e-15));
        assertThat(HelicalValley.theta(-1, 1)).isCloseTo(0.375, within(1e-15));
        assertThat(HelicalValley.theta(-1, -1)).isCloseTo(0.625, within(1e-15));
        assertThat(HelicalValley.theta(0, 2)).isEqualTo(0.25);
    }

    /** f(x*) = f*, ∇f(x*) ≈ 0 relative to ∇f(x0), and ∇²f(x*) positive semidefinite. */
    static void assertAttains(SumOfSquares f, double[] xStar, double fStar) {
        Objective obj = f.asObjective();
        int n = f.n();
        double[] g = new double[n];
        double value = obj.valueAndGradient(xStar, g);
        if (fStar == 0) {
            assertThat(value).as(f.name()).isLessThan(1e-24);
        } else {
            // f* is exact for the data as stored; evaluating Σ r_i² in double costs up to ~1e-12.
            assertThat(value).as(f.name()).isCloseTo(fStar, within(1e-11 * fStar));
        }
        double[] g0 = new double[n];
        obj.gradient(f.start(), g0);
        assertThat(norm(g)).as("|∇f(x*)| of %s", f).isLessThanOrEqualTo(1e-9 * norm(g0));

        double[] h = new double[n * n];
        obj.hessian(xStar, h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(new DMatrixRMaj(n, n, true, h))).isTrue();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 0; k < n; k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            min = Math.min(min, lambda);
            max = Math.max(max, Math.abs(lambda));
        }
        assertThat(min).as("smallest Hessian eigenvalue of %s at x*", f).isGreaterThanOrEqualTo(-1e-9 * max);
    }

    /** The paper prints six significant digits, truncated: published ≤ f* < published + one unit. */
    static void assertTruncatesTo(double value, double published) {
        double unit = Math.pow(10, Math.floor(Math.log10(published)) - 5);
        assertThat(value).isGreaterThanOrEqualTo(published).isLessThan(published + unit);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
