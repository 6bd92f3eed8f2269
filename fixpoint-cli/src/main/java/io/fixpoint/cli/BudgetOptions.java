package io.fixpoint.cli;

import io.fixpoint.solve.Settings;
import picocli.CommandLine.Option;

/**
 * The budget options every solving command takes: iterations and wall time, merged over the
 * method's defaults. {@link DriverOptions} adds the tolerances; a command whose method has no
 * tolerance to set (training: a minibatch gradient is no certificate) takes these alone.
 */
final class BudgetOptions {
    @Option(names = "--max-iter", paramLabel = "N", description = "Iteration limit (for train: updates). Default: the method's.")
    Integer maxIter;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Wall-time limit of the solve, checked between iterations; the solve ends BUDGET_EXHAUSTED when it passes.")
    Double timeLimit;

    /** {@code defaults} with the budget the user gave; a bad value is a {@link UserError}. */
    Settings over(Settings defaults) {
        if (maxIter != null && maxIter < 1) {
            throw new UserError("--max-iter must be ≥ 1, got " + maxIter);
        }
        return defaults.override(null, null, maxIter, timeLimit == null ? null : DriverOptions.duration("--time-limit", timeLimit));
    }
}
