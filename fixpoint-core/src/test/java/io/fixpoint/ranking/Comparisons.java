package io.fixpoint.ranking;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.ComparisonData.Home;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.SolverSpec;
import java.util.List;
import java.util.SplittableRandom;

/** Small comparison sets for the tests: hand-made ones with known answers and seeded random ones. */
final class Comparisons {
    private Comparisons() {
    }

    /**
     * {@code games} games between {@code items} items of log-strengths spread by {@code spread},
     * every pair played at least once in both directions around a cycle (so the MLE exists), a third
     * of the games at the first side's home with advantage 0.4, ties with probability about 0.15.
     */
    /** The ranking method of the catalogue called {@code name}. */
    static SolverSpec<RankingProblem> method(String name) {
        return Catalog.builtIn().ranking(name);
    }

    /** Every ranking method of the catalogue. */
    static List<SolverSpec<RankingProblem>> methods() {
        return Catalog.builtIn().names(ProblemKind.RANKING).stream().map(Comparisons::method).toList();
    }

    static ComparisonData random(int items, int games, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[items];
        for (int i = 0; i < items; i++) {
            s[i] = spread * rng.nextGaussian();
        }
        ComparisonData.Builder b = ComparisonData.builder();
        for (int i = 0; i < items; i++) {
            int j = (i + 1) % items;
            b.game(name(i), name(j), 1, Home.NEUTRAL);
            b.game(name(i), name(j), 0, Home.NEUTRAL);
            b.game(name(i), name(j), 0.5, Home.NEUTRAL);
        }
        for (int g = 0; g < games; g++) {
            int i = rng.nextInt(items);
            int j = rng.nextInt(items - 1);
            if (j >= i) {
                j++;
            }
            boolean home = rng.nextInt(3) == 0;
            double d = s[i] - s[j] + (home ? 0.4 : 0);
            double win = 0.85 / (1 + Math.exp(-d));
            double u = rng.nextDouble();
            double result = u < win ? 1 : u < 0.85 ? 0 : 0.5;
            b.game(name(i), name(j), result, home ? Home.FIRST : Home.NEUTRAL);
        }
        return b.build();
    }

    static String name(int i) {
        return "item" + i;
    }

    /** Every combination of tie model, home advantage and prior on one random set. */
    static BradleyTerryModel[] variants(ComparisonData data) {
        BradleyTerryModel[] out = new BradleyTerryModel[8];
        int k = 0;
        for (Ties ties : Ties.values()) {
            for (boolean home : new boolean[] {false, true}) {
                for (boolean prior : new boolean[] {false, true}) {
                    out[k++] = BradleyTerryModel.of(data, ties, home, prior);
                }
            }
        }
        return out;
    }
}
