package io.fixpoint.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.ranking.ComparisonData.Home;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers, agreement of every method, and honest certificates. */
class RankingTest {
    private static final double TOL = 1e-10;

    private static RankingFit fit(BradleyTerryModel m, SolverSpec<RankingProblem> method) {
        return Ranking.fit(m, method, method.defaults().override(TOL, null, 20_000, null), true);
    }

    private static RankingFit fit(BradleyTerryModel m, String method) {
        return fit(m, Comparisons.method(method));
    }

    /** Two items, 3 wins to 1: s_A − s_B = log 3 and Var = 1/(n·p·(1 − p)) with p = ¾. */
    @ParameterizedTest
    @MethodSource("io.fixpoint.ranking.Comparisons#methods")
    void twoItemsHaveTheClosedFormEstimateAndStandardError(SolverSpec<RankingProblem> method) {
        ComparisonData d = ComparisonData.builder().counts("A", "B", 3, 1, 0, Home.NEUTRAL).build();
        RankingFit f = fit(BradleyTerryModel.of(d), method);
        assertThat(f.status()).as(f.message()).isEqualTo(Status.CONVERGED);
        assertThat(f.scores()[0]).isCloseTo(Math.log(3) / 2, within(1e-10));
        assertThat(f.scores()[1]).isCloseTo(-Math.log(3) / 2, within(1e-10));
        double se = 0.5 * Math.sqrt(1 / (4 * 0.75 * 0.25));
        assertThat(f.standardErrors()[0]).isCloseTo(se, within(1e-10));
        assertThat(f.contrastStandardError(0, 1)).isCloseTo(2 * se, within(1e-10));
        assertThat(f.gradientNorm()).isLessThanOrEqualTo(TOL);
    }

    /**
     * A lopsided pairing, 10⁹ wins to 1, at its estimate d = s_A − s_B = log 10⁹: its information is
     * n·p·q = 10⁹/(10⁹ + 1). Written as n·(p − p²) it comes out 8·10⁻⁸ off; the Hessian keeps every digit.
     */
    @Test
    void aLopsidedPairingKeepsItsInformationToTheLastDigits() {
        ComparisonData d = ComparisonData.builder().counts("A", "B", 1e9, 1, 0, Home.NEUTRAL).build();
        double half = 0.5 * Math.log(1e9);
        double[] h = new double[4];
        BradleyTerryModel.of(d).objective().hessian(new double[] {half, -half}, h);
        double information = 1e9 / (1e9 + 1);
        assertThat(h[0] - 1).isCloseTo(information, within(1e-15));
        assertThat(1 - h[1]).isCloseTo(information, within(1e-15));
    }

    /** Davidson with two items: π_A/π_B = w_A/w_B and ν = t/√(w_A·w_B). */
    @Test
    void davidsonTwoItemsHaveTheClosedForm() {
        ComparisonData d = ComparisonData.builder().counts("A", "B", 6, 2, 3, Home.NEUTRAL).build();
        for (String method : List.of("newton", "newman", "zermelo")) {
            RankingFit f = fit(BradleyTerryModel.of(d, Ties.DAVIDSON, false, false), method);
            assertThat(f.status()).as(method + " " + f.message()).isEqualTo(Status.CONVERGED);
            assertThat(f.scores()[0] - f.scores()[1]).isCloseTo(Math.log(3), within(1e-9));
            assertThat(f.logTie()).isCloseTo(Math.log(3 / Math.sqrt(12)), within(1e-9));
        }
    }

