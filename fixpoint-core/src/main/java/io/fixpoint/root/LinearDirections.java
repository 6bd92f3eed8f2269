package io.fixpoint.root;

import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** The dense steps root solvers share: a Newton direction with a least-squares fallback, slopes of ½‖F‖². */
final class LinearDirections {
    private LinearDirections() {
    }

    /**
     * dir ← A⁻¹·rhs by LU, or the minimum-norm least-squares solution when A is singular; {@code work}
     * (same shape as A) keeps A intact whatever the decompositions do to their input.
     */
    static void solve(DMatrixRMaj a, DMatrixRMaj work, DMatrixRMaj rhs, DMatrixRMaj dir, LinearSolverDense<DMatrixRMaj> lu,
            LinearSolverDense<DMatrixRMaj> pinv) {
        work.setTo(a);
        boolean ok = lu.setA(work) && lu.quality() > 1e-14;
        if (ok) {
            lu.solve(rhs, dir);
            ok = allFinite(dir.data);
        }
        if (!ok) {
            work.setTo(a);
            pinv.setA(work);
            pinv.solve(rhs, dir);
        }
    }

    /** inverse ← A⁻¹ by LU, or the pseudo-inverse when A is singular; {@code work} as in {@link #solve}. */
    static void invert(DMatrixRMaj a, DMatrixRMaj work, DMatrixRMaj inverse, LinearSolverDense<DMatrixRMaj> lu,
            LinearSolverDense<DMatrixRMaj> pinv) {
        work.setTo(a);
        boolean ok = lu.setA(work) && lu.quality() > 1e-14;
        if (ok) {
            lu.invert(inverse);
            ok = allFinite(inverse.data);
        }
        if (!ok) {
            work.setTo(a);
            pinv.setA(work);
            pinv.invert(inverse);
        }
    }

    /** Fᵀ(J d), the slope of ½‖F‖² along d; jd is a workspace. */
    static double descentSlope(double[] jac, double[] f, double[] d, double[] jd) {
        int n = f.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += jac[i * n + j] * d[j];
            }
            jd[i] = v;
            s += f[i] * v;
        }
        return s;
    }

    /** d ← −JᵀF, returning its slope −‖JᵀF‖². */
    static double steepest(double[] jac, double[] f, double[] d) {
        int n = f.length;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += jac[i * n + j] * f[i];
            }
            d[j] = -v;
            s -= v * v;
        }
        return s;
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
