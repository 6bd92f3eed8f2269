package io.fixpoint.ranking;

import io.fixpoint.problem.GradientMap;
import java.util.Arrays;

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
 */
final class ScoreMap implements GradientMap {
    private final BradleyTerryModel model;
    private final boolean newman;
    /** Records of each item in compressed rows. */
    private final int[] start;
    private final int[] incident;
    /** Wins (ties half) of each parameter: items, then home wins and ties. */
    private final double[] wins;
    private final double[] p = new double[3];

    ScoreMap(BradleyTerryModel model, boolean newman) {
        this.model = model;
        this.newman = newman;
        int n = model.items;
        start = new int[n + 1];
        for (int r = 0; r < model.records(); r++) {
            start[model.first(r) + 1]++;
            start[model.second(r) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        incident = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int r = 0; r < model.records(); r++) {
            incident[fill[model.first(r)]++] = r;
            incident[fill[model.second(r)]++] = r;
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
        double homeGain = 0;
        double homeLoss = 0;
        double tieGain = 0;
        double tieLoss = 0;
        for (int i = 0; i < model.items; i++) {
            double gain = 0;
            double loss = 0;
            double expected = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                int r = incident[k];
                boolean isFirst = model.first(r) == i;
                int other = isFirst ? model.second(r) : model.first(r);
                model.probabilities(out, r, p);
                double half = 0.5 * p[2];
                double firstBeats = p[0] + half;
                double secondBeats = p[1] + half;
                double firstScore = model.a[r] + 0.5 * model.t[r];
                double secondScore = model.b[r] + 0.5 * model.t[r];
                double nr = model.n[r];
                if (isFirst) {
                    expected += nr * firstBeats;
                    gain += firstScore * secondBeats;
                    loss += secondScore * firstBeats;
                } else {
                    expected += nr * secondBeats;
                    gain += secondScore * firstBeats;
                    loss += firstScore * secondBeats;
                }
                if (other > i) {
                    // Neither item has moved yet: this is the record at the starting point.
                    gradient[model.first(r)] += nr * firstBeats - firstScore;
                    gradient[model.second(r)] += nr * secondBeats - secondScore;
                    if (model.atHome(r)) {
                        gradient[h] += nr * firstBeats - firstScore;
                        homeGain += newman ? firstScore * secondBeats : 0;
                        homeLoss += newman ? secondScore * firstBeats : nr * firstBeats;
                    }
                    if (e >= 0) {
                        gradient[e] += nr * p[2] - model.t[r];
                        tieGain += newman ? model.t[r] * (p[0] + p[1]) : 0;
                        tieLoss += newman ? (model.a[r] + model.b[r]) * p[2] : nr * p[2];
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
            out[h] += newman ? Math.log(homeGain) - Math.log(homeLoss) : Math.log(wins[h]) - Math.log(homeLoss);
        }
        if (e >= 0) {
            out[e] += newman ? Math.log(tieGain) - Math.log(tieLoss) : Math.log(wins[e]) - Math.log(tieLoss);
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
