package io.fixpoint.problem;

import java.util.Objects;

/** An objective with its L1 weights, as a value; the weights array is never handed out. */
record WeightedL1Objective(Objective objective, double[] lambda) implements L1Objective {

    WeightedL1Objective {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(lambda, "weights");
    }

    @Override
    public double[] weights() {
        return lambda.clone();
    }
}
