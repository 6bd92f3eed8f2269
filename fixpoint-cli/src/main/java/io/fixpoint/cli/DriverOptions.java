package io.fixpoint.cli;

import io.fixpoint.problem.Problem;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.SolverSpec;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every solving command takes, merged over the solver's defaults from the catalogue,
 * and the solve under them: the one route from the command line to the driver. The budget
 * ({@code --max-iter}, {@code --time-limit}) is {@link BudgetOptions}, mixed in here.
 */
final class DriverOptions {
    @Option(names = "--tol", paramLabel = "X", description = "Absolute tolerance on the optimality measure. Default: the method's.")
    Double tol;

    @Option(names = "--rtol", paramLabel = "X",
            description = "Tolerance relative to the optimality measure at the start, never looser than the method's ceiling "
                    + "(minimisers: 1e-5·max(1, |f|) at the current point). Default: the method's (0 when --tol is given).")
    Double rtol;

    @Mixin
    BudgetOptions budget = new BudgetOptions();

    /** {@code defaults} with what the user gave; a bad value is a {@link UserError}. */
    Settings over(Settings defaults) {
        checkTolerance("--tol", tol);
        checkTolerance("--rtol", rtol);
        return budget.over(defaults.override(tol, rtol, null, null));
    }

    /** {@code m} on {@code problem} from {@code x0} under these options merged over its defaults, with progress on stderr. */
    <P extends Problem<P>> Solution solve(CommandSpec spec, SolverSpec<P> m, P problem, double[] x0) {
        return solve(spec, m, problem, x0, "optimality");
    }

    /** The same, with the optimality measure named as the family names it in the progress line. */
    <P extends Problem<P>> Solution solve(CommandSpec spec, SolverSpec<P> m, P problem, double[] x0, String measure) {
        return solve(spec, m.create(), over(m.defaults()), problem, x0, measure);
    }

    /** {@code solver} on {@code problem} from {@code x0} under {@code settings}; a solve that runs long shows its progress on stderr. */
    static <P extends Problem<P>> Solution solve(CommandSpec spec, Solver<P, ?> solver, Settings settings, P problem, double[] x0, String measure) {
        try (SolveProgress progress = new SolveProgress(spec.commandLine().getErr(), solver.name(), measure, settings.timeLimit())) {
            return settings.driver(progress).solve(solver, problem, x0);
        }
    }

    /** A positive, finite number of seconds as a duration, or a {@link UserError}. */
    static Duration duration(String option, double seconds) {
        if (!(seconds > 0) || seconds > 1e9) {
            throw new UserError(option + " must be a positive number of seconds, got " + seconds);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private static void checkTolerance(String option, Double v) {
        if (v != null && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new UserError(option + " must be finite and ≥ 0, got " + v);
        }
    }
}
