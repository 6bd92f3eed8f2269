package io.fixpoint.bench.suite;

import io.fixpoint.problem.Objective;

/**
 * f(x) = ½(x − x*)ᵀA(x − x*) with A = HDH: D = diag(κ^{i/(n−1)}), eigenvalues spread geometrically over
 * [1, κ], and H = I − 2uuᵀ/uᵀu a Householder reflection that mixes every coordinate, so that A has
 * condition number κ and is dense, yet f, ∇f and ∇²f·v cost O(n) and store three vectors. The minimum is
 * f* = 0 at x*. The random vectors u (entries uniform in [−1, 1]) and x* (uniform in [−1, 1]) come from
 * a counter-based SplitMix64 hash of the seed and the index, which the NumPy definitions of the peers
 * reproduce exactly. Evaluations allocate nothing, so one instance may not be shared between threads.
 */
public final class ConvexQuadratic implements Objective {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final int n;
    private final double condition;
    private final double[] d;
    private final double[] u;
    private final double[] minimizer;
    private final double twoOverUu;

    /**
     * @param n         dimension, at least 2
     * @param condition κ ≥ 1
     * @param seed      chooses u and x*
     */
    public ConvexQuadratic(int n, double condition, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("convex-quadratic: need n ≥ 2, got " + n);
        }
        if (!(condition >= 1) || Double.isInfinite(condition)) {
            throw new IllegalArgumentException("convex-quadratic: the condition number must be finite and ≥ 1, got " + condition);
        }
        this.n = n;
        this.condition = condition;
        d = new double[n];
        u = new double[n];
        minimizer = new double[n];
        double logK = Math.log(condition);
        double uu = 0;
        for (int i = 0; i < n; i++) {
            d[i] = Math.exp(logK * i / (n - 1));
            u[i] = 2 * uniform(seed, 0, i) - 1;
            minimizer[i] = 2 * uniform(seed, 1, i) - 1;
            uu += u[i] * u[i];
        }
        twoOverUu = 2 / uu;
    }

    /** A number in [0, 1) from the SplitMix64 finaliser applied to (seed, stream, index). */
    static double uniform(long seed, long stream, long index) {
        long z = seed * GOLDEN + stream * 0xD1B54A32D192ED03L + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    public double condition() {
        return condition;
    }

    /** x*, where f = 0 (a copy). */
    public double[] minimizer() {
        return minimizer.clone();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        double c = twoOverUu * reflectionDot(x, minimizer);
        double f = 0;
        for (int i = 0; i < n; i++) {
            double w = x[i] - minimizer[i] - c * u[i];
            f += d[i] * w * w;
        }
        return 0.5 * f;
    }

    @Override
    public void gradient(double[] x, double[] g) {
        valueAndGradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return apply(x, minimizer, g);
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        apply(v, null, hv);
    }

    /** out ← HDH(a − b) (b = 0 when null), returning ½(a − b)ᵀHDH(a − b). */
    private double apply(double[] a, double[] b, double[] out) {
        double c = twoOverUu * reflectionDot(a, b);
        double f = 0;
        double back = 0;
        for (int i = 0; i < n; i++) {
            double w = a[i] - (b == null ? 0 : b[i]) - c * u[i];
            double t = d[i] * w;
            out[i] = t;
            f += w * t;
            back += u[i] * t;
        }
        double c2 = twoOverUu * back;
        for (int i = 0; i < n; i++) {
            out[i] -= c2 * u[i];
        }
        return 0.5 * f;
    }

    /** uᵀ(a − b), b = 0 when null. */
    private double reflectionDot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * (a[i] - (b == null ? 0 : b[i]));
        }
        return s;
    }
}
