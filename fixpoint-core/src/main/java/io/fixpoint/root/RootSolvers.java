package io.fixpoint.root;

import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in root solvers by command-line name; the first, {@code hybrid}, is the default. */
public final class RootSolvers {
    private static final Map<String, Supplier<Solver<RootProblem, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();

    static {
        register("hybrid", PowellHybrid::new);
        register("newton", NewtonRoot::new);
        register("broyden-good", Broyden::good);
        register("broyden-bad", Broyden::bad);
    }

    private RootSolvers() {
    }

    private static void register(String name, Supplier<Solver<RootProblem, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** The default method's name. */
    public static String defaultName() {
        return "hybrid";
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<RootProblem, ? extends IterationState> byName(String name) {
        Supplier<Solver<RootProblem, ? extends IterationState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown root method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
