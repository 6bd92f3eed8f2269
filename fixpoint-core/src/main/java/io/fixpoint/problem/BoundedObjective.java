package io.fixpoint.problem;

import java.util.List;

/**
 * Minimise a smooth f: Rⁿ → R subject to simple bounds lower ≤ x ≤ upper (infinite entries: no bound
 * on that side). The objective and its bounds travel together, so the counted view a solver receives
 * keeps the bounds.
 *
 * <p>First-order optimality on the box is measured by the projected-gradient norm
 * ‖P(x − ∇f(x)) − x‖₂ ({@link Bounds#projectedGradientNorm}), zero exactly at the points that satisfy the
 * KKT conditions of the bound-constrained problem.
 */
public interface BoundedObjective extends Problem<BoundedObjective> {

    /** The function to minimise, with its derivatives. */
    Objective objective();

    /** The box. */
    Bounds bounds();

    @Override
    default int dimension() {
        return objective().dimension();
    }

    @Override
    default BoundedObjective counted(Counts counts) {
        return new BoxedObjective(objective().counted(counts), bounds());
    }

    @Override
    default List<String> warnings() {
        return objective().warnings();
    }

    /**
     * {@code objective} restricted to {@code bounds}.
     *
     * @throws InvalidProblemException if the bounds do not have the objective's dimension
     */
    static BoundedObjective of(Objective objective, Bounds bounds) {
        InvalidProblemException.checkDimension("bounds", bounds.dimension(), objective.dimension());
        return new BoxedObjective(objective, bounds);
    }
}
