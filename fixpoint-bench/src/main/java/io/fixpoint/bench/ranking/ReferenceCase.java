package io.fixpoint.bench.ranking;

import io.fixpoint.ranking.BradleyTerryModel;
import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.ranking.Ties;
import java.util.List;

/**
 * The fits certified against R's BradleyTerry2, one per model of the shipped data that BTm (or, for
 * Davidson's ties, the equivalent Poisson glm) can fit. BTm has no Davidson model: a tie there is half
 * a win, which is {@link Ties#HALF}. Newman's MAP estimate is BTm's fit of the data with the
 * fictitious games added and the virtual opponent as reference.
 */
public enum ReferenceCase {
    BASEBALL("baseball", ComparisonDataset.BASEBALL, Ties.HALF, false, false, 0),
    BASEBALL_HOME("baseball-home", ComparisonDataset.BASEBALL, Ties.HALF, true, false, 0),
    BASEBALL_MAP("baseball-map", ComparisonDataset.BASEBALL, Ties.HALF, false, true, 0),
    ICEHOCKEY("icehockey", ComparisonDataset.ICEHOCKEY, Ties.HALF, false, false, 0),
    ICEHOCKEY_HOME("icehockey-home", ComparisonDataset.ICEHOCKEY, Ties.HALF, true, false, 0),
    ICEHOCKEY_DAVIDSON("icehockey-davidson", ComparisonDataset.ICEHOCKEY, Ties.DAVIDSON, false, false, 0),
    ICEHOCKEY_DAVIDSON_HOME("icehockey-davidson-home", ComparisonDataset.ICEHOCKEY, Ties.DAVIDSON, true, false, 0),
    /** The first 150 games of the season: teams unbeaten and winless, so only the MAP estimate exists. */
    ICEHOCKEY_EARLY_MAP("icehockey-early-map", ComparisonDataset.ICEHOCKEY, Ties.HALF, false, true, 150);

    private final String label;
    private final ComparisonDataset dataset;
    private final Ties ties;
    private final boolean home;
    private final boolean map;
    private final int firstRows;

    ReferenceCase(String label, ComparisonDataset dataset, Ties ties, boolean home, boolean map, int firstRows) {
        this.label = label;
        this.dataset = dataset;
        this.ties = ties;
        this.home = home;
        this.map = map;
        this.firstRows = firstRows;
    }

    /** The name the script gives this fit. */
    public String label() {
        return label;
    }

    public ComparisonData data() {
        return firstRows > 0 ? dataset.firstRows(firstRows) : dataset.data();
    }

    public BradleyTerryModel model() {
        return BradleyTerryModel.of(data(), ties, home, map);
    }

    /**
     * How far {@code fit} is from the reference estimates of this case.
     *
     * @param compared            estimates compared (the reference rows of this case)
     * @param estimateError       the largest |ours − reference| / |reference| over the estimates
     * @param standardErrorError  the same over the standard errors
     * @param worst               the parameter with the largest error of either kind
     */
    public record Agreement(ReferenceCase fit, int compared, double estimateError, double standardErrorError, String worst) {
    }

    /** Compares {@code fit} (of {@link #model()}) with the reference rows of this case. */
    public Agreement agreement(RankingFit fit, List<BradleyTerry2.Estimate> reference) {
        List<String> items = fit.items();
        int compared = 0;
        double worstEstimate = 0;
        double worstSe = 0;
        String worst = "";
        for (BradleyTerry2.Estimate e : reference) {
            if (!e.fit().equals(label)) {
                continue;
            }
            double ours;
            double se;
            switch (e.kind()) {
                case "contrast" -> {
                    int i = index(items, e.parameter());
                    int r = index(items, e.reference());
                    ours = fit.scores()[i] - fit.scores()[r];
                    se = fit.contrastStandardError(i, r);
                }
                case "centred" -> {
                    int i = index(items, e.parameter());
                    ours = fit.scores()[i];
                    se = fit.standardErrors()[i];
                }
                case "coefficient" -> {
                    boolean h = e.parameter().equals("home");
                    ours = h ? fit.homeAdvantage() : fit.logTie();
                    se = h ? fit.homeStandardError() : fit.logTieStandardError();
                }
                default -> throw new IllegalArgumentException("unknown kind of reference estimate '" + e.kind() + "'");
            }
            double de = relative(ours, e.estimate());
            double ds = relative(se, e.standardError());
            if (!(de <= worstEstimate) || !(ds <= worstSe)) {
                worst = e.parameter();
            }
            worstEstimate = Math.max(worstEstimate, de);
            worstSe = Math.max(worstSe, ds);
            compared++;
        }
        return new Agreement(this, compared, worstEstimate, worstSe, worst);
    }

    /** |a − b|/|b|; NaN (never within a tolerance) when a is not finite. */
    private static double relative(double a, double b) {
        return Double.isFinite(a) ? Math.abs(a - b) / Math.abs(b) : Double.NaN;
    }

    private static int index(List<String> items, String name) {
        int i = items.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the reference names an item '" + name + "' the data do not have");
        }
        return i;
    }
}
