package io.fixpoint.model;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import io.fixpoint.train.Training;
import java.util.Arrays;

/**
 * Low-rank matrix factorisation M ≈ U Vᵀ (U m×k, V n×k) as a finite sum over observed entries
 * (i, j, M_ij): fₑ = ½(u_iᵀv_j − M_ij)², plus (λ/2)(‖U‖²_F + ‖V‖²_F). Gradient and Hessian–vector
 * product are exact; the gradient at sampled targets (Sophia-G) draws M̂_ij ~ N(u_iᵀv_j, 1), the
 * Gaussian likelihood the squared loss is the negative log of, with {@link CounterRandom#normal}.
 * Tensors {@code factors.rows} (m×k) and {@code factors.cols} (n×k), both embeddings.
 */
public final class MatrixFactorization implements FiniteSum {
    private final int rows;
    private final int cols;
    private final int rank;
    private final int[] entryRow;
    private final int[] entryCol;
    private final double[] entryValue;
    private final double l2;
    private final ParameterLayout layout;
    private final int vOff;

    private MatrixFactorization(int rows, int cols, int rank, int[] er, int[] ec, double[] ev, double l2) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be ≥ 1, got " + rank);
        }
        if (er.length == 0) {
            throw new IllegalArgumentException("matrix factorisation needs at least one observed entry");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and ≥ 0, got " + l2);
        }
        this.rows = rows;
        this.cols = cols;
        this.rank = rank;
        this.entryRow = er;
        this.entryCol = ec;
        this.entryValue = ev;
        this.l2 = l2;
        layout = ParameterLayout.builder()
                .matrix("factors.rows", rows, rank, Tensor.Role.EMBEDDING)
                .matrix("factors.cols", cols, rank, Tensor.Role.EMBEDDING)
                .build();
        vOff = rows * rank;
    }

    /** Entries of a data matrix (the features of a dataset), split into training and held-out factorisations. */
    public record Split(MatrixFactorization train, MatrixFactorization heldOut) {
    }

    /**
     * Factorises the feature matrix of {@code data} (standardised column by column); ⌈fraction·m·n⌉ of its
     * entries, chosen by a seeded permutation, are held out.
     */
    public static Split of(Dataset data, int rank, double l2, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must lie in (0, 1), got " + fraction);
        }
        int m = data.rows();
        int n = data.features();
        int count = m * n;
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += data.feature(i, j);
            }
            mean[j] = s / m;
            double v = 0;
            for (int i = 0; i < m; i++) {
                v += (data.feature(i, j) - mean[j]) * (data.feature(i, j) - mean[j]);
            }
            double sd = Math.sqrt(v / m);
            scale[j] = sd > 0 ? 1 / sd : 1;
        }
        int[] perm = new int[count];
        io.fixpoint.train.ShuffledBatches.permutation(CounterRandom.derive(seed, 0x5EED), 0, perm);
        int held = (int) Math.ceil(fraction * count);
        if (held >= count) {
            throw new IllegalArgumentException(data.name() + " has too few entries to hold out " + held);
        }
        int[] heldIdx = Arrays.copyOfRange(perm, 0, held);
        int[] trainIdx = Arrays.copyOfRange(perm, held, count);
        Arrays.sort(heldIdx);
        Arrays.sort(trainIdx);
        return new Split(entries(data, trainIdx, mean, scale, rank, l2), entries(data, heldIdx, mean, scale, rank, l2));
    }

    private static MatrixFactorization entries(Dataset data, int[] idx, double[] mean, double[] scale, int rank, double l2) {
        int n = data.features();
        int[] er = new int[idx.length];
        int[] ec = new int[idx.length];
        double[] ev = new double[idx.length];
        for (int e = 0; e < idx.length; e++) {
            er[e] = idx[e] / n;
            ec[e] = idx[e] % n;
            ev[e] = (data.feature(er[e], ec[e]) - mean[ec[e]]) * scale[ec[e]];
        }
        return new MatrixFactorization(data.rows(), n, rank, er, ec, ev, l2);
    }

    /** A factorisation of the given entries (for tests and synthetic workloads). */
    public static MatrixFactorization of(int rows, int cols, int rank, int[] entryRow, int[] entryCol, double[] value, double l2) {
        for (int e = 0; e < entryRow.length; e++) {
            if (entryRow[e] < 0 || entryRow[e] >= rows || entryCol[e] < 0 || entryCol[e] >= cols || !Double.isFinite(value[e])) {
                throw new IllegalArgumentException("entry " + e + " (" + entryRow[e] + ", " + entryCol[e] + ", " + value[e] + ") is outside the "
                        + rows + "×" + cols + " matrix or not finite");
            }
        }
        return new MatrixFactorization(rows, cols, rank, entryRow.clone(), entryCol.clone(), value.clone(), l2);
    }

    /** Factors uniform in ±1/√k ({@link CounterRandom}), so predictions start of order one. */
    public double[] initialParameters(long seed) {
        double[] w = new double[dimension()];
        Initial.uniform(w, 0, w.length, 1 / Math.sqrt(rank), seed);
        return w;
    }

    public int rank() {
        return rank;
    }

    @Override
    public int dimension() {
        return (rows + cols) * rank;
    }

    @Override
    public long size() {
        return entryRow.length;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    private double predict(double[] w, int e) {
        int u = entryRow[e] * rank;
        int v = vOff + entryCol[e] * rank;
        double s = 0;
        for (int q = 0; q < rank; q++) {
            s += w[u + q] * w[v + q];
        }
        return s;
    }

    @Override
    public double value(double[] w, Batch batch) {
        int total = batch.count(entryRow.length);
        double loss = 0;
        for (int k = 0; k < total; k++) {
            int e = batch.example(k);
            double res = predict(w, e) - entryValue[e];
            loss += 0.5 * res * res;
        }
        return loss / total + regulariser(w);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        Arrays.fill(g, 0);
        int total = batch.count(entryRow.length);
        double loss = 0;
        for (int k = 0; k < total; k++) {
            int e = batch.example(k);
            double res = predict(w, e) - entryValue[e];
            loss += 0.5 * res * res;
            addOuter(w, e, res / total, g);
        }
        for (int i = 0; i < w.length; i++) {
            g[i] += l2 * w[i];
        }
        return loss / total + regulariser(w);
    }

    /** g_u += c·v_j, g_v += c·u_i for entry e. */
    private void addOuter(double[] w, int e, double c, double[] g) {
        int u = entryRow[e] * rank;
        int v = vOff + entryCol[e] * rank;
        for (int q = 0; q < rank; q++) {
            g[u + q] += c * w[v + q];
            g[v + q] += c * w[u + q];
        }
    }

    private double regulariser(double[] w) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        for (double x : w) {
            s += x * x;
        }
        return 0.5 * l2 * s;
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    /** For fₑ: H(du, dv) = (v·du + u·dv)(v, u) + res·(dv, du). */
    @Override
    public void hessianVector(double[] w, Batch batch, double[] d, double[] hv) {
        Arrays.fill(hv, 0);
        int total = batch.count(entryRow.length);
        for (int k = 0; k < total; k++) {
            int e = batch.example(k);
            int u = entryRow[e] * rank;
            int v = vOff + entryCol[e] * rank;
            double res = predict(w, e) - entryValue[e];
            double dir = 0;
            for (int q = 0; q < rank; q++) {
                dir += w[v + q] * d[u + q] + w[u + q] * d[v + q];
            }
            for (int q = 0; q < rank; q++) {
                hv[u + q] += (dir * w[v + q] + res * d[v + q]) / total;
                hv[v + q] += (dir * w[u + q] + res * d[u + q]) / total;
            }
        }
        for (int i = 0; i < w.length; i++) {
            hv[i] += l2 * d[i];
        }
    }

    @Override
    public boolean hasSampledGradient() {
        return true;
    }

    @Override
    public void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        Arrays.fill(g, 0);
        int total = batch.count(entryRow.length);
        for (int k = 0; k < total; k++) {
            int e = batch.example(k);
            // residual at a target drawn from N(prediction, 1) is −ε
            addOuter(w, e, -CounterRandom.normal(seed, e) / total, g);
        }
    }

    /** Held-out loss: the mean of ½(prediction − value)² over these entries; no accuracy. */
    public Training.Metrics metrics(double[] w) {
        return new Training.Metrics(value(w, Batch.all()) - regulariser(w), Double.NaN);
    }
}
