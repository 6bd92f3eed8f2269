package io.fixpoint.leastsquares;

import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import java.util.Arrays;

/**
 * The usual statistics of a fit at its solution: residual sum of squares, residual variance
 * s² = RSS/(m − n), covariance s²(JᵀJ)⁻¹ and standard errors. (JᵀJ)⁻¹ comes from the SVD of the
 * column-scaled Jacobian ({@link ScaledSvd}), which keeps it accurate when J is badly scaled; singular
 * values below ε·m·σmax are dropped and {@link #rank()} says how many remain.
 *
 * <p>When J is rank-deficient the data determine only some combinations of the parameters. A
 * parameter whose unit direction leaves J's row space (b₁ and b₂ in b₁·b₂·x, b₁ in b₁·0 + x) has no
 * standard error: it is NaN, as are its covariances, rather than the figure the pseudo-inverse would
 * give. With m = n there is no residual variance and every standard error is NaN; m &lt; n is refused.
 *
 * @param rss              residual sum of squares ‖r‖²
 * @param degreesOfFreedom m − n
 * @param residualVariance s² = RSS/(m − n) (NaN when m = n)
 * @param covariance       s²(JᵀJ)⁻¹, row-major n×n (NaN in the rows and columns of parameters not determined)
 * @param standardErrors   square roots of the covariance diagonal (NaN for a parameter not determined)
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

    /**
     * The statistics from residuals and a row-major Jacobian with {@code n} columns.
     *
     * @throws InvalidProblemException when there are fewer residuals than parameters
     */
    public static FitStatistics of(double[] r, double[] jac, int n) {
        int m = r.length;
        requireEnoughObservations(m, n);
        double rss = 0;
        for (double v : r) {
            rss += v * v;
        }
        int dof = m - n;
        double s2 = dof > 0 ? rss / dof : Double.NaN;
        double[] d = new double[n];
        double[] inverse = new double[n];
        ScaledSvd.columnNorms(jac, m, n, d, inverse);
        ScaledSvd svd = new ScaledSvd(m, n, false);
        double[] cov = new double[n * n];
        double[] se = new double[n];
        if (!svd.decompose(jac, inverse, null, r)) {
            Arrays.fill(cov, Double.NaN);
            Arrays.fill(se, Double.NaN);
            return new FitStatistics(rss, dof, s2, cov, se, 0);
        }
        boolean[] determined = new boolean[n];
        for (int j = 0; j < n; j++) {
            determined[j] = svd.determines(j);
        }
        // (JᵀJ)⁻¹ = D⁻¹ (AᵀA)⁺ D⁻¹ with A = J·D⁻¹
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                cov[p * n + q] = determined[p] && determined[q] ? s2 * svd.inverseGram(p, q) / (d[p] * d[q]) : Double.NaN;
            }
        }
        for (int j = 0; j < n; j++) {
            se[j] = Math.sqrt(cov[j * n + j]);
        }
        return new FitStatistics(rss, dof, s2, cov, se, svd.rank());
    }

    /** Refuses a fit with fewer observations than parameters, whose degrees of freedom would be negative. */
    static void requireEnoughObservations(int m, int n) {
        if (m < n) {
            throw new InvalidProblemException(n + " parameters but only " + m + " observation" + (m == 1 ? "" : "s")
                    + ": a fit needs at least as many observations as parameters");
        }
    }

    /** Whether the data determine parameter {@code j}: J's row space contains its direction and there are degrees of freedom left. */
    public boolean determined(int j) {
        return !Double.isNaN(standardErrors[j]);
    }

    /** Whether J has fewer independent columns than there are parameters. */
    public boolean rankDeficient() {
        return rank < standardErrors.length;
    }
}
