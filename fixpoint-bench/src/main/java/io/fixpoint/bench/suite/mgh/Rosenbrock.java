package io.fixpoint.bench.suite.mgh;

/** MGH (1): r1 = 10(x2 − x1²), r2 = 1 − x1; x0 = (−1.2, 1); f* = 0 at (1, 1). */
public final class Rosenbrock extends ExtendedRosenbrock {

    public Rosenbrock() {
        super("rosenbrock", 2);
    }
}
