package io.fixpoint.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.ComparisonData.Home;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Estimates that do not exist are refused before any solve, naming the items; the MAP estimate is there instead. */
class ExistenceTest {

    /** A beats B and C; B and C beat each other: A never lost. */
    private static ComparisonData unbeaten() {
        return ComparisonData.builder()
                .counts("A", "B", 2, 0, 0, Home.NEUTRAL)
                .counts("A", "C", 1, 0, 0, Home.NEUTRAL)
                .counts("B", "C", 1, 1, 0, Home.NEUTRAL)
                .build();
    }

    private static String problem(ComparisonData d) {
        return BradleyTerryModel.of(d).existenceProblem().orElse("");
    }

    @Test
    void anItemThatNeverLostIsNamed() {
        assertThat(problem(unbeaten())).contains("'A' never lost");
        assertThatThrownBy(() -> Ranking.fit(BradleyTerryModel.of(unbeaten()), Comparisons.method("newman")))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessageStartingWith("the maximum-likelihood estimate does not exist: 'A' never lost");
    }

    @Test
    void anItemThatNeverWonIsNamed() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 1, 1, 0, Home.NEUTRAL)
                .counts("C", "A", 0, 3, 0, Home.NEUTRAL)
                .counts("C", "B", 0, 1, 0, Home.NEUTRAL)
                .build();
        assertThat(problem(d)).contains("'C' never won");
    }

    @Test
    void aTieCountsBothWays() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 1, 0, 1, Home.NEUTRAL)
                .counts("B", "C", 1, 1, 0, Home.NEUTRAL)
                .counts("A", "C", 0, 1, 0, Home.NEUTRAL)
                .build();
        assertThat(problem(d)).isEmpty();
        assertThat(BradleyTerryModel.of(d, Ties.DAVIDSON, false, false).existenceProblem()).isEmpty();
    }

    @Test
    void aGroupThatNeverLostToTheRestIsNamedEvenWhenEveryItemLostSomewhere() {
        // A and B beat each other and beat C and D, who beat each other but never A or B.
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 1, 1, 0, Home.NEUTRAL)
                .counts("C", "D", 1, 1, 0, Home.NEUTRAL)
                .counts("A", "C", 2, 0, 0, Home.NEUTRAL)
                .counts("B", "D", 1, 0, 0, Home.NEUTRAL)
                .build();
        assertThat(problem(d)).isEqualTo("the maximum-likelihood estimate does not exist: the comparison graph is not strongly "
                + "connected (2 groups): 'A' and 'B' never lost to an item outside their group of 2");
    }

    @Test
    void groupsThatNeverMetAreNotStronglyConnected() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 1, 1, 0, Home.NEUTRAL)
                .counts("C", "D", 1, 1, 0, Home.NEUTRAL)
                .build();
        assertThat(problem(d)).contains("not strongly connected (2 groups)");
    }

    @Test
    void anItemWithoutResultsIsNamed() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 1, 1, 0, Home.NEUTRAL)
                .counts("A", "Z", 0, 0, 0, Home.NEUTRAL)
                .build();
        assertThat(problem(d)).contains("'Z' has no results");
    }

    @Test
    void manyNamesAreCounted() {
        assertThat(ComparisonGraph.names(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")))
                .isEqualTo("'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' and 2 more");
    }

    @Test
    void aHomeSideThatAlwaysWonHasNoFiniteAdvantage() {
        ComparisonData d = ComparisonData.builder()
                .counts("A", "B", 2, 0, 0, Home.FIRST)
                .counts("A", "B", 0, 3, 0, Home.SECOND)
                .build();
        assertThat(BradleyTerryModel.of(d).existenceProblem()).isEmpty();
        assertThat(BradleyTerryModel.of(d, Ties.HALF, true, false).existenceProblem().orElse(""))
                .contains("the home side won every comparison it played at home");
    }

    /**
     * The home side won once and lost once, and the strengths alone have an estimate, yet
     * s = (−k, k/2, k/2) for A, B, C with h = 3k/2 raises the likelihood of every result as k → ∞: a
     * gradient-based solve ends "converged" at h ≈ 50 where the gradient underflows. Bellman–Ford on
     * the difference constraints finds the direction before any solve.
     */
    @Test
    void homeResultsSeparableFromTheStrengthsAreFound() {
        ComparisonData d = ComparisonData.builder()
                .game("A", "B", 1, Home.FIRST)
                .game("A", "C", 0, Home.FIRST)
                .game("C", "A", 1, Home.NEUTRAL)
                .game("C", "A", 1, Home.NEUTRAL)
                .game("C", "B", 0, Home.NEUTRAL)
                .game("B", "A", 1, Home.NEUTRAL)
                .build();
        assertThat(BradleyTerryModel.of(d).existenceProblem()).isEmpty();
        assertThat(BradleyTerryModel.of(d, Ties.HALF, true, false).existenceProblem().orElse(""))
                .contains("unbounded home advantage");
        assertThat(BradleyTerryModel.of(d, Ties.HALF, true, true).existenceProblem()).isEmpty();
    }

    @Test
    void davidsonNeedsTiesAndDecisiveResults() {
        ComparisonData d = ComparisonData.builder().counts("A", "B", 1, 1, 0, Home.NEUTRAL).build();
        assertThat(BradleyTerryModel.of(d, Ties.DAVIDSON, false, false).existenceProblem().orElse(""))
                .contains("no comparison was tied");
        ComparisonData allTied = ComparisonData.builder().counts("A", "B", 0, 0, 2, Home.NEUTRAL).build();
        assertThat(BradleyTerryModel.of(allTied, Ties.DAVIDSON, false, true).existenceProblem().orElse(""))
                .isEqualTo("the MAP estimate does not exist: every comparison was tied, so Davidson's tie parameter has no finite estimate");
    }

    /** Where the MLE does not exist the MAP estimate does, and every method finds it. */
    @Test
    void theMapEstimateExistsAndEveryMethodAgrees() {
        BradleyTerryModel map = BradleyTerryModel.of(unbeaten(), Ties.HALF, false, true);
        assertThat(map.existenceProblem()).isEmpty();
        RankingFit reference = Ranking.fit(map, Comparisons.method("newton"));
        assertThat(reference.status()).isEqualTo(Status.CONVERGED);
        assertThat(reference.scores()[0]).isGreaterThan(reference.scores()[1]);
        for (SolverSpec<RankingProblem> method : Comparisons.methods()) {
            RankingFit f = Ranking.fit(map, method);
            assertThat(f.status()).as(method.name() + ": " + f.message()).isEqualTo(Status.CONVERGED);
            for (int i = 0; i < 3; i++) {
                assertThat(f.scores()[i]).as(method.name()).isCloseTo(reference.scores()[i], within(1e-9));
            }
        }
    }
}
