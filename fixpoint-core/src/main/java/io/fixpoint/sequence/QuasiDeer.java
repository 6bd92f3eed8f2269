package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;

/**
 * Quasi-DEER (Gonzalez et al., "Towards Scalable and Stable Parallelization of Nonlinear RNNs", 2024):
 * Newton over the trajectory with only the diagonal of each Jacobian, so a scan element costs O(D)
 * instead of O(D³); convergence is linear instead of quadratic (see {@link NewtonScan}).
 */
public final class QuasiDeer extends NewtonScan {

    public QuasiDeer(ParallelExecutor executor) {
        super(executor, true);
    }

    @Override
    public String name() {
        return "quasi-deer";
    }
}
