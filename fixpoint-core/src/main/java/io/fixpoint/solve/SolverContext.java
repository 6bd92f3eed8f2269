package io.fixpoint.solve;

import io.fixpoint.parallel.ParallelExecutor;
import java.util.Map;

/**
 * What a solver may be built with beyond its defaults: the executor parallel solvers run on (the
 * caller owns and closes it) and named parameters a solver reads when given (e.g. {@code block} for
 * Gauss–Seidel over time); an absent parameter means the solver's default.
 */
public record SolverContext(ParallelExecutor executor, Map<String, Double> parameters) {

    /** A context with a single-threaded executor and no parameters. */
    public static final SolverContext SEQUENTIAL = new SolverContext(ParallelExecutor.sequential(), Map.of());

    public SolverContext {
        parameters = Map.copyOf(parameters);
    }

    public static SolverContext of(ParallelExecutor executor) {
        return new SolverContext(executor, Map.of());
    }

    /** The parameter called {@code name}, or {@code otherwise} when not given. */
    public double parameter(String name, double otherwise) {
        return parameters.getOrDefault(name, otherwise);
    }
}
