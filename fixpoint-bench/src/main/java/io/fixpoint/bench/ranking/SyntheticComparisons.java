package io.fixpoint.bench.ranking;

import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.ComparisonData.Home;
import java.util.SplittableRandom;

/**
 * Seeded random comparison data: {@code items} items with log-strengths drawn from N(0, spread²),
 * {@code games} games between pairs drawn uniformly at random (a sparse random multigraph: each
 * item meets about 2·games/items opponents), each won by item i with the Bradley–Terry probability
 * σ(sᵢ − sⱼ). The same seed gives the same data.
 *
 * @param items  number of items (≥ 2)
 * @param games  number of games (≥ 1)
 * @param spread standard deviation of the true log-strengths
 * @param seed   random seed
 */
public record SyntheticComparisons(int items, int games, double spread, long seed) {

    public SyntheticComparisons {
        if (items < 2 || games < 1 || !(spread >= 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("synthetic comparisons need ≥ 2 items, ≥ 1 game and a finite spread ≥ 0; got "
                    + items + ", " + games + ", " + spread);
        }
    }

    /** The true log-strengths, centred. */
    public double[] strengths() {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[items];
        double mean = 0;
        for (int i = 0; i < items; i++) {
            s[i] = spread * rng.nextGaussian();
            mean += s[i];
        }
        mean /= items;
        for (int i = 0; i < items; i++) {
            s[i] -= mean;
        }
        return s;
    }

    public ComparisonData data() {
        double[] s = strengths();
        // A separate stream for the games, so the strengths do not depend on the number of games.
        SplittableRandom rng = new SplittableRandom(seed).split();
        ComparisonData.Builder b = ComparisonData.builder();
        for (int g = 0; g < games; g++) {
            int i = rng.nextInt(items);
            int j = rng.nextInt(items - 1);
            if (j >= i) {
                j++;
            }
            double p = 1 / (1 + Math.exp(s[j] - s[i]));
            b.game(name(i), name(j), rng.nextDouble() < p ? 1 : 0, Home.NEUTRAL);
        }
        return b.build();
    }

    /** "n=…, games=…, σ=…" for reports. */
    public String label() {
        return "random n=" + items + ", " + games + " games, σ=" + spread;
    }

    static String name(int i) {
        return "i" + i;
    }
}
