package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;

/** DEER: Newton over the trajectory with dense D×D Jacobians, each step one parallel affine scan (see {@link NewtonScan}). */
public final class Deer extends NewtonScan {

    public Deer(ParallelExecutor executor) {
        super(executor, false);
    }

    @Override
    public String name() {
        return "deer";
    }
}
