package io.fixpoint.bench.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.Ranking;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every shipped fit against R's BradleyTerry2 (frozen by {@code peers/bradleyterry2.R}): abilities,
 * home advantage, Davidson's ν and their standard errors to 10⁻⁸ relative, by Newton and by Newman's
 * iteration with Anderson acceleration.
 */
class BradleyTerry2CertificationTest {
    static final double AGREEMENT = 1e-8;
    private static final List<BradleyTerry2.Estimate> REFERENCE = BradleyTerry2.frozen();

    @ParameterizedTest
    @EnumSource(ReferenceCase.class)
    void agreesWithBradleyTerry2(ReferenceCase c) {
        for (SolverSpec<RankingProblem> method : List.of(Catalog.builtIn().ranking("newton"), Catalog.builtIn().ranking("newman-anderson"))) {
            RankingFit fit = Ranking.fit(c.model(), method);
            assertThat(fit.status()).as(c.label() + " " + method.name() + ": " + fit.message()).isEqualTo(Status.CONVERGED);
            ReferenceCase.Agreement a = c.agreement(fit, REFERENCE);
            assertThat(a.compared()).as(c.label()).isGreaterThanOrEqualTo(c.model().data().itemCount() - 1);
            assertThat(a.estimateError()).as(c.label() + " " + method.name() + " estimates, worst " + a.worst()).isLessThanOrEqualTo(AGREEMENT);
            assertThat(a.standardErrorError()).as(c.label() + " " + method.name() + " standard errors, worst " + a.worst())
                    .isLessThanOrEqualTo(AGREEMENT);
        }
    }

    @Test
    void theReferenceCoversEveryCaseAndParsesBack() {
        for (ReferenceCase c : ReferenceCase.values()) {
            assertThat(REFERENCE).as(c.label()).anyMatch(e -> e.fit().equals(c.label()));
        }
        assertThat(REFERENCE).filteredOn(e -> e.kind().equals("coefficient") && e.fit().equals("baseball-home"))
                .singleElement().satisfies(e -> assertThat(e.estimate()).isBetween(0.30, 0.31)); // Agresti (2002) §10.6: 0.302
    }

    /** The judge's reference error and the parameters read back from BradleyTerry2's rows: its own estimates are 0 from themselves and stationary. */
    @ParameterizedTest
    @EnumSource(ReferenceCase.class)
    void bradleyTerry2sEstimatesReadBackAsAStationaryPoint(ReferenceCase c) {
        double[] theta = c.parameters(REFERENCE);
        assertThat(c.estimateError(theta, REFERENCE)).as(c.label()).isLessThanOrEqualTo(1e-14);
        double[] g = new double[theta.length];
        c.model().objective().gradient(theta, g);
        assertThat(io.fixpoint.linalg.Vectors.norm(g)).as(c.label()).isLessThanOrEqualTo(1e-6);
    }

    /** The early season's maximum-likelihood estimate does not exist: the check names the teams, and the MAP fit is the reference one. */
    @Test
    void theEarlySeasonHasNoMaximumLikelihoodEstimate() {
        var data = ReferenceCase.ICEHOCKEY_EARLY_MAP.data();
        assertThat(io.fixpoint.ranking.BradleyTerryModel.of(data).existenceProblem().orElse(""))
                .startsWith("the maximum-likelihood estimate does not exist: ").contains("never lost").contains("never won");
    }
}
