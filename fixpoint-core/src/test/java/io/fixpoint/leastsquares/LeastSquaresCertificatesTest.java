package io.fixpoint.leastsquares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.expr.Expression;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.problem.LeastSquaresProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a least-squares CONVERGED claims, on data with SciPy's answers frozen beside it (resources/leastsquares). */
class LeastSquaresCertificatesTest {
    static final Path DIR = Path.of("src/test/resources/leastsquares");
    static final List<String> METHODS = List.of("lm", "lm-geodesic", "dogleg", "gauss-newton", "trf");

    /** The model a*exp(-k*x)+c on the 40 points of exponential-decay.csv. */
    static CurveFit exponentialDecay() {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve("exponential-decay.csv"));
            double[] x = new double[lines.size() - 1];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                String[] cells = lines.get(i + 1).split(",");
                x[i] = Double.parseDouble(cells[0]);
                y[i] = Double.parseDouble(cells[1]);
            }
            return CurveFit.of(Expression.parse("a*exp(-k*x)+c"), List.of("a", "k", "c"), "x", x, y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line "name v1 v2 …" of exponential-decay.reference. */
    static double[] reference(String name) {
        try {
            String line = Files.readAllLines(DIR.resolve("exponential-decay.reference")).stream().filter(l -> l.startsWith(name + " "))
                    .findFirst().orElseThrow();
            return Stream.of(line.substring(name.length()).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Solution fit(String method, LeastSquaresProblem p, double... x0) {
        SolverSpec<LeastSquaresProblem> spec = Catalog.builtIn().leastSquares(method);
        return spec.solve(p, x0);
    }

    static Stream<Arguments> farStarts() {
        return METHODS.stream().flatMap(m -> Stream.of(Arguments.of(m, 300.0), Arguments.of(m, 1000.0)));
    }

    /**
     * From k = 300 or 1000, exp(−k·x) vanishes at every x > 0 and J's column for k with it: the trust
     * region collapsed and the step test used to say CONVERGED after one iteration at the start (RSS 140
     * against 0.105, ‖Jᵀr‖∞ = 57). A solve either reaches a stationary point (SciPy's trf and dogbox stop at
     * RSS 48.6, where a and c fit the first point and the mean of the rest) or says it did not.
     */
    @ParameterizedTest
    @MethodSource("farStarts")
    void aCollapsedTrustRegionIsNotConvergence(String method, double k0) {
        CurveFit p = exponentialDecay();
        Solution s = fit(method, p, 1, k0, 0);
        FitStatistics stats = FitStatistics.at(p, s.x());
        if (s.converged()) {
            assertThat(s.optimality()).as(s.toString()).isLessThan(1e-6);
            assertThat(stats.rss()).as(s.toString()).isLessThanOrEqualTo(48.63);
        } else {
            assertThat(s.message()).as(s.toString()).contains("not stationary");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm", "lm-geodesic", "dogleg", "gauss-newton", "trf"})
    void reachesScipysOptimumAndNamesItsTest(String method) {
        CurveFit p = exponentialDecay();
        Solution s = fit(method, p, 1, 1, 0);
        assertThat(s.converged()).as(s.toString()).isTrue();
        assertThat(s.certified()).isTrue();
        assertThat(s.criterion()).isNotBlank();
        assertThat(s.details()).containsKey("gaussNewtonCorrection");
        double[] best = reference("optimum");
        for (int j = 0; j < 3; j++) {
            assertThat(s.x()[j]).isCloseTo(best[j], within(1e-9 * Math.abs(best[j])));
        }
        FitStatistics stats = FitStatistics.at(p, s.x());
        assertThat(stats.rss()).isCloseTo(reference("rss")[0], within(1e-12));
        double[] se = reference("standardErrors");
        for (int j = 0; j < 3; j++) {
            assertThat(stats.standardErrors()[j]).isCloseTo(se[j], within(1e-6 * se[j]));
        }
    }

    static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8};
    static final double[] Y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1};

    static FitStatistics fitted(String model, List<String> parameters, double... x0) {
        CurveFit p = CurveFit.of(Expression.parse(model), parameters, "x", X, Y);
        Solution s = fit("lm", p, x0);
        assertThat(s.status()).as(s.toString()).isNotIn(io.fixpoint.solve.Status.NON_FINITE, io.fixpoint.solve.Status.DIVERGED);
        return FitStatistics.at(p, s.x());
    }

    /** b₁·b₂·x: only the product is determined (rank 1); the pseudo-inverse used to give b₁ ± 0.011, b₂ ± 0.0004. */
    @org.junit.jupiter.api.Test
    void parametersTheDataDoNotDetermineHaveNoStandardError() {
        FitStatistics product = fitted("b1*b2*x", List.of("b1", "b2"), 1, 1);
        assertThat(product.rank()).isEqualTo(1);
        assertThat(product.rankDeficient()).isTrue();
        assertThat(product.standardErrors()).containsOnly(Double.NaN);
        assertThat(product.covariance()).containsOnly(Double.NaN);
        assertThat(product.determined(0)).isFalse();

        FitStatistics ignored = fitted("b1*0 + x", List.of("b1"), 1);
        assertThat(ignored.rank()).isZero();
        assertThat(ignored.standardErrors()[0]).as("SE(b1) used to be 0").isNaN();

        // a and b are determined, c is not: a's and b's errors are the straight line's, c's is NaN
        FitStatistics partly = fitted("a + b*x + c*0", List.of("a", "b", "c"), 0, 0, 0);
        FitStatistics line = fitted("a + b*x", List.of("a", "b"), 0, 0);
        assertThat(partly.rank()).isEqualTo(2);
        assertThat(partly.determined(0)).isTrue();
        assertThat(partly.determined(1)).isTrue();
        assertThat(partly.standardErrors()[2]).isNaN();
        assertThat(partly.covariance()[0 * 3 + 2]).isNaN();
        // one fewer degree of freedom than the line: s² differs by 6/5
        assertThat(partly.standardErrors()[1]).isCloseTo(line.standardErrors()[1] * Math.sqrt(6.0 / 5), within(1e-12));
    }

    @org.junit.jupiter.api.Test
    void aFitNeedsAtLeastAsManyObservationsAsParameters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CurveFit.of(Expression.parse("a + b*x"), List.of("a", "b"), "x",
                new double[] {1}, new double[] {2})).isInstanceOf(io.fixpoint.problem.InvalidProblemException.class)
                .hasMessageContaining("2 parameters but only 1 observation");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FitStatistics.of(new double[] {1}, new double[] {1, 1}, 2))
                .isInstanceOf(io.fixpoint.problem.InvalidProblemException.class);
        // m = n: an exact fit, no residual variance, no standard errors
        FitStatistics exact = FitStatistics.of(new double[] {0, 0}, new double[] {1, 1, 1, 2}, 2);
        assertThat(exact.degreesOfFreedom()).isZero();
        assertThat(exact.rank()).isEqualTo(2);
        assertThat(exact.standardErrors()).containsOnly(Double.NaN);
    }
}
