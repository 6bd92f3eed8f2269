package io.fixpoint.ranking;

import io.fixpoint.problem.GradientMap;
import io.fixpoint.problem.Objective;
import io.fixpoint.problem.RankingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Bradley–Terry model of a set of comparisons: item i beats item j with probability
 * πᵢ/(πᵢ + πⱼ), πᵢ = exp(sᵢ). Optionally the home side's strength is multiplied by exp(h), and
 * ties follow Davidson (1970): with q = √(πᵢπⱼ) and ν = exp(η),
 * P(i wins) = πᵢ/D, P(tie) = νq/D, D = πᵢ + πⱼ + νq. Without Davidson's model a tie counts as half a
 * win for each side, as R's BradleyTerry2 treats an outcome of ½.
 *
 * <p>The parameters are θ = (s₁ … sₙ, h if home advantage, η if Davidson ties). The likelihood is
 * unchanged by adding a constant to every s, so the maximum-likelihood problem is posed as the
 * minimisation of f(θ) = −ℓ(θ) + ½(Σsᵢ)², whose unique minimiser is the MLE with Σsᵢ = 0 (∇ℓ is
 * orthogonal to the shift, so ∇f = 0 exactly when ∇ℓ = 0 and Σsᵢ = 0). The maximum a posteriori
 * estimate of Newman (2023, §5) adds one fictitious win and one loss of every item against a virtual
 * opponent of strength 1 (a logistic prior on each sᵢ): f(θ) = −ℓ(θ) − Σ[sᵢ − 2 log(1 + e^{sᵢ})].
 */
public final class BradleyTerryModel implements RankingProblem {
    /** Largest dimension at which the Hessian and the covariance are formed densely. */
    public static final int DENSE_LIMIT = 2000;

    private final ComparisonData data;
    private final Ties ties;
    private final boolean homeAdvantage;
    private final boolean prior;
    final int items;
    final int dimension;
    /** Index of h in θ, or −1. */
    final int home;
    /** Index of η = log ν in θ, or −1. */
    final int tie;
    /** Per record: wins of the first side, of the second, and ties, as the model counts them. */
    final double[] a;
    final double[] b;
    final double[] t;
    final double[] n;
    /** Per item: wins plus half the ties (including the fictitious win of the prior). */
    final double[] score;
    final double homeScore;
    final double tieCount;

    private BradleyTerryModel(ComparisonData data, Ties ties, boolean homeAdvantage, boolean prior) {
        this.data = data;
        this.ties = ties;
        this.homeAdvantage = homeAdvantage;
        this.prior = prior;
        items = data.itemCount();
        int k = items;
        home = homeAdvantage ? k++ : -1;
        tie = ties == Ties.DAVIDSON ? k++ : -1;
        dimension = k;
        int m = data.recordCount();
        a = new double[m];
        b = new double[m];
        t = new double[m];
        n = new double[m];
        score = new double[items];
        double hs = 0;
        double tc = 0;
        for (int r = 0; r < m; r++) {
            double half = ties == Ties.HALF ? data.ties[r] / 2 : 0;
            a[r] = data.winsFirst[r] + half;
            b[r] = data.winsSecond[r] + half;
            t[r] = ties == Ties.HALF ? 0 : data.ties[r];
            n[r] = a[r] + b[r] + t[r];
            score[data.first[r]] += a[r] + t[r] / 2;
            score[data.second[r]] += b[r] + t[r] / 2;
            if (homeAdvantage && data.homeFirst[r]) {
                hs += a[r] + t[r] / 2;
            }
            tc += t[r];
        }
        if (prior) {
            for (int i = 0; i < items; i++) {
                score[i] += 1;
            }
        }
        homeScore = hs;
        tieCount = tc;
    }

    /**
     * The model of {@code data}.
     *
     * @param ties          how ties enter the likelihood
     * @param homeAdvantage whether to estimate a home-advantage parameter h
     * @param prior         true for Newman's MAP estimate, false for the maximum-likelihood estimate
     */
    public static BradleyTerryModel of(ComparisonData data, Ties ties, boolean homeAdvantage, boolean prior) {
        if (data == null || ties == null) {
            throw new IllegalArgumentException("a Bradley–Terry model needs comparison data and a tie model");
        }
        return new BradleyTerryModel(data, ties, homeAdvantage, prior);
    }

    /** The maximum-likelihood model without home advantage, ties counted as half wins. */
    public static BradleyTerryModel of(ComparisonData data) {
        return of(data, Ties.HALF, false, false);
    }

