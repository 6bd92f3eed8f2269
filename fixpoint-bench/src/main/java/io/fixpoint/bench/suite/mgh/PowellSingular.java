package io.fixpoint.bench.suite.mgh;

/** MGH (13): the extended Powell function with n = m = 4; x0 = (3, −1, 0, 1); f* = 0 at the origin. */
public final class PowellSingular extends ExtendedPowell {

    public PowellSingular() {
        super("powell-singular", 4);
    }
}
