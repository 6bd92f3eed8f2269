package io.fixpoint.ranking;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The covariance of the reported parameters (scores centred to sum to zero, then h and η) from the
 * observed information: C·(∇²f)⁻¹·C, where C centres the scores and leaves h and η alone.
 *
 * <p>For maximum likelihood ∇²f = H + 1ₛ1ₛᵀ, with H = −∇²ℓ singular along the shift 1ₛ (ones on the
 * scores). Since 1ₛ is an eigenvector of H for the eigenvalue 0, (∇²f)⁻¹ = H⁺ + 1ₛ1ₛᵀ/n², and
 * C·(∇²f)⁻¹·C = H⁺: the covariance of the estimate constrained to Σsᵢ = 0. For the MAP estimate
 * ∇²f is the posterior's information and C carries its inverse to the centred scores.
 */
final class Covariance {
    private Covariance() {
    }

    /** The dim × dim covariance, row-major, or null when the information matrix is not positive definite. */
    static double[] at(BradleyTerryModel model, double[] theta) {
        int dim = model.dimension();
        DMatrixRMaj information = new DMatrixRMaj(dim, dim);
        model.objective().hessian(theta, information.data);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(dim);
        if (!cholesky.setA(information)) {
            return null;
        }
        DMatrixRMaj inverse = new DMatrixRMaj(dim, dim);
        cholesky.invert(inverse);
        double[] c = inverse.data;
        int items = model.items;
        // Centre the score rows, then the score columns: C·M·C with C = I − 1ₛ1ₛᵀ/n on the scores.
        double[] mean = new double[dim];
        for (int k = 0; k < dim; k++) {
            double s = 0;
            for (int i = 0; i < items; i++) {
                s += c[i * dim + k];
            }
            mean[k] = s / items;
        }
        for (int i = 0; i < items; i++) {
            for (int k = 0; k < dim; k++) {
                c[i * dim + k] -= mean[k];
            }
        }
        for (int k = 0; k < dim; k++) {
            double s = 0;
            for (int i = 0; i < items; i++) {
                s += c[k * dim + i];
            }
            s /= items;
            for (int i = 0; i < items; i++) {
                c[k * dim + i] -= s;
            }
        }
        return c;
    }
}