    public ComparisonData data() {
        return data;
    }

    public Ties ties() {
        return ties;
    }

    public boolean homeAdvantage() {
        return homeAdvantage;
    }

    /** Whether this is Newman's maximum a posteriori estimate rather than maximum likelihood. */
    public boolean maximumAPosteriori() {
        return prior;
    }

    /** Length of θ: the items, then h and η when present. */
    @Override
    public int dimension() {
        return dimension;
    }

    /** The names of θ's entries: the items, then "home" and "tie" when present. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(data.items());
        if (home >= 0) {
            names.add("home");
        }
        if (tie >= 0) {
            names.add("tie");
        }
        return names;
    }

    /** θ = 0 (equal strengths, no home advantage, ν = 1). */
    public double[] start() {
        return new double[dimension];
    }

    /**
     * Why the estimate does not exist (a comparison graph that is not strongly connected, an item
     * that never lost or never won, a home side that never lost, no ties under Davidson's model), or
     * empty when it does. The items concerned are named.
     */
    public Optional<String> existenceProblem() {
        return ComparisonGraph.existenceProblem(this);
    }

    /** f(θ) = −ℓ(θ) + the centring term (MLE) or minus the log prior (MAP), with ∇f, ∇²f and ∇²f·v. */
    @Override
    public Objective objective() {
        return new NegativeLogLikelihood(this);
    }

    /** Zermelo's iteration (Hunter's MM algorithm) on θ, with ∇f as a by-product. */
    @Override
    public GradientMap zermelo() {
        return new ScoreMap(this, false);
    }

    /** Newman's iteration (2023, eq. 12; eq. 26 for the MAP estimate) on θ, with ∇f as a by-product. */
    @Override
    public GradientMap newman() {
        return new ScoreMap(this, true);
    }

    /**
     * Iterative Luce spectral ranking (Maystre and Grossglauser, 2015) on θ, with ∇f as a by-product.
     *
     * @throws IllegalArgumentException with home advantage, Davidson ties, or more than
     *                                  {@link #DENSE_LIMIT} items (each step solves a dense chain)
     */
    @Override
    public GradientMap ilsr() {
        return new SpectralMap(this);
    }

    /** The log-likelihood ℓ(θ) of the data (without the prior or the centring term). */
    public double logLikelihood(double[] theta) {
        return -NegativeLogLikelihood.dataTerm(this, theta);
    }

    /** The first item's index in record r. */
    int first(int r) {
        return data.first[r];
    }

    int second(int r) {
        return data.second[r];
    }

    int records() {
        return data.recordCount();
    }

    /** Whether record r's first item has the home advantage in this model. */
    boolean atHome(int r) {
        return home >= 0 && data.homeFirst[r];
    }

    /** u, the first side's log-strength in record r (including h at home). */
    double firstLogStrength(double[] theta, int r) {
        double u = theta[data.first[r]];
        return atHome(r) ? u + theta[home] : u;
    }

    /** Writes the probabilities of record r's outcomes at θ into p, as {@link #outcomes}. */
    void probabilities(double[] theta, int r, double[] p) {
        outcomes(firstLogStrength(theta, r), theta[data.second[r]], tie < 0 ? Double.NEGATIVE_INFINITY : theta[tie], p);
    }

    /**
     * Writes into p the probabilities that the side of log-strength u wins, that the side of
     * log-strength v wins, and of a tie (Davidson, log ν = {@code logNu}; −∞ for no ties). Computed
     * from differences of log-strengths, so nothing overflows however far apart the items are, and
     * small probabilities keep their relative accuracy.
     */
    static void outcomes(double u, double v, double logNu, double[] p) {
        if (logNu == Double.NEGATIVE_INFINITY) {
            double d = u - v;
            double e = Math.exp(-Math.abs(d));
            double big = 1 / (1 + e);
            double small = e / (1 + e);
            p[0] = d >= 0 ? big : small;
            p[1] = d >= 0 ? small : big;
            p[2] = 0;
            return;
        }
        double w = logNu + 0.5 * (u + v);
        double m = Math.max(u, Math.max(v, w));
        double eu = Math.exp(u - m);
        double ev = Math.exp(v - m);
        double ew = Math.exp(w - m);
        double sum = eu + ev + ew;
        p[0] = eu / sum;
        p[1] = ev / sum;
        p[2] = ew / sum;
    }
}
