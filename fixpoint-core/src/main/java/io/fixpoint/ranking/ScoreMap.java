package io.fixpoint.ranking;

import io.fixpoint.problem.GradientMap;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Zermelo's and Newman's iterations as maps on θ. Both rearrange the stationarity condition
 * ∂ℓ/∂θₖ = 0 of each parameter into θₖ ← θₖ + log(gain) − log(loss):
 *
 * <ul>
 *   <li>Zermelo (1929; Hunter 2004, the MM algorithm): gain = Wₖ, the wins (ties half) of item k,
 *       loss = its expected wins Σ n·P(k wins); for the basic model πᵢ ← Wᵢ / Σⱼ nᵢⱼ/(πᵢ + πⱼ).</li>
 *   <li>Newman (2023, eq. 12): gain = Σ (wins + ties/2)·P(the other side wins), loss =
 *       Σ (losses + ties/2)·P(this side wins), i.e. πᵢ ← Σⱼ wᵢⱼπⱼ/(πᵢ + πⱼ) / Σⱼ wⱼᵢ/(πᵢ + πⱼ); the MAP
 *       form (eq. 26) adds the virtual opponent's 1/(πᵢ + 1) to both sums.</li>
 * </ul>
 *
 * One application is a sweep over the items in order, each strength updated in place from the
 * latest values of the others (Gauss–Seidel, as Hunter's cyclic MM). Updated all at once from the
 * same θ, Newman's form is not convergent in general: its iteration matrix I − N⁻¹H (N the gains,
 * H = −∇²ℓ) has eigenvalues down to −1, and two items with 3 wins to 1 already cycle forever. The
 * home advantage h and Davidson's η are then updated from the sweep's starting point, by the same
 * split over the home sides' records (h) or of ties against decisive results (η: gain Σ t·(pᵢ + pⱼ),
 * loss Σ (wins + losses)·p_tie for Newman; gain = ties, loss = expected ties for Zermelo); these
 * extensions are derived here in the papers' manner. For maximum likelihood the scores are finally
 * centred.
 *
 * <p>Every record is evaluated once at the starting point during the sweep (when the first of its
 * two items is updated), which gives ∇f there at no extra cost: ∂f/∂θₖ = expected − actual wins.
 * Each record is stored twice, once from each side, in item order, so a sweep reads its data
 * sequentially.
 */
final class ScoreMap implements GradientMap {
    private final BradleyTerryModel model;
    private final boolean newman;
    /** Incidences (a record seen from one side) of each item in compressed rows. */
    private final int[] start;
    private final int[] other;
    /** This side's and the other side's wins plus half the ties, the ties, and all comparisons. */
    private final double[] own;
    private final double[] opposing;
    private final double[] ties;
    private final double[] total;
    /** +1 when this side has the home advantage, −1 when the other side has it, 0 otherwise. */
    private final byte[] venue;
    /** Wins (ties half) of each parameter: items, then home wins and ties. */
    private final double[] wins;
    private final double[] p = new double[3];

    ScoreMap(BradleyTerryModel model, boolean newman) {
        this.model = model;
        this.newman = newman;
        int n = model.items;
        int records = model.records();
        // Incidence q < R is record q seen from its first item, q ≥ R record q − R from its second.
        // Two stable counting sorts order them by (item, other item): each item then meets its
        // opponents in index order, so the test "not yet moved" (j > i) splits every row into two
        // runs instead of branching at random, and the reads of θⱼ walk forwards.
        int[] byOther = countingSort(identity(2 * records), q -> q < records ? model.second(q) : model.first(q - records), n);
        start = new int[n + 1];
        int[] sorted = countingSort(byOther, q -> q < records ? model.first(q) : model.second(q - records), n, start);
        other = new int[sorted.length];
        own = new double[sorted.length];
        opposing = new double[sorted.length];
        ties = new double[sorted.length];
        total = new double[sorted.length];
        venue = new byte[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            boolean fromFirst = sorted[k] < records;
            int r = fromFirst ? sorted[k] : sorted[k] - records;
            double firstScore = model.a[r] + 0.5 * model.t[r];
            double secondScore = model.b[r] + 0.5 * model.t[r];
            other[k] = fromFirst ? model.second(r) : model.first(r);
            own[k] = fromFirst ? firstScore : secondScore;
            opposing[k] = fromFirst ? secondScore : firstScore;
            ties[k] = model.t[r];
            total[k] = model.n[r];
            venue[k] = (byte) (model.atHome(r) ? (fromFirst ? 1 : -1) : 0);
        }
        wins = new double[model.dimension];
        System.arraycopy(model.score, 0, wins, 0, n);
        if (model.home >= 0) {
            wins[model.home] = model.homeScore;
        }
        if (model.tie >= 0) {
            wins[model.tie] = model.tieCount;
        }
    }

