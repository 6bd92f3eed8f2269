package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Objects;

/** A bounded solver on an objective without bounds: the box is all of Rⁿ. */
record Unconstrained<S extends IterationState>(BoundedSolver<S> solver) implements Solver<Objective, S> {

    Unconstrained {
        Objects.requireNonNull(solver, "solver");
    }

    @Override
    public String name() {
        return solver.name();
    }

    @Override
    public S init(Objective f, double[] x0) {
        return solver.init(f, Bounds.unbounded(f.dimension()), x0);
    }

    @Override
    public S step(Objective f, S state) {
        return solver.step(f, state);
    }
}
