package io.fixpoint.ranking;

import io.fixpoint.problem.Objective;
import java.util.Arrays;

/**
 * f(θ) = −ℓ(θ) plus ½(Σsᵢ)² (maximum likelihood) or minus Newman's log prior (MAP), as
 * {@link BradleyTerryModel} defines it. In the coordinates (u, v, η) of one record (the two sides'
 * log-strengths and the log tie parameter), −ℓ is n·log(e^u + e^v + e^{η+(u+v)/2}) − a·u − b·v
 * − t·(η + (u+v)/2): its gradient is n·E[c] − (a + t/2, b + t/2, t) and its Hessian n·Cov[c], where
 * c takes the values (1, 0, 0), (0, 1, 0), (½, ½, 1) with the outcome probabilities. Both are
 * carried to θ through u = sᵢ (+ h at home), v = sⱼ.
 */
final class NegativeLogLikelihood implements Objective {
    private final BradleyTerryModel model;
    private final double[] p = new double[3];
    private final double[] cov = new double[9];
    private final int[] entries = new int[4];
    private final int[] coordinates = new int[4];

    NegativeLogLikelihood(BradleyTerryModel model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension;
    }

    @Override
    public double value(double[] theta) {
        return dataTerm(model, theta) + regularTerm(theta);
    }

    /**
     * −ℓ(θ): each term is −log P(outcome) ≥ 0 computed from differences of log-strengths (softplus,
     * log-sum-exp), and the terms are added with Neumaier's compensated summation. A plain sum of
     * 10⁵ terms (a value near 10⁵) carries a rounding error near 10⁻⁹, which hides the decrease a
     * Newton step makes once ‖∇f‖ is below about 10⁻⁴; compensated, the error stays near the
     * rounding of the terms themselves.
     */
    static double dataTerm(BradleyTerryModel m, double[] theta) {
        CompensatedSum sum = new CompensatedSum();
        for (int r = 0; r < m.records(); r++) {
            double u = m.firstLogStrength(theta, r);
            double v = theta[m.second(r)];
            double term;
            if (m.tie < 0) {
                term = m.a[r] * softplus(v - u) + m.b[r] * softplus(u - v);
            } else {
                double w = theta[m.tie] + 0.5 * (u + v);
                double mx = Math.max(u, Math.max(v, w));
                double log = Math.log(Math.exp(u - mx) + Math.exp(v - mx) + Math.exp(w - mx));
                term = m.a[r] * (mx - u + log) + m.b[r] * (mx - v + log) + m.t[r] * (mx - w + log);
            }
            sum.add(term);
        }
        return sum.value();
    }

    /** ½(Σsᵢ)² for maximum likelihood; Σ[2 log(1 + e^{sᵢ}) − sᵢ], minus the log prior, for MAP. */
    private double regularTerm(double[] theta) {
        if (model.maximumAPosteriori()) {
            CompensatedSum f = new CompensatedSum();
            for (int i = 0; i < model.items; i++) {
                f.add(2 * softplus(theta[i]) - theta[i]);
            }
            return f.value();
        }
        double sum = sumOfScores(theta);
        return 0.5 * sum * sum;
    }

    @Override
    public void gradient(double[] theta, double[] g) {
        Arrays.fill(g, 0);
        for (int r = 0; r < model.records(); r++) {
            model.probabilities(theta, r, p);
            double nr = model.n[r];
            double half = 0.5 * p[2];
            double gu = nr * (p[0] + half) - (model.a[r] + 0.5 * model.t[r]);
            double gv = nr * (p[1] + half) - (model.b[r] + 0.5 * model.t[r]);
            g[model.first(r)] += gu;
            g[model.second(r)] += gv;
            if (model.atHome(r)) {
                g[model.home] += gu;
            }
            if (model.tie >= 0) {
                g[model.tie] += nr * p[2] - model.t[r];
            }
        }
        addRegularGradient(theta, g);
    }

    /** Adds the gradient of the centring term or of minus the log prior: Σs·1, or tanh(sᵢ/2) = 2σ(sᵢ) − 1. */
    private void addRegularGradient(double[] theta, double[] g) {
        if (model.maximumAPosteriori()) {
            for (int i = 0; i < model.items; i++) {
                g[i] += Math.tanh(0.5 * theta[i]);
            }
            return;
        }
        double sum = sumOfScores(theta);
        for (int i = 0; i < model.items; i++) {
            g[i] += sum;
        }
    }