    private static int[] identity(int size) {
        int[] ids = new int[size];
        for (int q = 0; q < size; q++) {
            ids[q] = q;
        }
        return ids;
    }

    private static int[] countingSort(int[] values, IntUnaryOperator key, int keys) {
        return countingSort(values, key, keys, new int[keys + 1]);
    }

    /** Sorts {@code values} stably by {@code key} in [0, keys); {@code start} receives the run of each key. */
    private static int[] countingSort(int[] values, IntUnaryOperator key, int keys, int[] start) {
        for (int v : values) {
            start[key.applyAsInt(v) + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, keys);
        int[] out = new int[values.length];
        for (int v : values) {
            out[fill[key.applyAsInt(v)]++] = v;
        }
        return out;
    }

    @Override
    public int dimension() {
        return model.dimension;
    }

    @Override
    public void apply(double[] theta, double[] out, double[] gradient) {
        System.arraycopy(theta, 0, out, 0, theta.length);
        Arrays.fill(gradient, 0);
        int h = model.home;
        int e = model.tie;
        double bonus = h >= 0 ? theta[h] : 0;
        double logNu = e >= 0 ? theta[e] : Double.NEGATIVE_INFINITY;
        double homeGain = 0;
        double homeLoss = 0;
        double tieGain = 0;
        double tieLoss = 0;
        for (int i = 0; i < model.items; i++) {
            double gain = 0;
            double loss = 0;
            double expected = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                int j = other[k];
                // Log-strengths of this side and the other, with the home bonus.
                double u = out[i] + (venue[k] > 0 ? bonus : 0);
                double v = out[j] + (venue[k] < 0 ? bonus : 0);
                BradleyTerryModel.outcomes(u, v, logNu, p);
                double mine = p[0];
                double theirs = p[1];
                double tie = p[2];
                double iBeats = mine + 0.5 * tie;
                double jBeats = theirs + 0.5 * tie;
                double n = total[k];
                expected += n * iBeats;
                gain += own[k] * jBeats;
                loss += opposing[k] * iBeats;
                if (j > i) {
                    // Neither item has moved yet: this is the record at the starting point.
                    gradient[i] += n * iBeats - own[k];
                    gradient[j] += n * jBeats - opposing[k];
                    if (venue[k] != 0) {
                        boolean mineAtHome = venue[k] > 0;
                        double homeBeats = mineAtHome ? iBeats : jBeats;
                        double awayBeats = mineAtHome ? jBeats : iBeats;
                        double homeScore = mineAtHome ? own[k] : opposing[k];
                        double awayScore = mineAtHome ? opposing[k] : own[k];
                        gradient[h] += n * homeBeats - homeScore;
                        homeGain += homeScore * awayBeats;
                        homeLoss += newman ? awayScore * homeBeats : n * homeBeats;
                    }
                    if (e >= 0) {
                        gradient[e] += n * tie - ties[k];
                        tieGain += ties[k] * (mine + theirs);
                        tieLoss += newman ? (n - ties[k]) * tie : n * tie;
                    }
                }
            }
            if (model.maximumAPosteriori()) {
                // One win and one loss against a virtual opponent of strength 1.
                double beats = 1 / (1 + Math.exp(-out[i]));
                expected += 2 * beats;
                gain += 1 - beats;
                loss += beats;
                gradient[i] += 2 * beats - 1;
            }
            out[i] += newman ? Math.log(gain) - Math.log(loss) : Math.log(wins[i]) - Math.log(expected);
        }
        if (h >= 0) {
            out[h] += (newman ? Math.log(homeGain) : Math.log(wins[h])) - Math.log(homeLoss);
        }
        if (e >= 0) {
            out[e] += (newman ? Math.log(tieGain) : Math.log(wins[e])) - Math.log(tieLoss);
        }
        if (!model.maximumAPosteriori()) {
            double sum = 0;
            double mean = 0;
            for (int i = 0; i < model.items; i++) {
                sum += theta[i];
                mean += out[i];
            }
            mean /= model.items;
            for (int i = 0; i < model.items; i++) {
                gradient[i] += sum;
                out[i] -= mean;
            }
        }
    }
}
