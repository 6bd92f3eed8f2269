package io.fixpoint.ranking;

import io.fixpoint.problem.GradientMap;
import io.fixpoint.problem.Objective;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One step of iterative Luce spectral ranking (Maystre and Grossglauser, NIPS 2015, Algorithm 2):
 * with the weights 1/(πᵢ + πⱼ) of the current strengths frozen, every win of i over j becomes a
 * transition j → i of that rate, and the new strengths are the stationary distribution of this
 * Markov chain. Its balance equations πᵢ·Σⱼ wⱼᵢ/(πᵢ + πⱼ) = Σⱼ πⱼ·wᵢⱼ/(πᵢ + πⱼ) are the likelihood
 * equations when the weights are taken at π itself, so the MLE is the map's fixed point. For the
 * MAP estimate the virtual opponent joins the chain with its one win and one loss against each item,
 * and the strengths are read relative to its own.
 *
 * <p>Each step solves the dense balance equations (EJML LU), so the map is limited to
 * {@link BradleyTerryModel#DENSE_LIMIT} items. The basic model only: no home advantage, ties as
 * half wins.
 */
final class SpectralMap implements GradientMap {
    private final BradleyTerryModel model;
    private final Objective objective;
    private final int states;
    private final DMatrixRMaj balance;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj stationary;
    private final LinearSolverDense<DMatrixRMaj> lu;

    SpectralMap(BradleyTerryModel model) {
        if (model.homeAdvantage() || model.ties() != Ties.HALF) {
            throw new IllegalArgumentException("I-LSR applies to the basic Bradley–Terry model only (no home advantage, ties as half wins)");
        }
        int size = model.items + (model.maximumAPosteriori() ? 1 : 0);
        if (size > BradleyTerryModel.DENSE_LIMIT) {
            throw new IllegalArgumentException("I-LSR solves a dense chain of " + size + " states per step; the limit is "
                    + BradleyTerryModel.DENSE_LIMIT + " (use newman or zermelo)");
        }
        this.model = model;
        this.objective = model.objective();
        this.states = size;
        balance = new DMatrixRMaj(size, size);
        rhs = new DMatrixRMaj(size, 1);
        stationary = new DMatrixRMaj(size, 1);
        lu = LinearSolverFactory_DDRM.lu(size);
    }

    @Override
    public int dimension() {
        return model.dimension;
    }

    @Override
    public void apply(double[] theta, double[] out, double[] gradient) {
        objective.gradient(theta, gradient);
        // balance[i][k]: rate of k → i for k ≠ i, minus the total rate out of i on the diagonal (Qᵀ).
        Arrays.fill(balance.data, 0);
        for (int r = 0; r < model.records(); r++) {
            int i = model.first(r);
            int j = model.second(r);
            double w = inverseSum(theta[i], theta[j]);
            transitions(j, i, model.a[r] * w);
            transitions(i, j, model.b[r] * w);
        }
        int virtual = model.items;
        if (model.maximumAPosteriori()) {
            for (int i = 0; i < model.items; i++) {
                double w = inverseSum(theta[i], 0);
                transitions(virtual, i, w);
                transitions(i, virtual, w);
            }
        }
        // Σπ = 1 replaces the last (redundant) balance equation.
        int last = states - 1;
        for (int k = 0; k < states; k++) {
            balance.unsafe_set(last, k, 1);
        }
        Arrays.fill(rhs.data, 0);
        rhs.data[last] = 1;
        if (!lu.setA(balance)) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        lu.solve(rhs, stationary);
        double reference = model.maximumAPosteriori() ? Math.log(stationary.data[virtual]) : 0;
        double mean = 0;
        for (int i = 0; i < model.items; i++) {
            out[i] = Math.log(stationary.data[i]) - reference;
            mean += out[i];
        }
        if (!model.maximumAPosteriori()) {
            mean /= model.items;
            for (int i = 0; i < model.items; i++) {
                out[i] -= mean;
            }
        }
    }

    /** A transition from → to of the given rate. */
    private void transitions(int from, int to, double rate) {
        if (rate == 0) {
            return;
        }
        balance.unsafe_set(to, from, balance.unsafe_get(to, from) + rate);
        balance.unsafe_set(from, from, balance.unsafe_get(from, from) - rate);
    }

    /** 1/(e^x + e^y) without overflow. */
    private static double inverseSum(double x, double y) {
        double m = Math.max(x, y);
        return Math.exp(-m) / (1 + Math.exp(-Math.abs(x - y)));
    }
}
