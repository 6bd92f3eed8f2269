package io.fixpoint.problem;

import java.util.Objects;

/** An objective with its box, as a value. */
record BoxedObjective(Objective objective, Bounds bounds) implements BoundedObjective {

    BoxedObjective {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(bounds, "bounds");
    }
}
