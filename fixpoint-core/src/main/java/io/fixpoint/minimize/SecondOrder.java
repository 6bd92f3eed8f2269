package io.fixpoint.minimize;

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
        int n = s.x.length;
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

    static Verdict nonFiniteHessian() {
        return new Verdict(Status.NON_FINITE, "the Hessian has a non-finite entry at the current iterate");
    }
}
