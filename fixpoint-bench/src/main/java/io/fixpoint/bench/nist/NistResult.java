package io.fixpoint.bench.nist;

/**
 * One fit of one NIST dataset from one start by one method, judged by log relative error.
 *
 * @param dataset    dataset name
 * @param start      1 or 2
 * @param method     method name (SciPy's are prefixed {@code scipy-})
 * @param status     how the fit ended, in the method's own words
 * @param x          the estimate (null if the method failed outright)
 * @param rss        the residual sum of squares at x
 * @param parameterLre the LRE of every parameter
 * @param rssLre     the LRE of the RSS
 * @param residualEvaluations residual (function) evaluations
 * @param jacobianEvaluations Jacobian evaluations
 * @param seconds    wall time of the fit (NaN for peers, whose times include interpreter overhead)
 */
public record NistResult(String dataset, int start, String method, String status, double[] x, double rss,
        double[] parameterLre, double rssLre, long residualEvaluations, long jacobianEvaluations, double seconds) {

    /** The smallest LRE over the parameters. */
    public double minParameterLre() {
        double m = Lre.MAX;
        for (double v : parameterLre) {
            m = Math.min(m, v);
        }
        return parameterLre.length == 0 ? 0 : m;
    }

    /** The smallest LRE over the parameters and the RSS: the figure a fit is judged by. */
    public double lre() {
        return Math.min(minParameterLre(), rssLre);
    }

    /** Judged against {@code d}'s certified values. */
    static NistResult of(NistDataset d, int start, String method, String status, double[] x, double rss, long nfev, long njev,
            double seconds) {
        double[] lre = new double[d.certified().length];
        if (x != null) {
            for (int j = 0; j < lre.length; j++) {
                lre[j] = Lre.of(x[j], d.certified()[j]);
            }
        }
        return new NistResult(d.name(), start, method, status, x, rss, lre, x == null ? 0 : Lre.of(rss, d.certifiedRss()), nfev, njev,
                seconds);
    }
}
