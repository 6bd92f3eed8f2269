package io.fixpoint.derivativefree;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The minimisers that use values of f only, by command-line name, each with its default configuration. */
public final class DerivativeFreeSolvers {
    private static final Map<String, Supplier<Solver<Objective, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();

    static {
        // one line per solver: register("name", Class::new);
        register("nelder-mead", NelderMead::new);
        register("model-trust-region", ModelTrustRegion::new);
    }

    private DerivativeFreeSolvers() {
    }

    private static void register(String name, Supplier<Solver<Objective, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** Whether {@code name} is one of these solvers. */
    public static boolean contains(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<Objective, ? extends IterationState> byName(String name) {
        Supplier<Solver<Objective, ? extends IterationState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
