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

    /** What the fit is, in a few words. */
    public String description() {
        return dataset.name() + (firstRows > 0 ? ", its first " + firstRows + " games" : "") + (ties == Ties.DAVIDSON ? ", Davidson's ties" : "")
                + (home ? ", home advantage" : "") + (map ? ", Newman's MAP estimate" : ", maximum likelihood");
    }

    /** How BradleyTerry2's side fits it: BTm, or for Davidson's ties the equivalent Poisson glm. */
    public String peerMethod() {
        return ties == Ties.DAVIDSON ? "glm-poisson" : "btm";
    }

    /**
     * The largest relative difference between the estimates in {@code theta} (scores, then h and log ν,
     * as {@link #model()} orders them; the scores at any level) and the reference rows of this case.
     */
    public double estimateError(double[] theta, List<BradleyTerry2.Estimate> reference) {
        BradleyTerryModel m = model();
        double[] centred = centred(theta, m.data().itemCount());
        List<String> items = m.data().items();
        double worst = 0;
        for (BradleyTerry2.Estimate e : reference) {
            if (e.fit().equals(label)) {
                double ours = switch (e.kind()) {
                    case "contrast" -> centred[index(items, e.parameter())] - centred[index(items, e.reference())];
                    case "centred" -> centred[index(items, e.parameter())];
                    case "coefficient" -> theta[m.parameterNames().indexOf(e.parameter())];
                    default -> throw new IllegalArgumentException("unknown kind of reference estimate '" + e.kind() + "'");
                };
                worst = Math.max(worst, Double.isNaN(relative(ours, e.estimate())) ? Double.POSITIVE_INFINITY : relative(ours, e.estimate()));
            }
        }
        return worst;
    }

    /**
     * θ of {@link #model()} from the reference rows of this case: contrasts placed against the reference
     * item and centred, h and log ν as given; the centred MAP scores moved to the level the prior fixes,
     * Σ σ(sᵢ) = n/2 (the derivative of f along the common shift), which BradleyTerry2's centred output
     * leaves out.
     */
    public double[] parameters(List<BradleyTerry2.Estimate> reference) {
        BradleyTerryModel m = model();
        int n = m.data().itemCount();
        List<String> names = m.parameterNames();
        double[] theta = new double[m.dimension()];
        for (BradleyTerry2.Estimate e : reference) {
            if (e.fit().equals(label)) {
                theta[names.indexOf(e.parameter())] = e.estimate();
            }
        }
        double[] s = centred(theta, n);
        System.arraycopy(s, 0, theta, 0, n);
        if (map) {
            double lo = -50;
            double hi = 50;
            for (int k = 0; k < 100; k++) {
                double mid = 0.5 * (lo + hi);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += 1 / (1 + Math.exp(-(s[i] + mid)));
                }
                if (sum < 0.5 * n) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            for (int i = 0; i < n; i++) {
                theta[i] = s[i] + 0.5 * (lo + hi);
            }
        }
        return theta;
    }

    private static double[] centred(double[] theta, int items) {
        double mean = 0;
        for (int i = 0; i < items; i++) {
            mean += theta[i] / items;
        }
        double[] c = new double[items];
        for (int i = 0; i < items; i++) {
            c[i] = theta[i] - mean;
        }
        return c;
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
