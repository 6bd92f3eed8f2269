package io.fixpoint.leastsquares;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The usual statistics of a fit at its solution: residual sum of squares, residual variance
 * s² = RSS/(m − n), covariance s²(JᵀJ)⁻¹ and standard errors. (JᵀJ)⁻¹ comes from the SVD of the
 * column-scaled Jacobian, which keeps it accurate when J is badly scaled; singular values below
 * ε·m·σmax are dropped (a pseudo-inverse), and {@link #rank()} says so.
 *
 * @param rss              residual sum of squares ‖r‖²
 * @param degreesOfFreedom m − n
 * @param residualVariance s² = RSS/(m − n) (NaN when m ≤ n)
 * @param covariance       s²(JᵀJ)⁻¹, row-major n×n
 * @param standardErrors   square roots of the covariance diagonal
 * @param rank             the numerical rank of J
 */
public record FitStatistics(double rss, int degreesOfFreedom, double residualVariance, double[] covariance,
        double[] standardErrors, int rank) {

    /** Evaluates residuals and Jacobian at {@code x} and computes the statistics. */
    public static FitStatistics at(LeastSquaresProblem problem, double[] x) {
        int n = problem.dimension();
        int m = problem.residualCount();
        InvalidProblemException.checkDimension("parameter vector", x.length, n);
        double[] r = new double[m];
        double[] jac = new double[m * n];
        problem.residuals(x, r);
        problem.jacobian(x, jac);
        return of(r, jac, n);
    }

    /** The statistics from residuals and a row-major Jacobian with {@code n} columns. */
    public static FitStatistics of(double[] r, double[] jac, int n) {
        int m = r.length;
        double rss = 0;
        for (double v : r) {
            rss += v * v;
        }
        int dof = m - n;
        double s2 = dof > 0 ? rss / dof : Double.NaN;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                c += jac[i * n + j] * jac[i * n + j];
            }
            d[j] = c > 0 ? Math.sqrt(c) : 1;
        }
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a.data[i * n + j] = jac[i * n + j] / d[j];
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, true, true);
        double[] cov = new double[n * n];
        double[] se = new double[n];
        if (!svd.decompose(a)) {
            java.util.Arrays.fill(cov, Double.NaN);
            java.util.Arrays.fill(se, Double.NaN);
            return new FitStatistics(rss, dof, s2, cov, se, 0);
        }
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        int k = svd.numberOfSingularValues();
        double smax = 0;
        for (int i = 0; i < k; i++) {
            smax = Math.max(smax, s[i]);
        }
        double threshold = Math.ulp(1.0) * Math.max(m, n) * smax;
        int rank = 0;
        for (int i = 0; i < k; i++) {
            if (s[i] > threshold) {
                rank++;
            }
        }
        // (JᵀJ)⁻¹ = D⁻¹ V S⁻² Vᵀ D⁻¹
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double t = 0;
                for (int i = 0; i < k; i++) {
                    if (s[i] > threshold) {
                        t += v.get(p, i) * v.get(q, i) / (s[i] * s[i]);
                    }
                }
                cov[p * n + q] = s2 * t / (d[p] * d[q]);
            }
        }
        for (int j = 0; j < n; j++) {
            se[j] = Math.sqrt(cov[j * n + j]);
        }
        return new FitStatistics(rss, dof, s2, cov, se, rank);
    }
}