    @Override
    public boolean hasHessian() {
        return model.dimension <= BradleyTerryModel.DENSE_LIMIT;
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    @Override
    public void hessian(double[] theta, double[] h) {
        int dim = model.dimension;
        Arrays.fill(h, 0, dim * dim, 0);
        for (int r = 0; r < model.records(); r++) {
            recordCovariance(theta, r);
            // The entries of θ each record coordinate (u, v, η) depends on, with unit weight.
            int k = 0;
            entries[k] = model.first(r);
            coordinates[k++] = 0;
            if (model.atHome(r)) {
                entries[k] = model.home;
                coordinates[k++] = 0;
            }
            entries[k] = model.second(r);
            coordinates[k++] = 1;
            if (model.tie >= 0) {
                entries[k] = model.tie;
                coordinates[k++] = 2;
            }
            for (int x = 0; x < k; x++) {
                for (int y = 0; y < k; y++) {
                    h[entries[x] * dim + entries[y]] += cov[3 * coordinates[x] + coordinates[y]];
                }
            }
        }
        for (int i = 0; i < model.items; i++) {
            if (model.maximumAPosteriori()) {
                double th = Math.tanh(0.5 * theta[i]);
                h[i * dim + i] += 0.5 * (1 - th * th);
            } else {
                for (int k = 0; k < model.items; k++) {
                    h[i * dim + k] += 1;
                }
            }
        }
    }

    @Override
    public void hessianVector(double[] theta, double[] vec, double[] hv) {
        Arrays.fill(hv, 0);
        for (int r = 0; r < model.records(); r++) {
            recordCovariance(theta, r);
            int i = model.first(r);
            int j = model.second(r);
            boolean atHome = model.atHome(r);
            double yu = vec[i] + (atHome ? vec[model.home] : 0);
            double yv = vec[j];
            double ye = model.tie >= 0 ? vec[model.tie] : 0;
            double zu = cov[0] * yu + cov[1] * yv + cov[2] * ye;
            double zv = cov[3] * yu + cov[4] * yv + cov[5] * ye;
            hv[i] += zu;
            hv[j] += zv;
            if (atHome) {
                hv[model.home] += zu;
            }
            if (model.tie >= 0) {
                hv[model.tie] += cov[6] * yu + cov[7] * yv + cov[8] * ye;
            }
        }
        if (model.maximumAPosteriori()) {
            for (int i = 0; i < model.items; i++) {
                double th = Math.tanh(0.5 * theta[i]);
                hv[i] += 0.5 * (1 - th * th) * vec[i];
            }
        } else {
            double sum = sumOfScores(vec);
            for (int i = 0; i < model.items; i++) {
                hv[i] += sum;
            }
        }
    }

    /**
     * n·Cov[c] of record r in the coordinates (u, v, η), row-major 3×3. Since c_v = 1 − c_u, the
     * entries reduce to sums of non-negative terms in the probabilities p₀, p₁, p₂ (first wins,
     * second wins, tie), so a lopsided pairing (p₀ near 1) loses no digits to cancellation.
     */
    private void recordCovariance(double[] theta, int r) {
        model.probabilities(theta, r, p);
        double nr = model.n[r];
        double firstBeats = p[0] + 0.5 * p[2];
        double secondBeats = p[1] + 0.5 * p[2];
        double variance = nr * (p[0] * secondBeats * secondBeats + p[1] * firstBeats * firstBeats
                + 0.25 * p[2] * (p[1] - p[0]) * (p[1] - p[0]));
        double withTie = nr * 0.5 * p[2] * (p[1] - p[0]);
        cov[0] = variance;
        cov[1] = -variance;
        cov[2] = withTie;
        cov[3] = -variance;
        cov[4] = variance;
        cov[5] = -withTie;
        cov[6] = withTie;
        cov[7] = -withTie;
        cov[8] = nr * p[2] * (p[0] + p[1]);
    }

    private double sumOfScores(double[] theta) {
        double s = 0;
        for (int i = 0; i < model.items; i++) {
            s += theta[i];
        }
        return s;
    }

    /** log(1 + eˣ) without overflow or loss of small values. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
