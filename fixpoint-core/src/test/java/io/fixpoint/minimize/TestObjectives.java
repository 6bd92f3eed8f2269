package io.fixpoint.minimize;

import io.fixpoint.problem.Objective;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small objectives with analytic gradients and Hessians and known minimisers, for the solver tests. */
final class TestObjectives {
    private TestObjectives() {
    }

    /** A smooth objective given by value, gradient and Hessian lambdas. */
    interface Value {
        double at(double[] x);
    }

    interface Into {
        void at(double[] x, double[] out);
    }

    static Objective of(int n, Value value, Into gradient, Into hessian) {
        return new Objective() {
            public int dimension() {
                return n;
            }

            public double value(double[] x) {
                return value.at(x);
            }

            public void gradient(double[] x, double[] g) {
                gradient.at(x, g);
            }

            public boolean hasHessian() {
                return true;
            }

            public void hessian(double[] x, double[] h) {
                hessian.at(x, h);
            }
        };
    }

    /** 2-D Rosenbrock 100(y − x²)² + (1 − x)², minimum 0 at (1, 1). */
    static Objective rosenbrock() {
        return of(2,
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                (x, g) -> {
                    double t = x[1] - x[0] * x[0];
                    g[0] = -400 * x[0] * t - 2 * (1 - x[0]);
                    g[1] = 200 * t;
                },
                (x, h) -> {
                    h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
                    h[1] = -400 * x[0];
                    h[2] = -400 * x[0];
                    h[3] = 200;
                });
    }

