package io.fixpoint.minimize;

import io.fixpoint.problem.Objective;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Objectives with known minimisers for the minimiser tests. */
final class TestObjectives {
    private TestObjectives() {
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

    /** Rosenbrock's function 100(x₂ − x₁²)² + (1 − x₁)², minimised at (1, 1) with value 0. */
    static Objective rosenbrock() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                double u = x[1] - x[0] * x[0];
                double v = 1 - x[0];
                return 100 * u * u + v * v;
            }

            @Override
            public void gradient(double[] x, double[] g) {
                double u = x[1] - x[0] * x[0];
                g[0] = -400 * x[0] * u - 2 * (1 - x[0]);
                g[1] = 200 * u;
            }
        };
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
