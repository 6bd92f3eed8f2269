package io.fixpoint.sequence;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import java.util.List;

/** Trajectory solves the way the command line runs them: the catalogue's solver and settings, capped at T. */
final class Trajectories {
    static final List<String> METHODS = Catalog.builtIn().names(ProblemKind.SEQUENCE);
    static final Settings DEFAULTS = Catalog.builtIn().sequence("deer").defaults();

    private Trajectories() {
    }

    static TrajectorySolver<?> solver(String method, ParallelExecutor ex) {
        return (TrajectorySolver<?>) Catalog.builtIn().sequence(method).create(SolverContext.of(ex));
    }

    static Solution solve(TrajectorySolver<?> solver, Recurrence p) {
        return solve(solver, p, Sequences.constantGuess(p), DEFAULTS.tolerances().absolute());
    }

    static Solution solve(TrajectorySolver<?> solver, Recurrence p, double[] guess, double tolerance) {
        return Sequences.capped(Settings.tolerance(tolerance).withoutStallRule(), p).driver().solve(solver, p, guess);
    }
}
