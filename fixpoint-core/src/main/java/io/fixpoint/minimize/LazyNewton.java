package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Regularised Newton with lazy Hessians, after N. Doikov, E. M. Chayti and M. Jaggi, "Second-order
 * optimization with lazy Hessians" (ICML 2023): the Hessian H = ∇²f(z) is computed at a snapshot z
 * only once every m iterations (m defaults to the dimension, the paper's optimal period) and reused
 * with a fresh gradient at every step of the period:
 *
 * <pre>
 *   x⁺ = x − (H + λI)⁻¹ ∇f(x),   λ = √(M ‖∇f(x)‖)   (gradient regularisation).
 * </pre>
 *
 * H = V diag(μ) Vᵀ is diagonalised once per period (EJML symmetric eigensolver, O(n³)), so every step,
 * and every trial value of λ, costs O(n²). M is adapted by the usual doubling search: a trial is
 * accepted when ⟨∇f(x⁺), x − x⁺⟩ ≥ ‖∇f(x⁺)‖² / (4λ). Writing ∇f(x⁺) = −λ(x⁺ − x) + e, the test holds
 * whenever the model error ‖e‖ ≤ λ‖x⁺ − x‖, which a large enough M guarantees (M ≥ L/2 for a fresh
 * Hessian with L-Lipschitz ∇²f); for convex f it gives f(x) − f(x⁺) ≥ ‖∇f(x⁺)‖² / (4λ). M is doubled on
 * failure and halved after success. For non-convex f two safeguards are added: λ is raised by max(0, −μ_min) so that H + λI
 * stays positive definite, and a trial must not increase f.
 */
public final class LazyNewton implements Solver<Objective, LazyNewton.State> {
    static final int MAX_TRIALS = 100;
    static final double MIN_M = 1e-12;

    private final int period;
    private final double initialM;

    /** Hessian period = dimension, M₀ = 1. */
    public LazyNewton() {
        this(0, 1);
    }

    /**
     * @param period   iterations between Hessian evaluations; 0 means the dimension of the problem
     * @param initialM the first regularisation constant M (> 0)
     */
    public LazyNewton(int period, double initialM) {
        if (period < 0) {
            throw new IllegalArgumentException("period must be ≥ 0 (0 = dimension), got " + period);
        }
        if (!(initialM > 0) || Double.isInfinite(initialM)) {
            throw new IllegalArgumentException("initialM must be finite and > 0, got " + initialM);
        }
        this.period = period;
        this.initialM = initialM;
    }

    @Override
    public String name() {
        return "lazy-newton";
    }

    @Override
    public State init(Objective f, double[] x0) {
        SecondOrder.requireHessian(name(), f);
        int n = x0.length;
        return new State(f, x0, period == 0 ? Math.max(1, n) : period, initialM);
    }

    /** The gradient test holds: check the second-order condition there (see {@link SecondOrder#confirmMinimum}). */
    @Override
    public Verdict confirm(Objective f, State s) {
        return SecondOrder.confirmMinimum(f, s);
    }

    @Override
    public State step(Objective f, State s) {
        if (s.age >= s.period && !s.refresh(f)) {
            return s;
        }
        s.age++;
        int n = s.x.length;
        double[] v = s.vectors;
        for (int j = 0; j < n; j++) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += v[i * n + j] * s.g[i];
            }
            s.vtg[j] = t;
        }
        double gNorm = s.optimality;
        double floor = Math.max(0, -s.minEigenvalue);
        double tolerance = 16 * Math.ulp(s.value);
        double m = s.m;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            double lambda = Math.sqrt(m * gNorm) + floor;
            for (int j = 0; j < n; j++) {
                s.scaled[j] = s.vtg[j] / (s.eigenvalues[j] + lambda);
            }
            for (int i = 0; i < n; i++) {
                double r = 0;
                for (int j = 0; j < n; j++) {
                    r += v[i * n + j] * s.scaled[j];
                }
                s.step[i] = -r;
            }
            Vectors.addScaled(s.x, 1, s.step, s.xTrial);
            double fNew = f.valueAndGradient(s.xTrial, s.gTrial);
            if (Double.isFinite(fNew) && Vectors.allFinite(s.gTrial) && fNew <= s.value + tolerance
                    && -Vectors.dot(s.gTrial, s.step) >= Vectors.dot(s.gTrial, s.gTrial) / (4 * lambda)) {
                s.accept(fNew, lambda, Math.max(MIN_M, m / 2));
                return s;
            }
            m *= 2;
            s.rejections++;
        }
        s.verdict = new Verdict(Status.STALLED, "no regularisation up to M = " + String.format(Locale.ROOT, "%.3g", m)
                + " passed the acceptance test");
        return s;
    }

    /** Iterate, gradient, the lazy Hessian's eigendecomposition and workspaces of a lazy-Newton solve. */
    public static final class State extends GradientState {
        final int period;
        final double[] step;
        /** Vᵀ∇f(x), and its scaling by (μ + λ)⁻¹. */
        final double[] vtg;
        final double[] scaled;
        final double[] hessian;
        final DMatrixRMaj work;
        final EigenDecomposition_F64<DMatrixRMaj> eigen;
        final double[] eigenvalues;
        final double[] vectors;
        double minEigenvalue;
        int age;
        int hessians;
        int rejections;
        double m;
        double lambda = Double.NaN;

        State(Objective f, double[] x0, int period, double m) {
            super(f, x0);
            int n = x0.length;
            this.period = period;
            this.m = m;
            step = new double[n];
            vtg = new double[n];
            scaled = new double[n];
            hessian = new double[n * n];
            work = new DMatrixRMaj(n, n);
            eigen = DecompositionFactory_DDRM.eig(n, true, true);
            eigenvalues = new double[n];
            vectors = new double[n * n];
            age = period;
        }

        /** Evaluates and diagonalises the Hessian at x; false (with a verdict) when that is impossible. */
        boolean refresh(Objective f) {
            int n = x.length;
            f.hessian(x, hessian);
            hessians++;
            if (!Vectors.allFinite(hessian)) {
                verdict = SecondOrder.nonFiniteHessian();
                return false;
            }
            System.arraycopy(hessian, 0, work.data, 0, n * n);
            if (!eigen.decompose(work)) {
                verdict = new Verdict(Status.STALLED, "the eigendecomposition of the Hessian failed");
                return false;
            }
            minEigenvalue = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                eigenvalues[j] = eigen.getEigenvalue(j).real;
                minEigenvalue = Math.min(minEigenvalue, eigenvalues[j]);
                DMatrixRMaj vj = eigen.getEigenVector(j);
                for (int i = 0; i < n; i++) {
                    vectors[i * n + j] = vj.data[i];
                }
            }
            age = 0;
            return true;
        }

        void accept(double fNew, double lambdaUsed, double nextM) {
            lambda = lambdaUsed;
            m = nextM;
            acceptTrial(fNew, Vectors.norm(step));
        }

        /** Hessians evaluated so far (one per lazy period). */
        public int hessians() {
            return hessians;
        }

        /** The Hessian period m. */
        public int period() {
            return period;
        }

        @Override
        protected void describe(Details details) {
            super.describe(details);
            details.put("period", period).put("hessianPeriods", hessians).put("regularization", lambda).put("regularizationConstant", m)
                    .put("rejections", rejections);
        }
    }
}
