package io.fixpoint.minimize;

import io.fixpoint.linalg.Lanczos;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Checks and verdicts shared by the second-order minimisers. */
final class SecondOrder {
    /** An eigenvalue below −NEGATIVE·max(1, ‖∇²f‖) is negative curvature, not rounding (√ε). */
    static final double NEGATIVE = 1.5e-8;
    /**
     * Beyond this dimension the second-order check runs on Hessian–vector products (Lanczos) instead of a
     * dense ∇²f: at n = 1000 the dense check (n products, or one Hessian, and an O(n³) eigendecomposition)
     * took a hundred times as long as trust-region Newton–CG's whole solve.
     */
    static final int DENSE_CHECK = 100;
    /** Hessian–vector products of each Lanczos run of the matrix-free check. */
    static final int LANCZOS_PRODUCTS = 100;

    private SecondOrder() {
    }

    /** Throws unless {@code f} provides its Hessian, naming the solver. */
    static void requireHessian(String solver, Objective f) {
        if (!f.hasHessian()) {
            throw new InvalidProblemException(solver + " needs the Hessian of the objective, but it provides none (hasHessian() is false)");
        }
    }

    /** Throws unless {@code f} provides Hessian-vector products, naming the solver. */
    static void requireHessianVector(String solver, Objective f) {
        if (!f.hasHessianVector()) {
            throw new InvalidProblemException(solver
                    + " needs Hessian-vector products of the objective, but it provides none (hasHessianVector() is false)");
        }
    }

    /**
     * The second-order check where a second-order method's gradient test holds: the smallest eigenvalue
     * of ∇²f at x (from the Hessian, or from n Hessian–vector products), recorded in the state. A
     * gradient that vanished at a saddle (Beale at (0, 1): eigenvalues ±27.75) is no minimum, and a
     * method that only shifts an indefinite Hessian cannot leave it, so a clearly negative eigenvalue,
     * below −{@value #NEGATIVE}·max(1, ‖∇²f‖), ends the solve STALLED, saying so. Evaluates ∇²f once,
     * at the end of a solve (counted).
     */
    static Verdict confirmMinimum(Objective f, GradientState s) {
        if (f.convex()) {
            return null; // a stationary point of a convex function is a minimum
        }
        int n = s.x.length;
        if (n > DENSE_CHECK) {
            return confirmByLanczos(f, s);
        }
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        if (f.hasHessian()) {
            f.hessian(s.x, h.data);
        } else {
            double[] e = new double[n];
            double[] column = new double[n];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                f.hessianVector(s.x, e, column);
                e[j] = 0;
                for (int i = 0; i < n; i++) {
                    h.set(i, j, column[i]);
                }
            }
        }
        if (!Vectors.allFinite(h.data)) {
            return nonFiniteHessian();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h.get(i, j) + h.get(j, i));
                h.set(i, j, mean);
                h.set(j, i, mean);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(h)) {
            return null;
        }
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double lambda = eig.getEigenvalue(i).getReal();
            smallest = Math.min(smallest, lambda);
            largest = Math.max(largest, Math.abs(lambda));
        }
        s.curvature = smallest;
        if (smallest >= -NEGATIVE * Math.max(1, largest)) {
            return null;
        }
        return new Verdict(Status.STALLED, String.format(Locale.ROOT, "a saddle point, not a minimum: ‖∇f‖ = %.3g met the tolerance, but ∇²f has "
                + "the negative eigenvalue %.6g; this method cannot leave it (start elsewhere)", s.optimality, smallest));
    }

    /**
     * The second-order check without forming ∇²f, for large n: Lanczos on −∇²f and on ∇²f from a fixed
     * start, {@value #LANCZOS_PRODUCTS} products each at most (counted). A Ritz value never exceeds the
     * largest eigenvalue (Cauchy interlacing), so −θ(−∇²f) is an upper bound on the smallest eigenvalue of
     * ∇²f: when it is clearly negative the point is a saddle for certain; otherwise it is accepted, as
     * the dense check accepts what it cannot refuse.
     */
    private static Verdict confirmByLanczos(Objective f, GradientState s) {
        int n = s.x.length;
        double[] x = s.x;
        double[] start = new double[n];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            start[i] = random.nextDouble() - 0.5;
        }
        Lanczos.Estimate low = Lanczos.largestEigenvalue((v, y) -> {
            f.hessianVector(x, v, y);
            Vectors.scale(-1, y);
        }, start, 1e-3, LANCZOS_PRODUCTS);
        Lanczos.Estimate high = Lanczos.largestEigenvalue((v, y) -> f.hessianVector(x, v, y), start, 1e-3, LANCZOS_PRODUCTS);
        if (!Double.isFinite(low.value()) || !Double.isFinite(high.value())) {
            return nonFiniteHessian();
        }
        double smallest = -low.value();
        s.curvature = smallest;
        if (smallest >= -NEGATIVE * Math.max(1, Math.max(Math.abs(high.value()), Math.abs(smallest)))) {
            return null;
        }
        return new Verdict(Status.STALLED, String.format(Locale.ROOT, "a saddle point, not a minimum: ‖∇f‖ = %.3g met the tolerance, but ∇²f has "
                + "an eigenvalue at most %.6g (Lanczos); this method cannot leave it (start elsewhere)", s.optimality, smallest));
    }

    static Verdict nonFiniteHessian() {
        return new Verdict(Status.NON_FINITE, "the Hessian has a non-finite entry at the current iterate");
    }
}