    /** ½xᵀAx − bᵀx for symmetric positive definite A (row-major), minimised at A⁻¹b. */
    static Objective quadratic(double[] a, double[] b) {
        int n = b.length;
        return of(n,
                x -> {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[i * n + j] * x[j];
                        }
                        s += 0.5 * x[i] * ax - b[i] * x[i];
                    }
                    return s;
                },
                (x, g) -> {
                    for (int i = 0; i < n; i++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[i * n + j] * x[j];
                        }
                        g[i] = ax - b[i];
                    }
                },
                (x, h) -> System.arraycopy(a, 0, h, 0, n * n));
    }

    /** x⁴ − x² + y²: indefinite Hessian for |x| < 1/√6, minima −¼ at (±1/√2, 0). */
    static Objective quarticWell() {
        return of(2,
                x -> Math.pow(x[0], 4) - x[0] * x[0] + x[1] * x[1],
                (x, g) -> {
                    g[0] = 4 * Math.pow(x[0], 3) - 2 * x[0];
                    g[1] = 2 * x[1];
                },
                (x, h) -> {
                    h[0] = 12 * x[0] * x[0] - 2;
                    h[1] = 0;
                    h[2] = 0;
                    h[3] = 2;
                });
    }

    /** √(1 + x²): convex, minimum 1 at 0; the pure Newton map is x ↦ −x³, divergent for |x| > 1. */
    static Objective pseudoHuber() {
        return of(1,
                x -> Math.sqrt(1 + x[0] * x[0]),
                (x, g) -> g[0] = x[0] / Math.sqrt(1 + x[0] * x[0]),
                (x, h) -> h[0] = Math.pow(1 + x[0] * x[0], -1.5));
    }

    /**
     * log Σᵢ exp(xᵢ) + ½μ‖x‖² (strongly convex): a smooth problem on which Newton converges
     * quadratically; its minimiser x* satisfies softmax(x*) = −μx*, so the gradient is the certificate.
     */
    static Objective logSumExp(int n, double mu) {
        return of(n,
                x -> {
                    double m = max(x);
                    double s = 0;
                    double q = 0;
                    for (double v : x) {
                        s += Math.exp(v - m);
                        q += v * v;
                    }
                    return m + Math.log(s) + 0.5 * mu * q;
                },
                (x, g) -> {
                    softmax(x, g);
                    for (int i = 0; i < n; i++) {
                        g[i] += mu * x[i];
                    }
                },
                (x, h) -> {
                    double[] p = new double[n];
                    softmax(x, p);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            h[i * n + j] = (i == j ? p[i] + mu : 0) - p[i] * p[j];
                        }
                    }
                });
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void softmax(double[] x, double[] p) {
        double m = max(x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - m);
            s += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= s;
        }
    }

    /** The same objective without any second-order information. */
    static Objective withoutHessian(Objective f) {
        return new Objective() {
            public int dimension() {
                return f.dimension();
            }

            public double value(double[] x) {
                return f.value(x);
            }

            public void gradient(double[] x, double[] g) {
                f.gradient(x, g);
            }
        };
    }

    /** The same value and gradient with a Hessian that is NaN everywhere. */
    static Objective withNaNHessian(Objective f) {
        int n = f.dimension();
        return of(n, f::value, f::gradient, (x, h) -> java.util.Arrays.fill(h, Double.NaN));
    }

    /** f(x) = ½xᵀAx − bᵀx + c with A symmetric positive definite (row-major n×n). */
    static final class Quadratic implements Objective {
        final int n;
        final double[] a;
        final double[] b;
        final double c;

        Quadratic(double[] a, double[] b, double c) {
            this.n = b.length;
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double value(double[] x) {
            double s = c;
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += a[i * n + j] * x[j];
                }
                s += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return s;
        }

        @Override
        public void gradient(double[] x, double[] g) {
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += a[i * n + j] * x[j];
                }
                g[i] = ax - b[i];
            }
        }

        /** The minimiser A⁻¹b, computed by EJML. */
        double[] minimiser() {
            DMatrixRMaj am = new DMatrixRMaj(n, n, true, a);
            DMatrixRMaj bm = new DMatrixRMaj(n, 1, true, b);
            DMatrixRMaj xm = new DMatrixRMaj(n, 1);
            if (!CommonOps_DDRM.solveSPD(am.copy(), bm.copy(), xm)) {
                throw new IllegalStateException("matrix is not positive definite");
            }
            return xm.data.clone();
        }
    }

    /**
     * ½(x − x*)ᵀA(x − x*), evaluated in that form so that f and ∇f stay accurate right up to the
     * minimiser x*, with a random A as in {@link #randomQuadratic}.
     */
    static Objective centredQuadratic(int n, double condition, long seed) {
        Quadratic q = randomQuadratic(n, condition, seed);
        double[] xStar = new double[n];
        for (int i = 0; i < n; i++) {
            xStar[i] = i + 1;
        }
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += q.a[i * n + j] * (x[j] - xStar[j]);
                    }
                    s += 0.5 * (x[i] - xStar[i]) * ax;
                }
                return s;
            }

            @Override
            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += q.a[i * n + j] * (x[j] - xStar[j]);
                    }
                    g[i] = ax;
                }
            }
        };
    }

    /** The minimiser of {@link #centredQuadratic}: (1, 2, …, n). */
    static double[] centredMinimiser(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** A random SPD quadratic QᵀDQ with eigenvalues spread log-uniformly over [1, condition]. */
    static Quadratic randomQuadratic(int n, double condition, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        // Orthonormal Q from the QR factorisation of a Gaussian matrix.
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(m);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            d.set(i, i, n == 1 ? 1 : Math.pow(condition, (double) i / (n - 1)));
        }
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, d, qd);
        CommonOps_DDRM.multTransB(qd, q, a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, s);
                a.set(j, i, s);
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextGaussian();
        }
        return new Quadratic(a.data, b, rnd.nextGaussian());
    }

    /** Wraps {@code inner} so that every evaluation after the first {@code good} ones returns NaN. */
    static Objective nanAfter(Objective inner, int good) {
        return new Objective() {
            int calls;

            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double value(double[] x) {
                return ++calls > good ? Double.NaN : inner.value(x);
            }

            @Override
            public void gradient(double[] x, double[] g) {
                inner.gradient(x, g);
                if (++calls > good) {
                    java.util.Arrays.fill(g, Double.NaN);
                }
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                inner.gradient(x, g);
                if (++calls > good) {
                    java.util.Arrays.fill(g, Double.NaN);
                    return Double.NaN;
                }
                return inner.value(x);
            }
        };
    }

    /** Central-difference gradient, for checking analytic gradients. */
    static double[] finiteDifferenceGradient(Objective f, double[] x) {
        double[] g = new double[x.length];
        double[] xp = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            xp[i] = x[i] + h;
            double fp = f.value(xp);
            xp[i] = x[i] - h;
            double fm = f.value(xp);
            xp[i] = x[i];
            g[i] = (fp - fm) / (2 * h);
        }
        return g;
    }
}
