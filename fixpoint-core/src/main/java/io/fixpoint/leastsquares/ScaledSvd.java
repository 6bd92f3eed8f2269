package io.fixpoint.leastsquares;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The SVD of the scaled (and optionally augmented) Jacobian A = [J·diag(c); diag(√h)] = U S Vᵀ,
 * from which every step the solvers need follows in closed form: Gauss–Newton, the
 * Levenberg–Marquardt step for any λ, and the λ that puts the step on the trust-region boundary
 * (Moré's Newton iteration on ‖p(λ)‖ − Δ, as in MINPACK's lmpar and SciPy's solve_lsq_trust_region).
 * Workspaces are sized once.
 */
final class ScaledSvd {
    private static final double EPS = Math.ulp(1.0);
    /** How far below 1 the squared length of a unit vector's projection on the row space may fall, by rounding, and still count as in it. */
    private static final double DETERMINED = 1e-8;

    private final int m;
    private final int n;
    private final int rows;
    private final int k;
    private final DMatrixRMaj a;
    private final DMatrixRMaj u;
    private final DMatrixRMaj v;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final double[] s;
    private final double[] uf;
    private final double[] coef;
    private boolean fullRank;
    private double threshold;

    /** @param augmented whether n extra diagonal rows are appended below J */
    ScaledSvd(int m, int n, boolean augmented) {
        this.m = m;
        this.n = n;
        this.rows = augmented ? m + n : m;
        this.k = Math.min(rows, n);
        this.a = new DMatrixRMaj(rows, n);
        this.u = new DMatrixRMaj(rows, k);
        this.v = new DMatrixRMaj(n, k);
        this.svd = DecompositionFactory_DDRM.svd(rows, n, true, true, true);
        this.s = new double[k];
        this.uf = new double[k];
        this.coef = new double[k];
    }

    /**
     * Decomposes [J·diag(c); diag(√h)] and projects [r; 0] on the left singular vectors.
     *
     * @param h the extra diagonal (ignored unless augmented; null means zero)
     * @return false if the SVD failed (non-finite input)
     */
    boolean decompose(double[] jac, double[] c, double[] h, double[] r) {
        double[] ad = a.data;
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                ad[row + j] = jac[row + j] * c[j];
            }
        }
        if (rows > m) {
            java.util.Arrays.fill(ad, m * n, rows * n, 0);
            if (h != null) {
                for (int j = 0; j < n; j++) {
                    ad[(m + j) * n + j] = Math.sqrt(h[j]);
                }
            }
        }
        if (!svd.decompose(a)) {
            return false;
        }
        svd.getU(u, false);
        svd.getV(v, false);
        double[] sv = svd.getSingularValues();
        double smax = 0;
        double smin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            s[i] = sv[i];
            smax = Math.max(smax, s[i]);
            smin = Math.min(smin, s[i]);
            double t = 0;
            for (int row = 0; row < m; row++) {
                t += u.data[row * k + i] * r[row];
            }
            uf[i] = t;
        }
        threshold = EPS * rows * smax;
        fullRank = rows >= n && smin > threshold;
        return true;
    }

    /**
     * The column norms of the row-major m×n matrix {@code jac} into {@code d} (1 for a zero column) and
     * their inverses into {@code inverse}: the scaling that makes the SVD of J·D⁻¹ blind to the units of the variables.
     */
    static void columnNorms(double[] jac, int m, int n, double[] d, double[] inverse) {
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                c += jac[i * n + j] * jac[i * n + j];
            }
            d[j] = c > 0 ? Math.sqrt(c) : 1;
            inverse[j] = 1 / d[j];
        }
    }

    /** The numerical rank: the number of singular values above ε·rows·σmax. */
    int rank() {
        int rank = 0;
        for (int i = 0; i < k; i++) {
            if (s[i] > threshold) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * Whether the j-th unit vector lies in the row space (the span of the right singular vectors
     * kept): only then does the data determine variable j, rather than a combination of variables
     * along which the matrix is blind.
     */
    boolean determines(int j) {
        double inRowSpace = 0;
        for (int i = 0; i < k; i++) {
            if (s[i] > threshold) {
                inRowSpace += v.data[j * k + i] * v.data[j * k + i];
            }
        }
        return inRowSpace >= 1 - DETERMINED;
    }

    /** Entry (p, q) of (AᵀA)⁺ = V S⁻² Vᵀ over the singular values kept. */
    double inverseGram(int p, int q) {
        double t = 0;
        for (int i = 0; i < k; i++) {
            if (s[i] > threshold) {
                t += v.data[p * k + i] * v.data[q * k + i] / (s[i] * s[i]);
            }
        }
        return t;
    }

    /** The Gauss–Newton step in scaled variables, −V S⁺ Uᵀr, dropping singular values below ε·rows·σmax. */
    void gaussNewton(double[] out) {
        for (int i = 0; i < k; i++) {
            coef[i] = s[i] > threshold ? -uf[i] / s[i] : 0;
        }
        combine(out);
    }

    /** The Gauss–Newton step for other residuals {@code rhs} (length m) with this factorisation: −V S⁺ Uᵀ rhs. */
    void gaussNewton(double[] rhs, double[] out) {
        for (int i = 0; i < k; i++) {
            double t = 0;
            for (int row = 0; row < m; row++) {
                t += u.data[row * k + i] * rhs[row];
            }
            coef[i] = s[i] > threshold ? -t / s[i] : 0;
        }
        combine(out);
    }

    /** The step −V diag(s/(s²+λ)) Uᵀr in scaled variables. */
    void regularised(double lambda, double[] out) {
        for (int i = 0; i < k; i++) {
            coef[i] = -s[i] * uf[i] / (s[i] * s[i] + lambda);
        }
        combine(out);
    }

    /** Like {@link #regularised} for another right-hand side {@code rhs} (length m): −V diag(s/(s²+λ)) Uᵀ rhs. */
    void regularised(double lambda, double[] rhs, double[] out) {
        for (int i = 0; i < k; i++) {
            double t = 0;
            for (int row = 0; row < m; row++) {
                t += u.data[row * k + i] * rhs[row];
            }
            coef[i] = -s[i] * t / (s[i] * s[i] + lambda);
        }
        combine(out);
    }

    /**
     * The λ ≥ 0 whose step p(λ) satisfies ‖p‖ ≈ Δ (to 1%), or 0 when the Gauss–Newton step already
     * lies inside; writes the scaled step, rescaled onto the boundary when λ > 0.
     *
     * @param lambda0 a warm start (the previous λ), or 0
     */
    double trustRegion(double delta, double lambda0, double[] out) {
        if (fullRank) {
            gaussNewton(out);
            if (io.fixpoint.linalg.Vectors.norm(out) <= delta) {
                return 0;
            }
        }
        double sufNorm = 0;
        for (int i = 0; i < k; i++) {
            sufNorm = Math.hypot(sufNorm, s[i] * uf[i]);
        }
        double upper = sufNorm / delta;
        double lower = 0;
        if (fullRank) {
            double[] pd = phi(0, delta);
            lower = -pd[0] / pd[1];
        }
        double lambda = lambda0 > 0 ? lambda0 : Math.max(1e-3 * upper, Math.sqrt(lower * upper));
        for (int it = 0; it < 10; it++) {
            if (lambda < lower || lambda > upper) {
                lambda = Math.max(1e-3 * upper, Math.sqrt(lower * upper));
            }
            double[] pd = phi(lambda, delta);
            double phi = pd[0];
            if (phi < 0) {
                upper = lambda;
            }
            double ratio = phi / pd[1];
            lower = Math.max(lower, lambda - ratio);
            lambda -= (phi + delta) * ratio / delta;
            if (Math.abs(phi) < 0.01 * delta) {
                break;
            }
        }
        if (!(lambda > 0)) {
            lambda = Math.max(lower, Double.MIN_NORMAL);
        }
        regularised(lambda, out);
        double norm = io.fixpoint.linalg.Vectors.norm(out);
        if (norm > 0) {
            io.fixpoint.linalg.Vectors.scale(delta / norm, out);
        }
        return lambda;
    }

    private final double[] phiOut = new double[2];

    /** φ(λ) = ‖p(λ)‖ − Δ and φ'(λ). */
    private double[] phi(double lambda, double delta) {
        double norm2 = 0;
        double deriv = 0;
        for (int i = 0; i < k; i++) {
            double suf = s[i] * uf[i];
            double denom = s[i] * s[i] + lambda;
            norm2 += (suf / denom) * (suf / denom);
            deriv += suf * suf / (denom * denom * denom);
        }
        double norm = Math.sqrt(norm2);
        phiOut[0] = norm - delta;
        phiOut[1] = -deriv / norm;
        return phiOut;
    }

    private void combine(double[] out) {
        double[] vd = v.data;
        for (int j = 0; j < n; j++) {
            double t = 0;
            int row = j * k;
            for (int i = 0; i < k; i++) {
                t += vd[row + i] * coef[i];
            }
            out[j] = t;
        }
    }
}
