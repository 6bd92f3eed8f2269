package io.fixpoint.problem;

import java.util.List;

/**
 * What to solve, never how. Every problem kind (objective, least squares, root, fixed-point map,
 * recurrence) is a plain interface over {@code double[]} that knows its dimension and can hand the
 * driver a view of itself that counts evaluations.
 *
 * @param <P> the problem kind itself, so that {@link #counted} keeps the kind
 */
public interface Problem<P extends Problem<P>> {

    /** Length of the unknown vector. */
    int dimension();

    /** A view of this problem that records every evaluation in {@code counts}. */
    P counted(Counts counts);

    /**
     * Caveats every solution of this problem must carry, e.g. that its gradient is approximated by
     * finite differences; the driver appends them to the solution's message and details.
     */
    default List<String> warnings() {
        return List.of();
    }
}
