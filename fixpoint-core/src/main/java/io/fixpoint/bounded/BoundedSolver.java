package io.fixpoint.bounded;

import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;

/**
 * A minimiser subject to bounds. It solves a {@link BoundedObjective}; its state keeps the bounds from
 * {@code init}, so a step needs only the objective, and {@link #unconstrained()} runs the same method
 * on a plain {@link Objective} with no bounds at all.
 *
 * <p>A start outside the box is projected onto it in {@code init}; the solution then says so in its
 * message and under {@code details().get("warnings")}. The optimality measure of every bounded
 * solver is the projected-gradient norm ‖P(x − ∇f(x)) − x‖₂.
 *
 * @param <S> the solver's state
 */
public interface BoundedSolver<S extends IterationState> extends Solver<BoundedObjective, S> {

    /** The state at the projection of {@code x0} onto {@code bounds}; {@code x0} may be overwritten. */
    S init(Objective f, Bounds bounds, double[] x0);

    /** One iteration on {@code f}, within the bounds the state was started with. */
    S step(Objective f, S state);

    @Override
    default S init(BoundedObjective problem, double[] x0) {
        return init(problem.objective(), problem.bounds(), x0);
    }

    @Override
    default S step(BoundedObjective problem, S state) {
        return step(problem.objective(), state);
    }

    /** This method as an unconstrained minimiser (all bounds infinite), under the same name. */
    default Solver<Objective, S> unconstrained() {
        return new Unconstrained<>(this);
    }
}
