package io.fixpoint.bench.train;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import io.fixpoint.train.Training;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * An ill-conditioned quadratic as a finite sum: fᵢ(w) = ½(aᵢ·w − bᵢ)² with rows aᵢ = zᵢ diag(s) Qᵀ,
 * zᵢ standard normal, scales s spaced geometrically from 1 down to 1/√κ and Q a random rotation, so
 * the Hessian (1/N)AᵀA has eigenvalues from about 1 down to 1/κ in directions no coordinate axis
 * lines up with; bᵢ = aᵢ·w* + 0.01·noise with w* standard normal. One "weight" tensor.
 */
final class IllConditionedLeastSquares implements FiniteSum {
    private final double[] a;
    private final double[] b;
    private final int n;
    private final int d;

    private IllConditionedLeastSquares(double[] a, double[] b, int d) {
        this.a = a;
        this.b = b;
        this.d = d;
        this.n = b.length;
    }

    /** Training and held-out rows of the same problem. */
    record Pair(IllConditionedLeastSquares train, IllConditionedLeastSquares heldOut) {
    }

    static Pair of(int rows, int heldOut, int d, double kappa, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        double[] wStar = new double[d];
        for (int j = 0; j < d; j++) {
            wStar[j] = rnd.nextGaussian();
        }
        int total = rows + heldOut;
        double[] a = new double[total * d];
        double[] b = new double[total];
        double[] z = new double[d];
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = rnd.nextGaussian() * Math.pow(Math.sqrt(kappa), -(double) j / (d - 1));
            }
            double dot = 0;
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += z[j] * q.get(c, j);
                }
                a[i * d + c] = s;
                dot += s * wStar[c];
            }
            b[i] = dot + 0.01 * rnd.nextGaussian();
        }
        return new Pair(new IllConditionedLeastSquares(Arrays.copyOf(a, rows * d), Arrays.copyOf(b, rows), d),
                new IllConditionedLeastSquares(Arrays.copyOfRange(a, rows * d, total * d), Arrays.copyOfRange(b, rows, total), d));
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public long size() {
        return n;
    }

    @Override
    public ParameterLayout layout() {
        return ParameterLayout.builder().vector("weight", d, Tensor.Role.GENERIC).build();
    }

    @Override
    public double value(double[] w, Batch batch) {
        int m = batch.isAll() ? n : batch.size();
        double s = 0;
        for (int k = 0; k < m; k++) {
            double r = residual(w, batch.isAll() ? k : batch.index(k));
            s += 0.5 * r * r;
        }
        return s / m;
    }

    private double residual(double[] w, int i) {
        double r = -b[i];
        for (int j = 0; j < d; j++) {
            r += a[i * d + j] * w[j];
        }
        return r;
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        Arrays.fill(g, 0);
        int m = batch.isAll() ? n : batch.size();
        double s = 0;
        for (int k = 0; k < m; k++) {
            int i = batch.isAll() ? k : batch.index(k);
            double r = residual(w, i);
            s += 0.5 * r * r;
            for (int j = 0; j < d; j++) {
                g[j] += r * a[i * d + j] / m;
            }
        }
        return s / m;
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    @Override
    public void hessianVector(double[] w, Batch batch, double[] v, double[] hv) {
        Arrays.fill(hv, 0);
        int m = batch.isAll() ? n : batch.size();
        for (int k = 0; k < m; k++) {
            int i = batch.isAll() ? k : batch.index(k);
            double av = 0;
            for (int j = 0; j < d; j++) {
                av += a[i * d + j] * v[j];
            }
            for (int j = 0; j < d; j++) {
                hv[j] += av * a[i * d + j] / m;
            }
        }
    }

    @Override
    public boolean hasSampledGradient() {
        return true;
    }

    /** Targets drawn from N(aᵢ·w, 1): the residual becomes −ε. */
    @Override
    public void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        Arrays.fill(g, 0);
        int m = batch.isAll() ? n : batch.size();
        for (int k = 0; k < m; k++) {
            int i = batch.isAll() ? k : batch.index(k);
            double e = io.fixpoint.problem.CounterRandom.normal(seed, i);
            for (int j = 0; j < d; j++) {
                g[j] -= e * a[i * d + j] / m;
            }
        }
    }

    Training.Metrics metrics(double[] w) {
        return new Training.Metrics(value(w, Batch.all()), Double.NaN);
    }
}
