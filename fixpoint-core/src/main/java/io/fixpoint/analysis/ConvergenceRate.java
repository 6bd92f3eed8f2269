package io.fixpoint.analysis;

import java.util.Arrays;

/**
 * Estimates the observed convergence rate from a sequence of optimality measures e_0, e_1, ...
 * Three models are fitted by least squares in log space on the tail of the sequence (its second
 * half, where asymptotic behaviour shows): sublinear log e_k = c − p·log k, linear
 * log e_k = c + k·log ρ, and superlinear log e_{k+1} = c + q·log e_k. The superlinear model wins
 * when its order is clearly above one and it fits well; otherwise the better of the other two.
 */
public final class ConvergenceRate {
    static final int MIN_POINTS = 4;
    static final double SUPERLINEAR_ORDER = 1.2;
    static final double GOOD_FIT = 0.9;
    /**
     * Over a short tail a geometric decrease also fits C/k^p with a huge p; beyond this order the
     * linear model is taken whenever it fits well.
     */
    static final double MAX_SUBLINEAR_ORDER = 4;

    private ConvergenceRate() {
    }

    public static RateEstimate estimate(double[] e) {
        int end = e.length;
        while (end > 0 && !(e[end - 1] > 0 && Double.isFinite(e[end - 1]))) {
            end--; // an exact zero or a non-finite tail says nothing about the rate
        }
        int start = end / 2;
        for (int i = end - 1; i >= start; i--) {
            if (!(e[i] > 0 && Double.isFinite(e[i]))) {
                start = i + 1;
                break;
            }
        }
        int n = end - start;
        if (n < MIN_POINTS) {
            return RateEstimate.UNKNOWN;
        }
        double[] k = new double[n];
        double[] logK = new double[n];
        double[] logE = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = start + i;
            logK[i] = Math.log(Math.max(1, start + i));
            logE[i] = Math.log(e[start + i]);
        }
        Fit linear = Fit.of(k, logE);
        Fit sublinear = Fit.of(logK, logE);
        Fit superlinear = Fit.of(Arrays.copyOf(logE, n - 1), Arrays.copyOfRange(logE, 1, n));

        boolean falling = logE[n - 1] < logE[0];
        if (falling && superlinear.slope > SUPERLINEAR_ORDER && superlinear.r2 >= GOOD_FIT && linear.slope < 0) {
            return new RateEstimate(RateEstimate.Kind.SUPERLINEAR, superlinear.slope, superlinear.r2, n);
        }
        if (!falling) {
            return new RateEstimate(RateEstimate.Kind.UNKNOWN, Double.NaN, 0, n);
        }
        boolean implausiblySteep = -sublinear.slope > MAX_SUBLINEAR_ORDER && linear.r2 >= GOOD_FIT;
        if (linear.r2 >= sublinear.r2 || implausiblySteep) {
            return new RateEstimate(RateEstimate.Kind.LINEAR, Math.exp(linear.slope), linear.r2, n);
        }
        return new RateEstimate(RateEstimate.Kind.SUBLINEAR, -sublinear.slope, sublinear.r2, n);
    }

    /** Ordinary least-squares line y ≈ a + slope·x with its R². */
    record Fit(double slope, double r2) {
        static Fit of(double[] x, double[] y) {
            int n = x.length;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[i];
                my += y[i];
            }
            mx /= n;
            my /= n;
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
                syy += (y[i] - my) * (y[i] - my);
            }
            if (sxx == 0) {
                return new Fit(Double.NaN, 0);
            }
            double slope = sxy / sxx;
            double r2 = syy == 0 ? 1 : Math.max(0, Math.min(1, sxy * sxy / (sxx * syy)));
            return new Fit(slope, r2);
        }
    }
}