    /** Home and away series between two items: h and s_A − s_B from the two log-odds. */
    @Test
    void homeAdvantageOfTwoItemsHasTheClosedForm() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 5, 2, 0, Home.FIRST)
                .counts("A", "B", 3, 4, 0, Home.SECOND)
                .build();
        double home = Math.log(5.0 / 2);
        double away = Math.log(4.0 / 3);
        for (String method : List.of("newton", "newman", "zermelo-anderson")) {
            RankingFit f = fit(BradleyTerryModel.of(d, Ties.HALF, true, false), method);
            assertThat(f.status()).as(method + " " + f.message()).isEqualTo(Status.CONVERGED);
            assertThat(f.homeAdvantage()).isCloseTo((home + away) / 2, within(1e-9));
            assertThat(f.scores()[0] - f.scores()[1]).isCloseTo((home - away) / 2, within(1e-9));
        }
    }

    /** Every method that applies reaches the same estimate, certified, on every model variant. */
    @Test
    void everyMethodAgreesOnEveryVariant() {
        ComparisonData data = Comparisons.random(10, 120, 1.2, 11);
        for (BradleyTerryModel m : Comparisons.variants(data)) {
            RankingFit reference = fit(m, "newton");
            assertThat(reference.status()).as(reference.message()).isEqualTo(Status.CONVERGED);
            for (SolverSpec<RankingProblem> method : applicable(m)) {
                RankingFit f = fit(m, method);
                String what = BradleyTerryModelTest.describe(m) + " " + method.name() + ": " + f.message();
                assertThat(f.status()).as(what).isEqualTo(Status.CONVERGED);
                assertThat(f.gradientNorm()).as(what).isLessThanOrEqualTo(TOL);
                for (int i = 0; i < f.scores().length; i++) {
                    assertThat(f.scores()[i]).as(what).isCloseTo(reference.scores()[i], within(1e-8));
                    assertThat(f.standardErrors()[i]).as(what).isCloseTo(reference.standardErrors()[i], within(1e-8));
                }
                if (m.homeAdvantage()) {
                    assertThat(f.homeAdvantage()).as(what).isCloseTo(reference.homeAdvantage(), within(1e-8));
                }
                if (m.ties() == Ties.DAVIDSON) {
                    assertThat(f.logTie()).as(what).isCloseTo(reference.logTie(), within(1e-8));
                }
            }
        }
    }

    static List<SolverSpec<RankingProblem>> applicable(BradleyTerryModel m) {
        List<SolverSpec<RankingProblem>> out = new ArrayList<>(Comparisons.methods());
        if (m.homeAdvantage() || m.ties() == Ties.DAVIDSON) {
            out.removeIf(s -> s.name().equals("ilsr"));
        }
        return out;
    }

    @Test
    void scoresSumToZeroAndTheCovarianceIsThatOfTheConstrainedEstimate() {
        BradleyTerryModel m = BradleyTerryModel.of(Comparisons.random(10, 200, 1.0, 3), Ties.HALF, true, false);
        RankingFit f = fit(m, "newton");
        double sum = 0;
        for (double s : f.scores()) {
            sum += s;
        }
        assertThat(sum).isCloseTo(0, within(1e-12));
        // Each row of the score block sums to zero: Var(Σsᵢ) = 0 under the constraint.
        int d = m.dimension();
        for (int k = 0; k < d; k++) {
            double row = 0;
            for (int i = 0; i < 10; i++) {
                row += f.covariance()[k * d + i];
            }
            assertThat(row).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void anExhaustedBudgetIsNeverReportedConvergedAndCarriesNoStandardErrors() {
        BradleyTerryModel m = BradleyTerryModel.of(Comparisons.random(25, 500, 2.0, 5));
        RankingFit f = Ranking.fit(m, Comparisons.method("zermelo"), Settings.tolerance(TOL).withMaxIterations(5), true);
        assertThat(f.status()).isEqualTo(Status.MAX_ITERATIONS);
        assertThat(f.gradientNorm()).isGreaterThan(TOL);
        assertThat(f.standardErrors()).containsOnly(Double.NaN);
        assertThat(f.covariance()).isNull();
    }

    /** The maps also serve any fixed-point solver as a plain FixedPointMap; their fixed point is the estimate. */
    @Test
    void theMapsAreFixedPointMapsWhoseFixedPointIsTheEstimate() {
        BradleyTerryModel m = BradleyTerryModel.of(Comparisons.random(8, 80, 1.0, 9), Ties.DAVIDSON, true, false);
        RankingFit reference = fit(m, "newton");
        Solution s = Driver.builder().tolerance(1e-12).maxIterations(5000).build()
                .solve(Catalog.builtIn().fixedPoint("newton-krylov").create(), m.newman().asFixedPointMap(), m.start());
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        for (int i = 0; i < 8; i++) {
            assertThat(s.x()[i]).isCloseTo(reference.scores()[i], within(1e-9));
        }
        assertThat(s.x()[8]).isCloseTo(reference.homeAdvantage(), within(1e-9));
    }

    @Test
    void standardErrorsCanBeLeftOut() {
        BradleyTerryModel m = BradleyTerryModel.of(Comparisons.random(6, 60, 1.0, 5));
        RankingFit f = Ranking.fit(m, Comparisons.method("newman"), Comparisons.method("newman").defaults(), false);
        assertThat(f.status()).isEqualTo(Status.CONVERGED);
        assertThat(f.covariance()).isNull();
        assertThat(f.standardErrors()).containsOnly(Double.NaN);
    }

    /** 10⁵ terms of 0.1 and one of 10⁵: a plain sum is off by about 10⁻⁸, the compensated one by an ulp. */
    @Test
    void compensatedSummationKeepsTheDigitsAPlainSumLoses() {
        CompensatedSum s = new CompensatedSum();
        double plain = 0;
        s.add(1e5);
        plain += 1e5;
        for (int k = 0; k < 100_000; k++) {
            s.add(0.1);
            plain += 0.1;
        }
        assertThat(Math.abs(plain - 110_000)).isGreaterThan(1e-8);
        assertThat(s.value()).isCloseTo(110_000, within(2e-11));
    }

    @Test
    void theCertificateIsTheGradientNotTheStepOfTheMap() {
        BradleyTerryModel m = BradleyTerryModel.of(Comparisons.random(25, 500, 2.0, 5));
        RankingFit f = Ranking.fit(m, Comparisons.method("zermelo"), Settings.tolerance(1e-3), true);
        assertThat(f.status()).isEqualTo(Status.CONVERGED);
        assertThat(f.solution().optimality()).isLessThanOrEqualTo(1e-3);
        assertThat(f.gradientNorm()).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void methodsThatDoNotApplySayWhy() {
        BradleyTerryModel home = BradleyTerryModel.of(Comparisons.random(5, 50, 1.0, 1), Ties.HALF, true, false);
        assertThatThrownBy(() -> fit(home, "ilsr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("I-LSR applies to the basic Bradley–Terry model only");
        assertThatThrownBy(() -> Comparisons.method("elo")).hasMessageContaining("known methods: zermelo, newman");
    }
}
