package io.fixpoint.constrained;

import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in solvers for problems with general constraints, by command-line name, each with its default configuration. */
public final class ConstrainedSolvers {
    private static final Map<String, Supplier<Solver<ConstrainedProblem, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();

    static {
        // one line per solver: register("name", Class::new);
        register("sqp", Sqp::new);
        register("augmented-lagrangian", AugmentedLagrangian::new);
    }

    private ConstrainedSolvers() {
    }

    private static void register(String name, Supplier<Solver<ConstrainedProblem, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<ConstrainedProblem, ? extends IterationState> byName(String name) {
        Supplier<Solver<ConstrainedProblem, ? extends IterationState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
