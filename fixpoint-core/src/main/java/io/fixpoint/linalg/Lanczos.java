package io.fixpoint.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The largest eigenvalue of a symmetric operator by the Lanczos process (Golub and Van Loan, Matrix
 * Computations, §10.1), one product per step. Without reorthogonalisation the Lanczos vectors lose
 * orthogonality, but the extreme Ritz values still converge to eigenvalues and never pass them by more
 * than rounding (Paige 1980), which is all an estimate of the largest needs.
 *
 * <p>After k steps the tridiagonal T_k has its largest eigenvalue θ with unit eigenvector s, and the
 * Ritz vector u satisfies ‖Bu − θu‖ = β_k·|s_k|, so an eigenvalue of B lies within that bound of θ
 * (Parlett, The Symmetric Eigenvalue Problem, Thm 4.5.1). The process stops when the bound is at most
 * {@code tolerance}·θ, or when β_k vanishes (the Krylov space is invariant and θ exact).
 */
public final class Lanczos {

    /** y ← B·x for a symmetric B; x is not modified. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] x, double[] y);
    }

    /**
     * @param value    θ, the largest Ritz value
     * @param residual the bound β_k·|s_k|: an eigenvalue lies in [θ − residual, θ + residual]
     * @param products products with B
     */
    public record Estimate(double value, double residual, int products) {
        /** θ + residual: at least the eigenvalue θ approximates. */
        public double upper() {
            return value + residual;
        }
    }

    private Lanczos() {
    }

    /**
     * The largest eigenvalue of {@code b} from {@code start} (not modified; it must not be zero), within
     * {@code tolerance} relative, in at most {@code maxProducts} products.
     */
    public static Estimate largestEigenvalue(Operator b, double[] start, double tolerance, int maxProducts) {
        int n = start.length;
        double norm = Vectors.norm(start);
        if (!(norm > 0) || !(tolerance > 0) || maxProducts < 1) {
            throw new IllegalArgumentException("Lanczos needs a non-zero start, a positive tolerance and at least one product");
        }
        double[] previous = new double[n];
        double[] q = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = start[i] / norm;
        }
        int most = Math.min(maxProducts, n);
        double[] alpha = new double[most];
        double[] beta = new double[most];
        Estimate estimate = null;
        for (int k = 0; k < most; k++) {
            b.apply(q, w);
            double a = Vectors.dot(q, w);
            double bPrevious = k == 0 ? 0 : beta[k - 1];
            for (int i = 0; i < n; i++) {
                w[i] -= a * q[i] + bPrevious * previous[i];
            }
            alpha[k] = a;
            beta[k] = Vectors.norm(w);
            boolean last = k + 1 == most || !(beta[k] > 0);
            if (last || k < 16 || k % 8 == 7) {
                estimate = ritz(alpha, beta, k + 1);
                if (last || estimate.residual() <= tolerance * estimate.value()) {
                    return estimate;
                }
            }
            double[] t = previous;
            previous = q;
            q = t;
            for (int i = 0; i < n; i++) {
                q[i] = w[i] / beta[k];
            }
        }
        return estimate;
    }

    /** The largest eigenvalue of T_k and its residual bound β_k·|s_k|. */
    private static Estimate ritz(double[] alpha, double[] beta, int k) {
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < k) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("the eigenvalues of a " + k + " × " + k + " tridiagonal matrix did not converge");
        }
        int top = 0;
        for (int i = 1; i < k; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        DMatrixRMaj s = eig.getEigenVector(top);
        double last = Math.abs(s.get(k - 1)) / Math.sqrt(Arrays.stream(s.data, 0, k).map(v -> v * v).sum());
        return new Estimate(eig.getEigenvalue(top).real, beta[k - 1] * last, k);
    }
}
